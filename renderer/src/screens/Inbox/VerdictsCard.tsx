import { CheckCircle2, CircleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionDetail } from '@shared/domain/question';
import { useApi, useApiMutation } from '../../api/hooks';
import { Badge, Button, Card, ErrorMessage } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import { StatusChangeDialog } from '../../components/StatusChangeDialog';
import './verdicts.css';

/**
 * The customer's verdicts on the answers they got ("Solved" / "Not yet" from a bundle or FAQ
 * page, issue 22). "Solved" offers to mark the question resolved, through the status dialog so the
 * vendor sees the message that goes with it; it never resolves anything by itself.
 */
export function VerdictsCard({ question }: { question: QuestionDetail }) {
  const { t } = useTranslation(['followUp']);
  const fmt = useFormat();
  const verdicts = useApi('verdicts:forQuestion', { questionId: question.id });
  const dismiss = useApiMutation('verdicts:dismissOffer');
  const [resolving, setResolving] = useState(false);
  if (!verdicts.data?.length) return verdicts.isError ? <ErrorMessage error={verdicts.error} /> : null;
  return (
    <Card title={t('verdicts.title')}>
      <ol className="k-verdicts" data-testid="verdicts">
        {verdicts.data.map((v) => (
          <li key={v.id} data-verdict={v.verdict}>
            <p>
              {v.verdict === 'solved' ? (
                <CheckCircle2 size={14} className="k-verdicts__solved" aria-hidden />
              ) : (
                <CircleAlert size={14} className="k-verdicts__not-yet" aria-hidden />
              )}{' '}
              {t(v.verdict === 'solved' ? 'verdicts.solved' : 'verdicts.notYet', {
                date: fmt.dateTime(v.receivedAt),
                title: v.answerTitle,
                revision: v.revision,
              })}
            </p>
            {v.offer === 'pending' && question.status !== 'resolved' && (
              <div className="k-actions" data-testid="verdict-offer">
                <span>{t('verdicts.offer')}</span>
                <Button size="sm" variant="primary" onClick={() => setResolving(true)}>
                  {t('verdicts.resolve')}
                </Button>
                <Button size="sm" onClick={() => dismiss.mutate({ id: v.id })} disabled={dismiss.isPending}>
                  {t('verdicts.notNow')}
                </Button>
              </div>
            )}
            {v.offer === 'dismissed' && <Badge>{t('verdicts.dismissed')}</Badge>}
            {v.offer === 'accepted' && <Badge tone="ok">{t('verdicts.accepted')}</Badge>}
          </li>
        ))}
      </ol>
      {dismiss.isError && <ErrorMessage error={dismiss.error} />}
      {resolving && (
        <StatusChangeDialog
          question={question}
          initialStatus="resolved"
          onClose={() => setResolving(false)}
        />
      )}
    </Card>
  );
}
