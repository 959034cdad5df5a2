import { SearchHitKind } from '../../../shared/api/search';
import type { Handlers } from '../api/types';
import type { Studio } from '../studio';
import { titleSearch } from './titleSearch';

export function searchHandlers(studio: Studio): Handlers<'search:global'> {
  return {
    'search:global': ({ query, kinds, limit }) =>
      titleSearch(studio.library().db, query, kinds ?? SearchHitKind.options, limit),
  };
}
