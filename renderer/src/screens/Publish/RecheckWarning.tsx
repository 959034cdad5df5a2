import { RefreshCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { RecheckItem } from '@shared/domain/release';
import { Button, Dialog } from '../../components';
import type { ScreenProps } from '../../shell/ScreenView';

function AnswerLinks({
  items,
  navigate,
}: {
  items: readonly RecheckItem[];
  navigate: ScreenProps['navigate'];
}) {
  const { t } = useTranslation('followUp');
  return (
    <ul>
      {items.map((item) => (
        <li key={item.answerId}>
          <a
            href={`#/answers/${item.answerId}`}
            onClick={(e) => {
              e.preventDefault();
              navigate('answers', item.answerId);
            }}
          >
            {item.title}
          </a>{' '}
          <span className="muted">
            ({t('recheck.since', { version: item.version })}
            {item.checkedWith ? `, ${t('recheck.checkedWith', { version: item.checkedWith })}` : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Public answers a release put on the list to re-check: said before publishing (issue 22). */
export function RecheckWarning({
  items,
  navigate,
}: {
  items: readonly RecheckItem[];
  navigate: ScreenProps['navigate'];
}) {
  const { t } = useTranslation('followUp');
  if (!items.length) return null;
  return (
    <div className="k-publish__recheck" role="status" data-testid="publish-recheck">
      <RefreshCcw size={16} aria-hidden />
      <div>
        <p>{t('publish.warning', { count: items.length })}</p>
        <AnswerLinks items={items} navigate={navigate} />
      </div>
    </div>
  );
}

/** Asked when Publish is pressed while public answers are still to be re-checked. */
export function RecheckConfirm({
  items,
  navigate,
  onPublish,
  onClose,
}: {
  items: readonly RecheckItem[];
  navigate: ScreenProps['navigate'];
  onPublish: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('followUp');
  return (
    <Dialog
      open
      title={t('publish.confirmTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('publish.recheckFirst')}</Button>
          <Button variant="primary" onClick={onPublish} data-testid="publish-anyway">
            {t('publish.publishAnyway')}
          </Button>
        </>
      }
    >
      <p>{t('publish.confirmText')}</p>
      <AnswerLinks items={items} navigate={navigate} />
    </Dialog>
  );
}
