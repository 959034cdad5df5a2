import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Card, ErrorMessage } from '../../components';
import './recheck.css';

/** How often the answer was sent, and what customers said of it ("Solved" / "Not yet"), per revision. */
export function FeedbackCard({ answerId }: { answerId: number }) {
  const { t } = useTranslation('followUp');
  const feedback = useApi('answers:feedback', { ids: [answerId] });
  const f = feedback.data?.[0];
  return (
    <Card title={t('feedback.title')} className="k-feedback">
      <div data-testid="answer-feedback">
        {feedback.isError && <ErrorMessage error={feedback.error} />}
        {f && f.revisions.length === 0 && <p className="faint">{t('feedback.none')}</p>}
        {f && f.revisions.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('feedback.revisionColumn')}</th>
                <th scope="col">{t('feedback.sent')}</th>
                <th scope="col">{t('feedback.solved')}</th>
                <th scope="col">{t('feedback.notSolved')}</th>
              </tr>
            </thead>
            <tbody>
              {f.revisions.map((r) => (
                <tr key={r.revision}>
                  <th scope="row">{t('feedback.revision', { revision: r.revision })}</th>
                  <td>{r.sent}</td>
                  <td>{r.solved}</td>
                  <td>{r.notSolved}</td>
                </tr>
              ))}
              {f.revisions.length > 1 && (
                <tr>
                  <th scope="row">{t('feedback.all')}</th>
                  <td>{f.sent}</td>
                  <td>{f.solved}</td>
                  <td>{f.notSolved}</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
