import { CheckCircle2, FileText, Globe, Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { AnswerDocument } from '@shared/answers/document';
import { useApi } from '../../api/hooks';
import {
  Badge,
  Card,
  EmptyState,
  ErrorMessage,
  ListItem,
  Loading,
  PageHeader,
  SplitView,
} from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import './answers.css';
import { ExportBundleButton } from './BundleExport';
import { DocumentView } from './DocumentView';

function AnswerDetailView({ id }: { id: number }) {
  const { t } = useTranslation('answers');
  const fmt = useFormat();
  const answer = useApi('answers:get', { id });
  if (answer.isPending) return <Loading />;
  if (answer.isError)
    return (
      <div className="k-detail">
        <ErrorMessage error={answer.error} />
      </div>
    );
  const a = answer.data;
  return (
    <article className="k-detail" data-testid="answer-detail">
      <h2 className="k-detail__title">{a.title}</h2>
      <div className="k-detail__meta">
        {a.kind === 'decline' ? (
          <Badge tone="warning">{t('kind.decline')}</Badge>
        ) : (
          <Badge tone="accent">{t('kind.answer')}</Badge>
        )}
        {a.isPublic ? (
          <Badge tone="ok">
            <Globe size={11} /> {t('public')}
          </Badge>
        ) : (
          <Badge>
            <Lock size={11} /> {t('private')}
          </Badge>
        )}
        <span>{t('revision', { revision: a.revision })}</span>
        <span>{t('updated', { date: fmt.date(a.updatedAt) })}</span>
        {a.verifiedVersion && (
          <span className="k-verified">
            <CheckCircle2 size={13} style={{ verticalAlign: '-2px' }} />{' '}
            {t('verifiedWith', { version: a.verifiedVersion, date: fmt.date(a.verifiedAt) })}
          </span>
        )}
        <ExportBundleButton answerId={a.id} linkedQuestionIds={a.questions.map((q) => q.id)} />
      </div>
      <div className="k-grid-2">
        <DocumentView doc={a.doc as AnswerDocument} />
        <aside>
          <Card title={t('servesQuestions')}>
            {a.questions.length ? (
              <ul className="k-link-list">
                {a.questions.map((q) => (
                  <li key={q.id}>
                    <a href={`#/inbox/${q.id}`}>{q.subject}</a>
                    {q.customerName && <div className="faint">{q.customerName}</div>}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="faint">{t('noQuestions')}</span>
            )}
          </Card>
        </aside>
      </div>
    </article>
  );
}

export default function Answers({ id, navigate }: ScreenProps) {
  const { t } = useTranslation('answers');
  const fmt = useFormat();
  const answers = useApi('answers:list', {});
  const list = () => {
    if (answers.isPending) return <Loading />;
    if (answers.isError) return <ErrorMessage error={answers.error} />;
    if (!answers.data.length)
      return (
        <EmptyState icon={<FileText size={36} />} title={t('emptyTitle')}>
          {t('emptyText')}
        </EmptyState>
      );
    return answers.data.map((a) => (
      <ListItem
        key={a.id}
        testId={`answer-${a.id}`}
        selected={a.id === id}
        onSelect={() => navigate('answers', a.id)}
        title={a.title}
        trailing={
          a.isPublic ? (
            <Badge tone="ok">{t('public')}</Badge>
          ) : a.kind === 'decline' ? (
            <Badge tone="warning">{t('kind.decline')}</Badge>
          ) : undefined
        }
        meta={
          <>
            <span>{t('questionCount', { count: a.questionCount })}</span>
            <span>{fmt.date(a.updatedAt)}</span>
            {a.verifiedVersion && <span>✓ {a.verifiedVersion}</span>}
          </>
        }
      />
    ));
  };
  return (
    <div className="k-screen" data-testid="screen-answers">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <SplitView
        list={list()}
        detail={
          id ? (
            <AnswerDetailView id={id} />
          ) : (
            <EmptyState icon={<FileText size={36} />} title={t('selectTitle')}>
              {t('selectText')}
            </EmptyState>
          )
        }
      />
    </div>
  );
}
