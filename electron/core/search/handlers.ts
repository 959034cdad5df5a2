import { SearchHitKind } from '../../../shared/api/search';
import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { searchStatus } from './queuedScan';
import { searchLibrary } from './search';

export function searchHandlers(studio: Studio): Handlers<'search:global' | 'search:status'> {
  return {
    'search:global': ({ kinds, ...input }) =>
      searchLibrary(studio.library().db, { ...input, kinds: kinds ?? SearchHitKind.options }),
    'search:status': ({ kinds }) => ({
      ...searchStatus(studio.library().db, kinds ?? SearchHitKind.options),
      paused: studio.searchIndexing.paused,
    }),
  };
}
