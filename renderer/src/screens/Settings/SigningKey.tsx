import { KeyRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { ErrorMessage, Loading } from '../../components';
import { useFormat } from '../../hooks/useFormat';

/**
 * The key that signs every bundle (issue 15): its fingerprint, which customers compare with the one
 * in a bundle, in the vendor's mails and on the FAQ site, and how its private half is kept.
 */
export function SigningKey() {
  const { t } = useTranslation('settings');
  const fmt = useFormat();
  const key = useApi('vendor:key', {});
  if (key.isPending) return <Loading />;
  if (key.isError) return <ErrorMessage error={key.error} />;
  if (!key.data) return null;
  return (
    <section className="k-vendor__key" data-testid="vendor-signing-key" aria-labelledby="vendor-key-title">
      <h3 id="vendor-key-title" className="k-vendor__key-title">
        <KeyRound size={16} aria-hidden="true" /> {t('vendor.keyTitle')}
      </h3>
      <p className="muted">{t('vendor.keyIntro')}</p>
      <dl className="k-vendor__key-facts">
        <dt>{t('vendor.keyFingerprint')}</dt>
        <dd>
          <code className="mono" data-testid="vendor-key-fingerprint">
            {key.data.fingerprint}
          </code>
        </dd>
      </dl>
      <p className="muted">
        {t('vendor.keyCreated', { date: fmt.date(key.data.createdAt) })} ·{' '}
        {t(key.data.protection === 'safeStorage' ? 'vendor.keySealed' : 'vendor.keyPlain')}
      </p>
    </section>
  );
}
