import { translatorFor } from '../core/i18n';
import { errorItemText, type AppError } from '../../shared/errors';

// The CLI speaks the same messages as the app. English unless KOTAE_LANG=ja or LANG starts with ja.
export const cliLanguage = (process.env.KOTAE_LANG ?? process.env.LANG ?? '').toLowerCase().startsWith('ja')
  ? 'ja'
  : 'en';
const i18n = translatorFor(cliLanguage);

export function errorMessage(error: AppError): string {
  // A reason given as a parameter ({ detail: 'not a time: x' }) is the message's; the technical
  // detail only fills in when there is none, so "The request was not valid: " never ends empty.
  const message = i18n.t(error.messageKey, { detail: error.detail ?? '', ...error.params });
  const items = (error.items ?? []).map((item) => `  - ${errorItemText(item, (k, p) => i18n.t(k, p))}`);
  return [message, ...items].join('\n');
}

/** Any message of the app's resources, in the CLI's language (`bundle:cli.sound`). */
export function cliText(key: string, params: Record<string, string | number> = {}): string {
  return i18n.t(key, params);
}
