import { Send } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../api/hooks';
import { succeeded } from '../api/succeeded';
import { Badge } from './Badge';
import { Button } from './Button';
import { ErrorMessage } from './ErrorMessage';
import { useToast } from './Toast';
import './messageDelivery.css';

/**
 * Whether a message reached the customer. Saving a status or copying a draft sends nothing, so a
 * message is a draft until the vendor marks it sent or it goes whole to the mail program.
 */
export function MessageDelivery({
  delivery,
  sentRef,
}: {
  delivery: 'draft' | 'sent';
  sentRef: string | null;
}) {
  const { t } = useTranslation('tracking');
  const toast = useToast();
  const mark = useApiMutation('drafts:markSent');
  return (
    <span className="k-delivery" data-testid="message-delivery" data-delivery={delivery}>
      <Badge tone={delivery === 'sent' ? 'ok' : 'warning'}>{t(`delivery.${delivery}`)}</Badge>
      {delivery === 'draft' && sentRef && (
        <Button
          size="sm"
          variant="ghost"
          icon={<Send size={13} />}
          disabled={mark.isPending}
          onClick={async () => {
            if (await succeeded(mark.mutateAsync({ ref: sentRef }))) toast.show(t('delivery.marked'));
          }}
        >
          {t('delivery.markSent')}
        </Button>
      )}
      {mark.isError && <ErrorMessage error={mark.error} />}
    </span>
  );
}
