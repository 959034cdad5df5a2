import { CalendarClock, User } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOverdue } from '@shared/domain/status';
import { useApi, useApiMutation } from '../../api/hooks';
import { Badge, Card, ErrorMessage, Loading, ScopeBadge, StatusBadge, WorkLog } from '../../components';
import { todayDay, useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';
import { SuggestedAnswers } from '../Answers/SuggestedAnswers';
import { CustomerProfileCard } from '../Customers/CustomerProfileCard';
import { MessageThread } from './MessageThread';
import { ScopePanel } from './ScopePanel';
import { StatusPanel } from './StatusPanel';
import { VerdictsCard } from './VerdictsCard';

/** True from the frame after `key` last changed: for work that may wait until the screen shows. */
function useAfterPaint(key: string): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => {
    // Two frames: the first paints what changed, the second starts after it.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setPainted(key));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [key]);
  return painted === key;
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
  const settled = useAfterPaint(`${id}:${question.isSuccess}`);
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
                {/* The same answer serves the next customer who asks: offer the ones that fit. Asked
                    for once the question is on screen: the suggestion is the slowest request of the
                    detail (84 ms at 50k), and the core answers one request at a time. */}
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
