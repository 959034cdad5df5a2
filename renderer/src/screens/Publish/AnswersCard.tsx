import { Eye, Film } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaqOverview } from '@shared/domain/faq';
import { useApi } from '../../api/hooks';
import { Badge, Card, IconButton } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import { PreviewDialog } from './PreviewDialog';

const changeTone = { new: 'info', changed: 'accent', unchanged: 'neutral' } as const;

/** The public answers, what changed since the last publication, and what is still to decide. */
export function AnswersCard({
  overview,
  navigate,
  toRecheck,
}: {
  overview: FaqOverview;
  navigate: ScreenProps['navigate'];
  /** Answers a release put on the list to re-check (issue 22). */
  toRecheck: ReadonlySet<number>;
}) {
  const { t } = useTranslation(['publish', 'followUp']);
  const fmt = useFormat();
  // Sent, solved, not yet: how each answer fares with customers (issue 22).
  const feedback = useApi('answers:feedback', { ids: overview.answers.map((a) => a.id) });
  // Only what happened ("Sent 3 · Solved 2"), so the column stays narrow; a dash for nothing yet.
  const summaryOf = (id: number) => {
    const f = feedback.data?.find((x) => x.answerId === id);
    if (!f) return '';
    const parts = (
      [
        ['sent', f.sent],
        ['solved', f.solved],
        ['notSolved', f.notSolved],
      ] as const
    )
      .filter(([, n]) => n > 0)
      .map(([key, n]) => `${t(`followUp:feedback.${key}`)} ${n}`);
    return parts.length ? parts.join(' · ') : '—';
  };
  const [previewing, setPreviewing] = useState<number | null>(null);
  return (
    <Card title={t('publicAnswers', { count: overview.answers.length })}>
      <table className="k-table" data-testid="public-answers">
        <thead>
          <tr>
            <th>{t('column.title')}</th>
            <th>{t('column.areas')}</th>
            <th>{t('column.updated')}</th>
            <th>{t('column.change')}</th>
            <th>{t('followUp:publish.column')}</th>
            <th>{t('column.privacy')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.answers.map((a) => (
            <tr key={a.id}>
              <td>
                <a
                  href={`#/answers/${a.id}`}
                  lang={a.language}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate('answers', a.id);
                  }}
                >
                  {a.title}
                </a>
                {a.language === 'en' && <Badge>EN</Badge>}
                {toRecheck.has(a.id) && (
                  <Badge tone="warning" data-testid="publish-recheck-badge">
                    {t('followUp:publish.badge')}
                  </Badge>
                )}
                <IconButton
                  className="k-publish__preview"
                  label={t('preview.open', { title: a.title })}
                  icon={<Eye size={14} />}
                  onClick={() => setPreviewing(a.id)}
                />
                {a.ownTitle && <div className="faint k-publish__own-title">{a.ownTitle}</div>}
                {a.videos > 0 && (
                  <span className="k-publish__videos" title={t('videos', { count: a.videos })}>
                    <Film size={12} /> {a.videos}
                  </span>
                )}
              </td>
              <td className="muted">{a.areas.join('、') || t('noArea')}</td>
              <td className="k-publish__date">{fmt.date(a.updatedAt)}</td>
              <td>
                <Badge tone={changeTone[a.change]}>{t(`change.${a.change}`)}</Badge>
              </td>
              <td className="muted" data-testid="publish-feedback">
                {summaryOf(a.id)}
              </td>
              <td>
                {a.unresolved ? (
                  <Badge tone="warning">{t('findings.unresolved', { count: a.unresolved })}</Badge>
                ) : (
                  <Badge tone="ok">OK</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overview.withdrawn.length > 0 && (
        <div className="k-publish__withdrawn">
          <p>{t('withdrawn', { count: overview.withdrawn.length })}</p>
          <ul>
            {overview.withdrawn.map((w) => (
              <li key={w.id}>{w.title}</li>
            ))}
          </ul>
        </div>
      )}
      {previewing !== null && <PreviewDialog answerId={previewing} onClose={() => setPreviewing(null)} />}
    </Card>
  );
}
