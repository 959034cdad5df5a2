import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { listReleases } from './queries';
import { deleteRelease, recordRelease } from './record';

type ReleaseChannel = 'releases:list' | 'releases:record' | 'releases:delete';

export function releaseHandlers(studio: Studio): Handlers<ReleaseChannel> {
  return {
    'releases:list': () => listReleases(studio.library().db),
    'releases:record': (input) => {
      const result = recordRelease(studio.writableLibrary(), input);
      studio.changed('releases', 'answers');
      return result;
    },
    'releases:delete': ({ id }) => {
      const result = deleteRelease(studio.writableLibrary(), id);
      studio.changed('releases', 'answers');
      return result;
    },
  };
}
