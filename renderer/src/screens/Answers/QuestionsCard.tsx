import { Link2, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerDetail } from '@shared/domain/answer';
import type { CheckContext } from '@shared/domain/checks';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Card, ErrorMessage, IconButton, ScopeBadge } from '../../components';
import { RecordPicker, type PickedRecord } from '../../components/RecordPicker';

/** The questions an answer serves: one answer can serve the next customer who asks the same. */
export function QuestionsCard({
  answer,
  context,
}: {
  answer: AnswerDetail;
  context: CheckContext | undefined;
}) {
  const { t } = useTranslation('answers');
  const latest = useApi('questions:list', { limit: 12 });
  const link = useApiMutation('answers:linkQuestion');
  const unlink = useApiMutation('answers:unlinkQuestion');
  const [choice, setChoice] = useState<PickedRecord | null>(null);
  const linked = new Set(answer.questions.map((q) => q.id));
  const recent = (latest.data?.items ?? [])
    .filter((q) => !linked.has(q.id))
    .slice(0, 8)
    .map((q) => ({ id: q.id, title: q.subject, ...(q.customerName ? { detail: q.customerName } : {}) }));
  const verdict = (id: number) => context?.questions.find((q) => q.id === id)?.scopeVerdict ?? null;

  return (
    <Card title={t('servesQuestions')}>
      {answer.questions.length ? (
        <ul className="k-link-list" data-testid="linked-questions">
          {answer.questions.map((q) => (
            <li key={q.id} className="k-linked-question">
              <div>
                <a href={`#/inbox/${q.id}`}>{q.subject}</a>
                <div className="k-linked-question__meta">
                  {q.customerName && <span className="faint">{q.customerName}</span>}
                  <ScopeBadge verdict={verdict(q.id)} />
                </div>
              </div>
              <IconButton
                label={t('questions.unlink', { subject: q.subject })}
                icon={<X size={14} />}
                onClick={() => unlink.mutate({ id: answer.id, questionId: q.id })}
              />
            </li>
          ))}
        </ul>
      ) : (
        <span className="faint">{t('noQuestions')}</span>
      )}
      <div className="k-link-question">
        <RecordPicker
          compact
          kind="question"
          label={t('questions.link')}
          placeholder={t('questions.choose')}
          value={choice}
          onChange={setChoice}
          recent={recent}
        />
        <Button
          size="sm"
          icon={<Link2 size={14} />}
          disabled={!choice || link.isPending}
          onClick={() =>
            choice &&
            link.mutate({ id: answer.id, questionId: choice.id }, { onSuccess: () => setChoice(null) })
          }
        >
          {t('questions.linkButton')}
        </Button>
      </div>
      {(link.isError || unlink.isError) && <ErrorMessage error={link.error ?? unlink.error} />}
    </Card>
  );
}
