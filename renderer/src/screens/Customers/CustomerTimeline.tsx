import { useTranslation } from 'react-i18next';
import type { QuestionStatus } from '@shared/domain/status';
import { useApi } from '../../api/hooks';
import { Card, ErrorMessage, Loading } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import { MessageDelivery } from '../Inbox/MessageDelivery';

/** All of a customer's questions, mails, status changes and answers on one timeline. */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation(['customers', 'status']);
  const fmt = useFormat();
  const timeline = useApi('customers:timeline', { id: customerId });
  return (
    <Card title={t('timeline.title')}>
      {timeline.isPending ? (
        <Loading />
      ) : timeline.isError ? (
        <ErrorMessage error={timeline.error} />
      ) : timeline.data.length ? (
        <ol className="k-timeline" data-testid="customer-timeline">
          {timeline.data.map((item, i) => (
            <li key={`${item.kind}-${item.at}-${i}`}>
              <div>
                <strong>{t(`timeline.kind.${item.kind}`)}</strong>{' '}
                {item.kind === 'status' ? t(`status:status.${item.title as QuestionStatus}`) : item.title}{' '}
                <span className="faint">{fmt.dateTime(item.at)}</span>
              </div>
              <div className="faint">
                <a href={item.answerId ? `#/answers/${item.answerId}` : `#/inbox/${item.questionId}`}>
                  {item.questionSubject}
                </a>
              </div>
              {item.text && <div className="muted">{item.text}</div>}
              {item.message && (
                <div className="k-timeline__message">
                  {item.delivery && <MessageDelivery delivery={item.delivery} sentRef={item.ref} />}
                  <div className="muted">{item.message}</div>
                </div>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <span className="faint">{t('noQuestions')}</span>
      )}
    </Card>
  );
}
