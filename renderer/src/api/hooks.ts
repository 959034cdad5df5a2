import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
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
 * A mutation through a channel; every success refetches what is on screen. The refetch is not
 * waited for: what the caller does next (open what was created, close a dialog) must not wait until
 * every list on screen has come back, which on a busy machine takes seconds.
 */
export function useApiMutation<C extends Channel>(channel: C) {
  const client = useQueryClient();
  return useMutation<Output<C>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: () => {
      void client.invalidateQueries();
    },
  });
}

/** Refetch everything when the core says data or the library changed (import, menu, other jobs). */
export function useLiveInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    const offData = onEvent('data:changed', () => void client.invalidateQueries());
    const offLibrary = onEvent('library:changed', () => void client.invalidateQueries());
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
