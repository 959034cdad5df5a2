import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/common';
import { textIn } from '../i18n';

/** A bundle speaks the answer's language, whatever the app's UI language is. */
export function bundleT(language: Language): TFunction {
  return textIn(language, 'bundle');
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
