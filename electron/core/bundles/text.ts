import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../shared/i18n';
import type { Language } from '../../../shared/domain/common';

// A bundle speaks the answer's language, whatever the app's UI language is.
const instances = new Map<Language, TFunction>();

export function bundleT(language: Language): TFunction {
  let t = instances.get(language);
  if (!t) {
    const i18n = i18next.createInstance();
    void i18n.init({
      resources,
      lng: language,
      fallbackLng: 'en',
      defaultNS: 'bundle',
      initAsync: false,
      // Everything is escaped where it is put into HTML; plain text (e-mail, JSON) needs it raw.
      interpolation: { escapeValue: false },
    });
    t = i18n.t.bind(i18n);
    instances.set(language, t);
  }
  return t;
}

const localeOf: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

/** A calendar date as people write it in the bundle's language (23 November 2026 / 2026年11月23日). */
export function longDate(iso: string, language: Language): string {
  const d = iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(localeOf[language], { dateStyle: 'long' }).format(d);
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
