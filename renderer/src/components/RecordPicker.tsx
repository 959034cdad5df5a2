import { keepPreviousData } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFilters, SearchHitKind } from '@shared/api/search';
import { useApi } from '../api/hooks';
import './recordPicker.css';

export interface PickedRecord {
  id: number;
  title: string;
  /** A second line: the customer of a question, a company. */
  detail?: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Chooses one customer, question or answer by typing part of it: the library search narrowed to
 * one kind, eight at a time (issue 20). A select listing every record fetched 1.6 MB of customers
 * at 50,000 questions, and showed only the first 1,000 questions.
 */
export function RecordPicker({
  kind,
  label,
  value,
  onChange,
  placeholder,
  filters,
  recent = [],
  hint,
  testId,
  compact = false,
}: {
  kind: SearchHitKind;
  label: ReactNode;
  value: PickedRecord | null;
  onChange: (value: PickedRecord | null) => void;
  placeholder?: string;
  filters?: SearchFilters;
  /** Offered while nothing is typed (the latest questions, say). */
  recent?: PickedRecord[];
  hint?: ReactNode;
  testId?: string;
  /** In a row of filters: the label for screen readers only, a small box. */
  compact?: boolean;
}) {
  const { t } = useTranslation('search');
  const id = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const words = (query ?? '').trim();
  const debounced = useDebounced(words, 120);
  const hits = useApi(
    'search:global',
    { query: debounced, kinds: [kind], limit: 8, ...filters },
    { enabled: open && debounced.length > 0, placeholderData: keepPreviousData },
  );
  const options: PickedRecord[] = words
    ? (hits.data ?? []).map((h) => ({
        id: h.id,
        title: h.title,
        ...(h.snippet ? { detail: h.snippet } : {}),
      }))
    : recent;
  const current = Math.min(active, Math.max(0, options.length - 1));
  const shown = open && options.length > 0;

  const choose = (record: PickedRecord | undefined) => {
    if (!record) return;
    onChange(record);
    setQuery(null);
    setOpen(false);
  };

  return (
    <div className={`k-picker ${compact ? 'k-picker--compact' : 'k-field'}`} data-testid={testId}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : 'k-field__label'}>
        {label}
      </label>
      <span className="k-picker__box">
        <input
          id={id}
          className={`k-input k-picker__input ${value ? 'has-clear' : ''}`}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          // Only while the list is there: an id that names nothing is an error for screen readers.
          aria-controls={shown ? `${id}-options` : undefined}
          aria-activedescendant={shown ? `${id}-option-${current}` : undefined}
          autoComplete="off"
          placeholder={placeholder ?? t('picker.placeholder')}
          value={query ?? value?.title ?? ''}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setQuery(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive(Math.min(options.length - 1, current + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive(Math.max(0, current - 1));
            } else if (e.key === 'Enter' && shown) {
              e.preventDefault();
              choose(options[current]);
            } else if (e.key === 'Escape' && (shown || query !== null)) {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
              setQuery(null);
            }
          }}
        />
        {value && (
          <button
            type="button"
            className="k-picker__clear"
            aria-label={t('picker.clear')}
            title={t('picker.clear')}
            onClick={() => onChange(null)}
          >
            <X size={13} />
          </button>
        )}
        {shown && (
          <ul id={`${id}-options`} role="listbox" className="k-picker__options">
            {options.map((o, i) => (
              <li
                key={o.id}
                id={`${id}-option-${i}`}
                role="option"
                aria-selected={i === current}
                className={`k-picker__option ${i === current ? 'is-active' : ''}`}
                // Chosen on mouse down, before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="k-picker__title">{o.title}</span>
                {o.detail && <span className="k-picker__detail">{o.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </span>
      {open && words && hits.isSuccess && debounced === words && options.length === 0 && (
        <div className="k-field__hint" role="status">
          {t('picker.none')}
        </div>
      )}
      {hint && <div className="k-field__hint">{hint}</div>}
    </div>
  );
}
