import { CalendarClock, User } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOverdue } from '@shared/domain/status';
import { useApi, useApiMutation } from '../../api/hooks';
import { Badge, Card, ErrorMessage, Loading, ScopeBadge, StatusBadge, WorkLog } from '../../components';
import { todayDay, useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import { SuggestedAnswers } from '../../components/SuggestedAnswers';
import { CustomerProfileCard } from '../../components/CustomerProfileCard';
import { MessageThread } from './MessageThread';
import { ScopePanel } from './ScopePanel';
import { StatusPanel } from './StatusPanel';
import { VerdictsCard } from './VerdictsCard';

/**
 * How long a question stays on screen before its answer suggestions are asked for. The suggestion
 * is the detail's slowest request by far (answers:suggest, 72 ms median at 50,000 questions against
 * 2–8 ms for each of the others, measured through the harness on a loaded 2-core machine), and the
 * core answers one request at a time: asked for every question a vendor skims past with the
 * arrow keys, it held up the next question's own requests (a question took 400 ms to open behind
 * the previous one's suggestion). Someone who stays on a question sees them a moment later.
 */
const SUGGEST_AFTER_MS = 300;

/** True once `key` has stayed the same for `ms` after the screen showed it. */
function useDwell(key: string, ms: number): boolean {
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    // After the frame that shows the question, then the dwell.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setSettled(key), ms);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [key, ms]);
  return settled === key;
}

export function QuestionDetailView({ id, navigate }: { id: number; navigate: ScreenProps['navigate'] }) {
  const { t } = useTranslation(['inbox', 'status']);
  const fmt = useFormat();
  const question = useApi('questions:get', { id });
  // The thread is asked for at once, beside the question, not after it: MessageThread finds it
  // in the cache (same query) instead of starting its own request when the question has arrived.
  useApi('intake:thread', { questionId: id });
  // Only this question's customer, not every customer (1.6 MB at 50,000 questions).
  const customer = useApi(
    'customers:get',
    { id: question.data?.customerId ?? 1 },
    { enabled: !!question.data?.customerId },
  );
  const link = useApiMutation('answers:linkQuestion');
  const settled = useDwell(`${id}:${question.isSuccess}`, SUGGEST_AFTER_MS);
  if (question.isPending) return <Loading />;
  if (question.isError)
    return (
      <div className="k-detail">
        <ErrorMessage error={question.error} />
      </div>
    );
  const q = question.data;
  const overdue = isOverdue(q.nextCheckpoint, todayDay(), q.status);
  return (
    <article className="k-detail" data-testid="question-detail">
      <h2 className="k-detail__title">{q.subject}</h2>
      <div className="k-detail__meta">
        <StatusBadge status={q.status} />
        <ScopeBadge verdict={q.scopeVerdict} />
        <span>
          <User size={13} style={{ verticalAlign: '-2px' }} />{' '}
          {q.customerId ? <a href={`#/customers/${q.customerId}`}>{q.customerName}</a> : t('unknownCustomer')}
        </span>
        <span>{t('received', { date: fmt.dateTime(q.receivedAt) })}</span>
        {q.productVersion && <span>{t('version', { version: q.productVersion })}</span>}
        {q.nextCheckpoint && (
          <Badge tone={overdue ? 'danger' : 'neutral'}>
            <CalendarClock size={12} /> {t('checkpoint', { date: fmt.date(q.nextCheckpoint) })}
          </Badge>
        )}
      </div>
      <div className="k-grid-2">
        <div>
          <VerdictsCard question={q} />
          <MessageThread questionId={q.id} />
          <ScopePanel question={q} />
          <StatusPanel question={q} />
          <WorkLog questionId={q.id} />
        </div>
        <aside>
          {q.customerId && customer.data?.id === q.customerId && (
            <CustomerProfileCard customer={customer.data} compact />
          )}
          <Card title={t('answers')}>
            {q.answers.length ? (
              <ul className="k-link-list">
                {q.answers.map((a) => (
                  <li key={a.id}>
                    <a
                      href={`#/answers/${a.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate('answers', a.id);
                      }}
                    >
                      {a.title}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <>
                <span className="faint">{t('noAnswers')}</span>
                {/* The same answer serves the next customer who asks: offer the ones that fit, once
                    the vendor has stayed on the question (SUGGEST_AFTER_MS). */}
                {settled && (
                  <SuggestedAnswers
                    questionId={q.id}
                    onUse={(answerId) => link.mutate({ id: answerId, questionId: q.id })}
                  />
                )}
              </>
            )}
          </Card>
        </aside>
      </div>
    </article>
  );
}
