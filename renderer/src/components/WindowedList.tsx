import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { ListPage } from '@shared/domain/listPage';
import { WINDOW_ROWS } from '../hooks/listWindows';
import { useWindowedList } from '../hooks/useWindowedList';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';
import { VirtualList, type RovingProps } from './VirtualList';

/**
 * A whole list of records in one part (Answers, Customers): its true total from the first window,
 * the rest fetched as it scrolls into view, rendered by VirtualList (issue 20).
 */
export function WindowedList<T extends { id: number }>({
  queryKey,
  fetchWindow,
  label,
  empty,
  selectedId,
  rowHeight,
  renderItem,
  testId,
}: {
  queryKey: (offset: number, limit: number) => readonly unknown[];
  fetchWindow: (offset: number, limit: number) => Promise<ListPage<T>>;
  label: (total: number) => string;
  /** Shown when the list has nothing in it. */
  empty: ReactNode;
  selectedId: number | null;
  rowHeight: number;
  /** A memoised row; item is undefined until its window arrives. */
  renderItem: (item: T | undefined, selected: boolean, roving: RovingProps) => ReactNode;
  testId?: string;
}) {
  const first = useQuery({ queryKey: queryKey(0, WINDOW_ROWS), queryFn: () => fetchWindow(0, WINDOW_ROWS) });
  const total = first.data?.total;
  const parts = useMemo(() => (total ? [{ key: 'all' as const, count: total, header: false }] : []), [total]);
  const list = useWindowedList({
    parts,
    queryKey: (_part, offset, limit) => queryKey(offset, limit),
    fetchWindow: (_part, offset, limit) => fetchWindow(offset, limit),
  });
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  if (first.isPending) return <Loading />;
  if (first.isError) return <ErrorMessage error={first.error} />;
  if (!total) return <>{empty}</>;
  const selectedIndex = selectedId === null ? null : list.indexWhere((item) => item.id === selectedId);
  return (
    <>
      {list.error !== null && <ErrorMessage error={list.error} />}
      <VirtualList
        testId={testId}
        label={label(total)}
        count={list.layout.count}
        estimateSize={estimateSize}
        selectedIndex={selectedIndex}
        onVisibleRange={list.onVisibleRange}
        renderRow={(index, roving) => {
          const item = list.itemAt(index);
          return renderItem(item, item !== undefined && item.id === selectedId, roving);
        }}
      />
    </>
  );
}
