import { useTranslation } from 'react-i18next';
import type { QuestionStatus } from '@shared/domain/status';
import type { TimelineItem } from '@shared/domain/tracking';
import { useApi } from '../../api/hooks';
import { Card, ErrorMessage, Loading, MessageDelivery } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import './customerTimeline.css';

/** All of a customer's questions, mails, status changes and answers on one timeline. */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const { t } = useTranslation(['customers', 'status', 'followUp']);
  const fmt = useFormat();
  const timeline = useApi('customers:timeline', { id: customerId });
  // Codes in words: a status, a verdict ("Solved" / "Not yet"), a release's version.
  const titleOf = (item: TimelineItem) =>
    item.kind === 'status'
      ? t(`status:status.${item.title as QuestionStatus}`)
      : item.kind === 'verdict'
        ? t(`followUp:verdict.${item.title}`)
        : item.kind === 'release'
          ? t('followUp:timeline.release', { version: item.title })
          : item.title;
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
                <strong>{t(`timeline.kind.${item.kind}`)}</strong> {titleOf(item)}{' '}
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
