import { useTranslation } from 'react-i18next';
import { toUiError } from '../api/client';

/** An error's translated message as plain text, for toasts and inline notes. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation('errors');
  const e = toUiError(error);
  return (
    <>{t(e.messageKey, { detail: e.detail ?? '', ...e.params, interpolation: { escapeValue: false } })}</>
  );
}
