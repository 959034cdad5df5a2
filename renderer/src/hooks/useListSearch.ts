import { useEffect, useState } from 'react';
import type { SearchFilters, SearchHitKind } from '@shared/api/search';
import { useApi } from '../api/hooks';

/** What a list's search box holds: words and filters. */
export interface ListSearchState extends SearchFilters {
  query: string;
  /** The name of the customer filtered by, to show in the picker (not sent). */
  customerName?: string;
}

export const emptyListSearch: ListSearchState = { query: '' };

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function isActive(state: ListSearchState): boolean {
  return Boolean(
    state.query.trim() || state.status || state.customerId || state.capabilityId || state.from || state.to,
  );
}

/**
 * The library search narrowed to one kind of document, for a list's search box. While the box is
 * empty and no filter is set, `active` is false and the list shows itself as usual.
 */
export function useListSearch(kind: SearchHitKind) {
  const [state, setState] = useState<ListSearchState>(emptyListSearch);
  const debounced = useDebounced(state, 150);
  const active = isActive(debounced);
  const { query, customerName: _shown, ...filters } = debounced;
  const words = query.trim();
  const hits = useApi(
    'search:global',
    { ...filters, query: words, kinds: [kind], limit: 100 },
    {
      enabled: active,
      // While the words grow or shrink, the last hits stay until the new ones come; a search for
      // something else (typed after clearing the box) never shows the hits of the one before.
      placeholderData: (previous, previousQuery) => {
        const before = (previousQuery?.queryKey[1] as { query?: string } | undefined)?.query ?? '';
        return before && words && (words.startsWith(before) || before.startsWith(words))
          ? previous
          : undefined;
      },
    },
  );
  return { kind, state, setState, active, hits };
}

export type ListSearch = ReturnType<typeof useListSearch>;
