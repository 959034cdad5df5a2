import { CalendarClock, Inbox as InboxIcon } from 'lucide-react';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { inboxGroups, type InboxGroup, type QuestionSummary } from '@shared/domain/question';
import { call } from '../../api/client';
import { queryKey, useApi } from '../../api/hooks';
import { Badge, EmptyState, ErrorMessage, ListItem, Loading, StatusBadge } from '../../components';
import { VirtualList, type RovingProps } from '../../components/VirtualList';
import { todayDay, useFormat, type Format } from '../../hooks/useFormat';
import { WINDOW_ROWS } from '../../hooks/listWindows';
import { useWindowedList } from '../../hooks/useWindowedList';
import './inboxList.css';

const ROW_HEIGHT = 60;
const HEADER_HEIGHT = 28;

/** One question of the list. Memoised: selecting another question re-renders two rows, not all. */
const QuestionRow = memo(function QuestionRow({
  question: q,
  group,
  selected,
  tabIndex,
  onOpen,
  t,
  fmt,
}: {
  question: QuestionSummary | undefined;
  group: InboxGroup;
  selected: boolean;
  tabIndex: 0 | -1;
  onOpen: (id: number) => void;
  t: TFunction<'inbox'>;
  fmt: Format;
}) {
  const roving: RovingProps = { tabIndex, 'data-roving': true };
  if (!q)
    return (
      <ListItem
        loading
        roving={roving}
        group={group}
        title={t('common:loading')}
        onSelect={() => undefined}
      />
    );
  return (
    <ListItem
      testId={`question-${q.id}`}
      group={group}
      selected={selected}
      roving={roving}
      onSelect={() => onOpen(q.id)}
      title={q.subject}
      trailing={
        <>
          {group === 'overdue' && <Badge tone="danger">{t('group.overdue')}</Badge>}
          <StatusBadge status={q.status} />
        </>
      }
      meta={
        <>
          <span>{q.customerName ?? t('unknownCustomer')}</span>
          {q.nextCheckpoint && (
            <span className={group === 'overdue' ? 'k-overdue' : undefined}>
              <CalendarClock size={12} style={{ verticalAlign: '-2px' }} /> {fmt.date(q.nextCheckpoint)}
            </span>
          )}
          {q.messageCount > 1 && <span>{t('messages', { count: q.messageCount })}</span>}
        </>
      }
    />
  );
});

/**
 * The Inbox's questions, every one of them: each part (overdue, due today, …) with its true count
 * as a header, rows fetched a window at a time as they scroll into view (issue 20).
 */
export function InboxList({
  selectedId,
  onOpen,
}: {
  selectedId: number | null;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation('inbox');
  const fmt = useFormat();
  const today = todayDay();
  const counts = useApi('questions:inboxCounts', { today });
  // The first window of every part is asked for beside the counts, not after them: which parts
  // have rows is known only then, and the first rows would wait a round trip more.
  const client = useQueryClient();
  useEffect(() => {
    for (const group of inboxGroups) {
      const input = { group, today, offset: 0, limit: WINDOW_ROWS };
      void client.prefetchQuery({
        queryKey: queryKey('questions:inbox', input),
        queryFn: () => call('questions:inbox', input),
      });
    }
  }, [client, today]);
  const parts = useMemo(
    () =>
      (counts.data?.groups ?? [])
        .filter((g) => g.count > 0)
        .map((g) => ({ key: g.group, count: g.count, header: true })),
    [counts.data],
  );
  const list = useWindowedList({
    parts,
    queryKey: (group: InboxGroup, offset, limit) =>
      queryKey('questions:inbox', { group, today, offset, limit }),
    fetchWindow: (group: InboxGroup, offset, limit) =>
      call('questions:inbox', { group, today, offset, limit }),
  });
  const { layout } = list;
  const open = useCallback((id: number) => onOpen(id), [onOpen]);
  const isItem = useCallback((i: number) => layout.at(i)?.offset !== null, [layout]);
  const estimateSize = useCallback((i: number) => (isItem(i) ? ROW_HEIGHT : HEADER_HEIGHT), [isItem]);
  const getKey = useCallback(
    (i: number) => {
      const row = layout.at(i);
      return row ? `${row.part}:${row.offset ?? 'header'}` : i;
    },
    [layout],
  );

  if (counts.isPending) return <Loading />;
  if (counts.isError) return <ErrorMessage error={counts.error} />;
  if (counts.data.total === 0) {
    return (
      <EmptyState icon={<InboxIcon size={36} />} title={t('emptyTitle')}>
        {t('emptyText')}
      </EmptyState>
    );
  }
  const selectedIndex = selectedId === null ? null : list.indexWhere((q) => q.id === selectedId);
  return (
    <>
      {list.error !== null && <ErrorMessage error={list.error} />}
      <VirtualList
        testId="question-list"
        label={t('listLabel', { count: counts.data.total })}
        count={layout.count}
        estimateSize={estimateSize}
        getKey={getKey}
        isItem={isItem}
        stickyIndexes={layout.headerIndexes}
        selectedIndex={selectedIndex}
        onVisibleRange={list.onVisibleRange}
        renderRow={(index, roving) => {
          const row = layout.at(index)!;
          if (row.offset === null) {
            const count = parts.find((p) => p.key === row.part)?.count ?? 0;
            return (
              <div className="k-list-section__title" data-testid={`group-${row.part}`}>
                {t(`group.${row.part}`)}
                <span className="k-list-section__count">{count}</span>
              </div>
            );
          }
          const q = list.itemAt(index);
          return (
            <QuestionRow
              question={q}
              group={row.part}
              selected={q !== undefined && q.id === selectedId}
              tabIndex={roving.tabIndex}
              onOpen={open}
              t={t}
              fmt={fmt}
            />
          );
        }}
      />
    </>
  );
}
