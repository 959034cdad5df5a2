import { AlertTriangle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { errorItemText, type AppError } from '@shared/errors';
import { toUiError } from '../api/client';

/** Shows an error as its translated message: what went wrong and what to do; details fold away. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation(['errors', 'common']);
  const appError: AppError = toUiError(error);
  // A reason given as a parameter is the message's; the technical detail only fills in without one
  // (as in the CLI: electron/cli/messages.ts), so "The request was not valid: " never ends empty.
  const message = t(appError.messageKey, {
    detail: appError.detail ?? '',
    ...appError.params,
    interpolation: { escapeValue: false },
  });
  return (
    <div className="k-error" role="alert">
      <AlertTriangle size={18} aria-hidden />
      <div>
        {title && <div className="k-error__title">{title}</div>}
        <div>{message}</div>
        {appError.items?.length ? (
          <ul className="k-error__items">
            {appError.items.map((item, i) => (
              <li key={i}>{errorItemText(item, (key, params) => t(key, params) as string)}</li>
            ))}
          </ul>
        ) : null}
        {appError.detail && (
          <details className="k-error__details">
            <summary>{t('common:details')}</summary>
            <code>
              {appError.code}: {appError.detail}
            </code>
          </details>
        )}
      </div>
    </div>
  );
}
