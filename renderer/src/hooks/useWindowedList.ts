import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ListPage } from '@shared/domain/listPage';
import { layoutParts, windowsFor, WINDOW_ROWS, type Part } from './listWindows';

// Rows are asked for in steps of this many, so scrolling re-renders the screen when it reaches new
// windows, not at every row.
const RANGE_STEP = 40;

/**
 * The rows of a long list, fetched a window at a time as they come into view (issue 20): every
 * row can be scrolled to, and only what is on screen is fetched and rendered. `parts` carry the
 * true counts; a row not fetched yet is `undefined` until its window arrives.
 */
export function useWindowedList<K extends string, T>({
  parts,
  queryKey,
  fetchWindow,
  enabled = true,
}: {
  parts: Part<K>[];
  queryKey: (part: K, offset: number, limit: number) => readonly unknown[];
  fetchWindow: (part: K, offset: number, limit: number) => Promise<ListPage<T>>;
  enabled?: boolean;
}) {
  const layout = useMemo(() => layoutParts(parts), [parts]);
  const [range, setRange] = useState<[number, number]>([0, RANGE_STEP]);
  const onVisibleRange = useCallback((start: number, end: number) => {
    const from = Math.floor(start / RANGE_STEP) * RANGE_STEP;
    const to = (Math.floor(end / RANGE_STEP) + 1) * RANGE_STEP;
    setRange((prev) => (prev[0] === from && prev[1] === to ? prev : [from, to]));
  }, []);
  const windows = useMemo(() => windowsFor(layout, range[0], range[1]), [layout, range]);
  const results = useQueries({
    queries: windows.map((w) => ({
      queryKey: queryKey(w.part, w.offset, WINDOW_ROWS),
      queryFn: () => fetchWindow(w.part, w.offset, WINDOW_ROWS),
      enabled,
    })),
  });
  const loaded = new Map<string, T[]>();
  windows.forEach((w, i) => {
    const data = results[i]?.data;
    if (data) loaded.set(`${w.part}:${w.offset}`, data.items);
  });
  const error = results.find((r) => r.isError)?.error ?? null;
  const itemAt = (index: number): T | undefined => {
    const row = layout.at(index);
    if (!row || row.offset === null) return undefined;
    const start = Math.floor(row.offset / WINDOW_ROWS) * WINDOW_ROWS;
    return loaded.get(`${row.part}:${start}`)?.[row.offset - start];
  };
  /** The row index of an item already fetched, by a test on it (the selected one, say). */
  const indexWhere = (match: (item: T) => boolean): number | null => {
    for (const [id, items] of loaded) {
      const i = items.findIndex(match);
      if (i >= 0) {
        const sep = id.lastIndexOf(':');
        return layout.indexOf(id.slice(0, sep) as K, Number(id.slice(sep + 1)) + i);
      }
    }
    return null;
  };
  return { layout, itemAt, indexWhere, onVisibleRange, error };
}
