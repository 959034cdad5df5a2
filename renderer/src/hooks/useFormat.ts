import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// One Intl.DateTimeFormat per locale and options, made once and reused: toLocaleDateString builds
// a formatter on every call, ~100× the cost of format() on a cached one, and a list formats a date
// per row at every render (issue 20).
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };

export interface Format {
  date(iso: string | null): string;
  dateTime(iso: string | null): string;
  bytes(n: number): string;
  duration(seconds: number | null): string;
}

function makeFormat(locale: string): Format {
  const date = dateTimeFormat(locale, DATE);
  const dateTime = dateTimeFormat(locale, DATE_TIME);
  return {
    date(iso) {
      if (!iso) return '—';
      // A day (YYYY-MM-DD) is local midnight, not UTC's, so it never shows as the day before.
      return date.format(iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso));
    },
    dateTime(iso) {
      if (!iso) return '—';
      return dateTime.format(new Date(iso));
    },
    bytes(n) {
      const units = ['B', 'KB', 'MB', 'GB'];
      let value = n;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
    },
    duration(seconds) {
      if (seconds === null) return '—';
      const s = Math.round(seconds);
      return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    },
  };
}

/** Dates and sizes in the UI language's conventions; the same object while the language stays. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ja' ? 'ja-JP' : 'en-GB';
  return useMemo(() => makeFormat(locale), [locale]);
}

/** Today as YYYY-MM-DD in local time, the format of checkpoints. */
export function todayDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
