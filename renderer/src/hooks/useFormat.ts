import { useTranslation } from 'react-i18next';

/** Dates and sizes in the UI language's conventions. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ja' ? 'ja-JP' : 'en-GB';
  return {
    date(iso: string | null): string {
      if (!iso) return '—';
      const d = iso.length === 10 ? new Date(`${iso}T00:00:00`) : new Date(iso);
      return d.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
    },
    dateTime(iso: string | null): string {
      if (!iso) return '—';
      return new Date(iso).toLocaleString(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
    },
    bytes(n: number): string {
      const units = ['B', 'KB', 'MB', 'GB'];
      let value = n;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
    },
    duration(seconds: number | null): string {
      if (seconds === null) return '—';
      const s = Math.round(seconds);
      return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    },
  };
}

/** Today as YYYY-MM-DD in local time, the format of checkpoints. */
export function todayDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
