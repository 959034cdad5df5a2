import { AlertCircle, AlertTriangle, CheckCircle2, Settings2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { countFindings, findingsByCategory, findingText } from '@shared/answers/checks';
import { checkCategories, type CheckCategory, type CheckFinding } from '@shared/domain/checks';
import { Button } from '../../components';

function statusOf(findings: CheckFinding[]): 'ok' | 'warning' | 'error' {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.length ? 'warning' : 'ok';
}

const icons = {
  ok: <CheckCircle2 size={16} aria-hidden />,
  warning: <AlertTriangle size={16} aria-hidden />,
  error: <AlertCircle size={16} aria-hidden />,
};

/**
 * The answer checks, live beside the editor (and before sending or publishing): one row per
 * category, green when it passes, each finding with a plain explanation and a way to find it.
 */
export function ChecksPanel({
  findings,
  reader,
  onShow,
  onEditRules,
}: {
  findings: CheckFinding[];
  /** The reader the jargon check measures against, or null when unknown. */
  reader: { level: string; name: string } | null;
  onShow?: (block: number) => void;
  onEditRules?: () => void;
}) {
  const { t } = useTranslation('checks');
  const byCategory = findingsByCategory(findings);
  const counts = countFindings(findings);
  const overall = statusOf(findings);
  const translate = (key: string, params?: Record<string, unknown>) => t(key, params ?? {}) as string;
  return (
    <section className="k-checks" data-testid="checks-panel" data-status={overall} aria-label={t('title')}>
      <header className={`k-checks__head k-checks__head--${overall}`}>
        {icons[overall]}
        <strong>
          {overall === 'ok' ? t('allGood') : t('summary', { errors: counts.error, warnings: counts.warning })}
        </strong>
      </header>
      {checkCategories.map((category: CheckCategory) => {
        const list = byCategory[category];
        const status = statusOf(list);
        return (
          <div
            key={category}
            className={`k-checks__cat k-checks__cat--${status}`}
            data-testid={`check-${category}`}
            data-status={status}
          >
            <div className="k-checks__cat-head">
              {icons[status]}
              <span>{t(`category.${category}`)}</span>
            </div>
            {list.length === 0 ? (
              <p className="k-checks__ok">{t(`categoryOk.${category}`)}</p>
            ) : (
              <ul className="k-checks__list">
                {list.map((f) => {
                  const { message, explanation } = findingText(f, translate);
                  return (
                    <li
                      key={f.id}
                      className={`k-checks__finding k-checks__finding--${f.severity}`}
                      data-testid="check-finding"
                    >
                      <div className="k-checks__message">
                        <span className="k-checks__severity">{t(`severity.${f.severity}`)}</span> {message}
                      </div>
                      <div className="k-checks__explain">{explanation}</div>
                      {f.block !== null && onShow && (
                        <button
                          type="button"
                          className="k-linklike k-checks__show"
                          onClick={() => onShow(f.block!)}
                        >
                          {t('showInAnswer')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        );
      })}
      <footer className="k-checks__foot">
        <span>
          {reader
            ? t('readerLevel', { level: t(`level.${reader.level}`), name: reader.name })
            : t('readerUnknown')}
        </span>
        {onEditRules && (
          <Button size="sm" variant="ghost" icon={<Settings2 size={14} />} onClick={onEditRules}>
            {t('editRules')}
          </Button>
        )}
      </footer>
    </section>
  );
}
