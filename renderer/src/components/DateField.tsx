import { CalendarDays } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayDay } from '../hooks/useFormat';

// A day field that speaks the UI's language. The native <input type="date"> draws its text and
// its picker in the OS locale, whatever language the app is set to (issue 18). Here the field
// holds the day as YYYY-MM-DD (typed or pasted as is), says it in words of the UI language beside
// it, and a calendar in the UI language picks it with the mouse or the keyboard (arrows, Page
// Up/Down for months, Home/End for the week, Enter to choose, Esc to close).

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (day: string): Date | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || dayOf(d) !== day ? null : d;
};
const addDays = (day: string, n: number) => dayOf(new Date(parse(day)!.getTime() + n * 86_400_000));
const addMonths = (day: string, n: number) => {
  const d = parse(day)!;
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return dayOf(target);
};

export function DateField({
  label,
  hint,
  value,
  min,
  max,
  required,
  hideLabel,
  onChange,
}: {
  label: string;
  hint?: ReactNode;
  value: string;
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean;
  hideLabel?: boolean;
  onChange: (day: string) => void;
}) {
  const { t, i18n } = useTranslation('common');
  const locale = i18n.language.startsWith('ja') ? 'ja-JP' : 'en-GB';
  const id = useId();
  const [open, setOpen] = useState(false);
  // What is typed; the parent hears only a whole day (or '' when cleared), never "2026-1".
  const [text, setText] = useState(value);
  const emitted = useRef(value);
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(value);
    }
  }, [value]);
  const emit = (day: string) => {
    emitted.current = day;
    onChange(day);
  };
  const date = parse(value);
  const spoken = date
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(date)
    : '';
  return (
    <div className={`k-field k-datefield${hideLabel ? ' k-datefield--inline' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'k-field__label'}>
        {label}
      </label>
      <div className="k-datefield__row">
        <input
          id={id}
          className="k-input k-datefield__input"
          inputMode="numeric"
          placeholder={t('date.placeholder')}
          pattern="\d{4}-\d{2}-\d{2}"
          required={required}
          value={text}
          aria-describedby={spoken ? `${id}-words` : undefined}
          aria-invalid={text !== '' && !parse(text)}
          onChange={(e) => {
            const typed = e.target.value.trim();
            setText(typed);
            if (typed === '' || parse(typed)) emit(typed);
          }}
        />
        <button
          type="button"
          className="k-icon-btn"
          aria-label={t('date.choose')}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <CalendarDays size={16} aria-hidden />
        </button>
        {!hideLabel && (
          <span id={`${id}-words`} className="k-datefield__words" data-testid="date-words">
            {spoken}
          </span>
        )}
      </div>
      {open && (
        <Calendar
          locale={locale}
          value={date ? value : (min ?? todayDay())}
          min={min}
          max={max}
          onPick={(day) => {
            setText(day);
            emit(day);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      )}
      {hint && <div className="k-field__hint">{hint}</div>}
    </div>
  );
}

function Calendar({
  locale,
  value,
  min,
  max,
  onPick,
  onClose,
}: {
  locale: string;
  value: string;
  min?: string | undefined;
  max?: string | undefined;
  onPick: (day: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  const [focus, setFocus] = useState(value);
  const grid = useRef<HTMLTableElement>(null);
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focus}"]`)?.focus();
  }, [focus]);
  const first = parse(`${focus.slice(0, 7)}-01`)!;
  // Weeks start on Monday in en-GB, on Sunday in Japan.
  const weekStart = locale === 'ja-JP' ? 0 : 1;
  const lead = (first.getUTCDay() - weekStart + 7) % 7;
  const start = addDays(dayOf(first), -lead);
  const days = Array.from({ length: 42 }, (_, i) => addDays(start, i));
  const weeks = Array.from({ length: 6 }, (_, w) => days.slice(w * 7, w * 7 + 7));
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    first,
  );
  const weekday = (day: string, style: 'short' | 'long') =>
    new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(parse(day)!);
  const allowed = (day: string) => (!min || day >= min) && (!max || day <= max);
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focus, -1),
      ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, -1),
      PageDown: () => addMonths(focus, 1),
      Home: () => addDays(focus, -((parse(focus)!.getUTCDay() - weekStart + 7) % 7)),
      End: () => addDays(focus, 6 - ((parse(focus)!.getUTCDay() - weekStart + 7) % 7)),
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // the calendar closes, not the dialog around it
      onClose();
    } else if ((e.key === 'Enter' || e.key === ' ') && !allowed(focus)) {
      e.preventDefault();
    } else if (moves[e.key]) {
      e.preventDefault();
      setFocus(moves[e.key]!());
    }
  };
  return (
    <div className="k-calendar" role="dialog" aria-label={t('date.calendar')} onKeyDown={onKey}>
      <div className="k-calendar__head">
        <button
          type="button"
          className="k-icon-btn"
          aria-label={t('date.previousMonth')}
          onClick={() => setFocus(addMonths(focus, -1))}
        >
          ‹
        </button>
        <strong aria-live="polite">{month}</strong>
        <button
          type="button"
          className="k-icon-btn"
          aria-label={t('date.nextMonth')}
          onClick={() => setFocus(addMonths(focus, 1))}
        >
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-label={month}>
        <thead>
          <tr>
            {weeks[0]!.map((day) => (
              <th key={day} scope="col" abbr={weekday(day, 'long')}>
                {weekday(day, 'short')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <td key={day}>
                  <button
                    type="button"
                    data-day={day}
                    tabIndex={day === focus ? 0 : -1}
                    // aria-disabled, not disabled: the keyboard can still pass over a day it cannot pick.
                    aria-disabled={!allowed(day)}
                    aria-pressed={day === value}
                    aria-label={new Intl.DateTimeFormat(locale, {
                      dateStyle: 'full',
                      timeZone: 'UTC',
                    }).format(parse(day)!)}
                    className={`k-calendar__day${day.slice(0, 7) === focus.slice(0, 7) ? '' : ' is-outside'}`}
                    onClick={() => allowed(day) && onPick(day)}
                  >
                    {Number(day.slice(8))}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
