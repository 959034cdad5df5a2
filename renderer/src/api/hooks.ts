import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Channel, Input, Output } from '@shared/api';
import { call, onEvent } from './client';

/** Query key of a channel call: the channel first, so a domain's queries can be invalidated together. */
export function queryKey<C extends Channel>(channel: C, input?: Input<C>): readonly unknown[] {
  return input === undefined ? [channel] : [channel, input];
}

export function useApi<C extends Channel>(
  channel: C,
  input: Input<C>,
  options: Omit<UseQueryOptions<Output<C>>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<C>>({
    queryKey: queryKey(channel, input),
    queryFn: () => call(channel, input),
    ...options,
  });
}

/**
 * Everything on screen asked again, after a change. A query whose first answer is still on its way
 * is cancelled first: TanStack Query cancels an in-flight fetch on refetch only when the query
 * already has data, and otherwise hands the refetch the fetch begun before the change, so the
 * screen would show what was true before it (Settings showed the old ffmpeg after a new path was
 * saved while the first probe, slow on a busy machine, was running).
 */
export async function refreshAfterChange(client: QueryClient): Promise<void> {
  await client.cancelQueries({
    predicate: (query) => query.state.data === undefined && query.state.fetchStatus === 'fetching',
  });
  void client.invalidateQueries();
}

/**
 * A mutation through a channel; every success refetches what is on screen. The refetch is started,
 * not waited for: what the caller does next (open what was created, close a dialog) must not wait
 * until every list on screen has come back, which on a busy machine takes seconds.
 */
export function useApiMutation<C extends Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation<Output<C>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => refreshAfterChange(client),
  });
}

/** Refetch everything when the core says data or the library changed (import, menu, other jobs). */
export function useLiveInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    const offData = onEvent('data:changed', () => void refreshAfterChange(client));
    const offLibrary = onEvent('library:changed', () => void refreshAfterChange(client));
    // The background integrity check changes only what the status bar shows: no refetch of lists.
    const offIntegrity = onEvent('library:integrity', (integrity) =>
      client.setQueryData<Output<'library:state'>>(queryKey('library:state', {}), (state) =>
        state?.status === 'open' ? { ...state, info: { ...state.info, integrity } } : state,
      ),
    );
    return () => {
      offData();
      offLibrary();
      offIntegrity();
    };
  }, [client]);
}
