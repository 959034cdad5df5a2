import { Link2, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerDetail } from '@shared/domain/answer';
import type { CheckContext } from '@shared/domain/checks';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Card, ErrorMessage, IconButton, ScopeBadge } from '../../components';

/** The questions an answer serves: one answer can serve the next customer who asks the same. */
export function QuestionsCard({
  answer,
  context,
}: {
  answer: AnswerDetail;
  context: CheckContext | undefined;
}) {
  const { t } = useTranslation('answers');
  const questions = useApi('questions:list', {});
  const link = useApiMutation('answers:linkQuestion');
  const unlink = useApiMutation('answers:unlinkQuestion');
  const [choice, setChoice] = useState('');
  const linked = new Set(answer.questions.map((q) => q.id));
  const candidates = (questions.data ?? []).filter((q) => !linked.has(q.id));
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
        <select
          className="k-input k-select"
          aria-label={t('questions.link')}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">{t('questions.choose')}</option>
          {candidates.map((q) => (
            <option key={q.id} value={q.id}>
              {q.subject}
              {q.customerName ? ` — ${q.customerName}` : ''}
            </option>
          ))}
        </select>
        <Button
          size="sm"
          icon={<Link2 size={14} />}
          disabled={!choice || link.isPending}
          onClick={() =>
            link.mutate({ id: answer.id, questionId: Number(choice) }, { onSuccess: () => setChoice('') })
          }
        >
          {t('questions.linkButton')}
        </Button>
      </div>
      {(link.isError || unlink.isError) && <ErrorMessage error={link.error ?? unlink.error} />}
    </Card>
  );
}
