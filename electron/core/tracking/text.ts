import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/common';
import { resources } from '../../../shared/i18n';

// A customer message speaks the customer's language, whatever the app's UI language is.
const instances = new Map<Language, TFunction>();

export function customerT(language: Language): TFunction {
  let t = instances.get(language);
  if (!t) {
    const i18n = i18next.createInstance();
    void i18n.init({
      resources,
      lng: language,
      fallbackLng: 'en',
      defaultNS: 'tracking',
      initAsync: false,
      // Drafts are plain text for a mail program: nothing is HTML here.
      interpolation: { escapeValue: false },
    });
    t = i18n.t.bind(i18n);
    instances.set(language, t);
  }
  return t;
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
