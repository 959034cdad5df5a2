import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/common';
import { textIn } from '../i18n/translator';

/** A customer message speaks the customer's language, whatever the app's UI language is. */
export function customerT(language: Language): TFunction {
  return textIn(language, 'tracking');
}

const localeOf: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

/** A day as people write it in a letter: 2026年11月25日(水) / Wednesday 25 November 2026. */
export function letterDate(day: string, language: Language): string {
  const d = new Date(`${day}T00:00:00`);
  return (
    new Intl.DateTimeFormat(localeOf[language], {
      dateStyle: language === 'ja' ? 'long' : 'full',
    }).format(d) +
    (language === 'ja' ? `(${new Intl.DateTimeFormat('ja-JP', { weekday: 'short' }).format(d)})` : '')
  );
}
