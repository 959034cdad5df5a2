import { useQuery } from '@tanstack/react-query';
import { ArrowRight, FileText, HelpCircle, ListTree, User } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchHitKind } from '@shared/api/search';
import { call } from '../api/client';
import { IndexingNote } from '../components/IndexingNote';
import { useModalDialog } from '../components/useModalDialog';
import { Highlight } from './Highlight';
import { screens, type Screen } from './routes';

export interface PaletteCommand {
  id: string;
  label: string;
  run: () => void;
}

const kindIcon: Record<SearchHitKind, ReactNode> = {
  question: <HelpCircle size={15} />,
  answer: <FileText size={15} />,
  customer: <User size={15} />,
  capability: <ListTree size={15} />,
};

export const screenOfKind: Record<SearchHitKind, Screen> = {
  question: 'inbox',
  answer: 'answers',
  customer: 'customers',
  capability: 'capabilities',
};

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

type Row = { type: 'command'; command: PaletteCommand } | { type: 'hit'; hit: SearchHit };

interface PaletteProps {
  onClose: () => void;
  navigate: (screen: Screen, id?: number | null) => void;
  commands: PaletteCommand[];
}

/** Ctrl/Cmd+K: one box to search everything and to run any command. */
export function CommandPalette({ open, ...props }: PaletteProps & { open: boolean }) {
  const { t } = useTranslation('search');
  const modal = useModalDialog(open, props.onClose);
  return (
    <dialog {...modal} className="k-palette" aria-label={t('paletteLabel')}>
      {/* Mounted anew at every opening: a reopened palette starts empty, and never shows the
          previous query's hits while the new query's are on their way (issue 20). */}
      {open && <PaletteBody {...props} />}
    </dialog>
  );
}

function PaletteBody({ onClose, navigate, commands }: PaletteProps) {
  const { t } = useTranslation(['search', 'nav']);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const debounced = useDebounced(query.trim(), 120);
  const hits = useQuery({
    queryKey: ['search:global', debounced],
    queryFn: () => call('search:global', { query: debounced, limit: 30 }),
    enabled: debounced.length > 0,
  });
  useEffect(() => inputRef.current?.focus(), []);

  const allCommands = useMemo<PaletteCommand[]>(
    () => [
      ...screens.map((s) => ({
        id: `go:${s}`,
        label: t('goTo', { screen: t(`nav:${s}`) }),
        run: () => navigate(s),
      })),
      ...commands,
    ],
    [commands, navigate, t],
  );

  const rows: Row[] = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matching = allCommands.filter((c) => !q || c.label.toLowerCase().includes(q)).slice(0, q ? 4 : 12);
    const hitRows: Row[] = q ? (hits.data ?? []).map((hit) => ({ type: 'hit', hit })) : [];
    return [...hitRows, ...matching.map((command) => ({ type: 'command' as const, command }))];
  }, [allCommands, hits.data, query]);

  const current = Math.max(0, Math.min(active, rows.length - 1));

  const choose = (row: Row | undefined) => {
    if (!row) return;
    onClose();
    if (row.type === 'command') row.command.run();
    else navigate(screenOfKind[row.hit.kind], row.hit.id);
  };

  return (
    <>
      <input
        ref={inputRef}
        className="k-palette__input"
        placeholder={t('placeholder')}
        value={query}
        role="combobox"
        aria-expanded="true"
        aria-controls="k-palette-list"
        aria-activedescendant={rows.length ? `k-palette-row-${current}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(rows.length - 1, i + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(rows[current]);
          }
        }}
      />
      <ul id="k-palette-list" className="k-palette__list" role="listbox">
        {rows.map((row, i) => (
          <li
            key={row.type === 'hit' ? `${row.hit.kind}:${row.hit.id}` : row.command.id}
            id={`k-palette-row-${i}`}
            role="option"
            aria-selected={i === current}
            className={`k-palette__row ${i === current ? 'is-active' : ''}`}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(row)}
          >
            {row.type === 'hit' ? (
              <>
                <span className="k-palette__icon">{kindIcon[row.hit.kind]}</span>
                <span className="k-palette__text">
                  <span className="k-palette__title">
                    <Highlight text={row.hit.title} ranges={row.hit.titleRanges} />
                  </span>
                  <span className="k-palette__snippet">
                    <Highlight text={row.hit.snippet} ranges={row.hit.ranges} />
                  </span>
                </span>
                <span className="k-palette__kind">{t(`kind.${row.hit.kind}`)}</span>
              </>
            ) : (
              <>
                <span className="k-palette__icon">
                  <ArrowRight size={15} />
                </span>
                <span className="k-palette__text">
                  <span className="k-palette__title">{row.command.label}</span>
                </span>
              </>
            )}
          </li>
        ))}
        {query.trim() && hits.isSuccess && hits.data.length === 0 && (
          <li className="k-palette__empty">{t('noResults', { query: query.trim() })}</li>
        )}
      </ul>
      {query.trim() && <IndexingNote />}
    </>
  );
}
