import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

/** What a row gets to be the list's one Tab stop (roving focus): put both on its focusable element. */
export interface RovingProps {
  tabIndex: 0 | -1;
  'data-roving': true;
}

/**
 * A long list that renders only the rows in view (issue 20: 1,000 rows were 15,000 elements), and
 * is ONE Tab stop: the arrow keys, Page Up/Down, Home and End move between its rows, Enter opens one
 * (issue 18). The focused row is always rendered, and scrolled into view when the keys move it, so
 * focus survives virtualisation. Rows that are not items (group headers) are passed over by the keys;
 * the header of the part in view stays at the top (sticky).
 */
export function VirtualList({
  count,
  label,
  estimateSize,
  getKey,
  isItem = () => true,
  stickyIndexes,
  renderRow,
  selectedIndex = null,
  onVisibleRange,
  testId,
}: {
  count: number;
  /** What the list holds, for screen readers ("Questions"). */
  label: string;
  estimateSize: (index: number) => number;
  getKey?: (index: number) => string | number;
  /** False for rows the keys pass over (headers). */
  isItem?: (index: number) => boolean;
  /** Rows that stay at the top while their part is in view (ascending). */
  stickyIndexes?: number[];
  renderRow: (index: number, roving: RovingProps) => ReactNode;
  selectedIndex?: number | null;
  /** The rows rendered now (with overscan), for fetching the windows they need. */
  onVisibleRange?: (start: number, end: number) => void;
  testId?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);

  const firstItem = useCallback(
    (from: number, step: 1 | -1): number | null => {
      for (let i = from; i >= 0 && i < count; i += step) if (isItem(i)) return i;
      return null;
    },
    [count, isItem],
  );
  const focused = focusIndex !== null && focusIndex < count ? focusIndex : null;
  const roving =
    focused ?? (selectedIndex !== null && selectedIndex < count ? selectedIndex : firstItem(0, 1));

  const activeSticky = useRef<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const extra: number[] = [];
      if (stickyIndexes?.length) {
        const active = [...stickyIndexes].reverse().find((i) => i <= range.startIndex) ?? null;
        activeSticky.current = active;
        if (active !== null) extra.push(active);
      }
      // The focused row stays rendered while it scrolls out of view, so DOM focus is not lost.
      if (roving !== null) extra.push(roving);
      return extra.length ? [...new Set([...extra, ...indexes])].sort((a, b) => a - b) : indexes;
    },
    [stickyIndexes, roving],
  );

  // The virtualizer re-renders this component itself on scroll; nothing here is memoised by hand
  // from its functions, which is what the compiler warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey: getKey,
    overscan: 6,
    rangeExtractor,
  });
  const rows = virtualizer.getVirtualItems();

  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) onVisibleRange?.(first, last);
  }, [first, last, onVisibleRange]);

  // After the keys moved focus to a row, focus it once it is rendered (it is, from the next render).
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"] [data-roving]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number | null) => {
    if (index === null) return;
    pendingFocus.current = index;
    setFocusIndex(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!from || !(e.target as HTMLElement).hasAttribute('data-roving')) return;
    const current = Number(from.dataset.index);
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 0) / estimateSize(current)) - 1,
    );
    const target: Record<string, () => number | null> = {
      ArrowDown: () => firstItem(current + 1, 1),
      ArrowUp: () => firstItem(current - 1, -1),
      Home: () => firstItem(0, 1),
      End: () => firstItem(count - 1, -1),
      PageDown: () => firstItem(Math.min(count - 1, current + pageRows), 1) ?? firstItem(count - 1, -1),
      PageUp: () => firstItem(Math.max(0, current - pageRows), -1) ?? firstItem(0, 1),
    };
    const go = target[e.key];
    if (!go || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    moveTo(go());
  };

  return (
    <div
      ref={scrollRef}
      className="k-virtual-list"
      role="group"
      aria-label={label}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
        if (row && (e.target as HTMLElement).hasAttribute('data-roving'))
          setFocusIndex(Number(row.dataset.index));
      }}
    >
      <div className="k-virtual-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const sticky = row.index === activeSticky.current;
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className={sticky ? 'k-virtual-list__row is-sticky' : 'k-virtual-list__row'}
              style={sticky ? undefined : { transform: `translateY(${row.start}px)` }}
            >
              {renderRow(row.index, { tabIndex: row.index === roving ? 0 : -1, 'data-roving': true })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
