import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation('common');
  return (
    <div className="k-loading" role="status" aria-live="polite">
      <span className="k-spinner" aria-hidden />
      {t('loading')}
    </div>
  );
}
