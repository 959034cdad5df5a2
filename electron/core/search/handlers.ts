import { SearchHitKind } from '../../../shared/api/search';
import type { Handlers } from '../api/types';
import type { Studio } from '../studio';
import { searchLibrary } from './search';

export function searchHandlers(studio: Studio): Handlers<'search:global'> {
  return {
    'search:global': ({ kinds, ...input }) =>
      searchLibrary(studio.library().db, { ...input, kinds: kinds ?? SearchHitKind.options }),
  };
}
