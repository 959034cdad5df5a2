import { KotaeError } from '../../../shared/errors';
import type { Handlers } from '../api';
import { recentJobs } from '../jobs';
import { isLibraryFolder } from '../library';
import type { Studio } from './Studio';

type StudioChannel =
  | 'app:info'
  | 'app:screenAccess'
  | 'app:openScreenSettings'
  | 'settings:get'
  | 'settings:update'
  | 'library:state'
  | 'library:counts'
  | 'library:open'
  | 'library:create'
  | 'library:chooseOpen'
  | 'library:chooseCreate'
  | 'library:recent'
  | 'jobs:list'
  | 'jobs:cancel';

export function studioHandlers(studio: Studio): Handlers<StudioChannel> {
  return {
    'app:info': () => ({
      name: 'Kotae Studio',
      version: studio.options.appVersion,
      platform: studio.options.platform,
      systemLocale: studio.options.systemLocale,
      userDataDir: studio.options.userDataDir,
      shell: studio.options.shell,
    }),
    'app:screenAccess': () => ({ status: studio.dialogs.screenRecordingAccess() }),
    'app:openScreenSettings': async () => ({ opened: await studio.dialogs.openScreenRecordingSettings() }),
    'settings:get': () => studio.settings.get(),
    'settings:update': (patch) => studio.settings.update(patch),
    'library:state': () => studio.getState(),
    'library:counts': () => studio.library().counts(),
    'library:open': ({ path }) => studio.openLibrary(path),
    'library:create': ({ path, demo }) => studio.createLibrary(path, demo),
    'library:chooseOpen': async () => {
      const folder = await studio.dialogs.chooseFolder({ title: 'openLibrary', forCreate: false });
      return folder === null ? null : studio.openLibrary(folder);
    },
    'library:chooseCreate': async ({ demo }) => {
      const folder = await studio.dialogs.chooseFolder({ title: 'newLibrary', forCreate: true });
      if (folder === null) return null;
      if (isLibraryFolder(folder)) throw new KotaeError('LIBRARY_EXISTS', { path: folder });
      return studio.createLibrary(folder, demo);
    },
    'library:recent': () => studio.settings.get().recentLibraries,
    'jobs:list': () => {
      // Jobs of this run (live) first, then what the library remembers of earlier runs.
      const live = studio.jobs.list();
      const seen = new Set(live.map((j) => j.id));
      let past: ReturnType<typeof recentJobs> = [];
      try {
        past = recentJobs(studio.library()).filter((j) => !seen.has(j.id));
      } catch {
        /* no library open: only live jobs */
      }
      return [...live, ...past];
    },
    'jobs:cancel': ({ id }) => ({ cancelled: studio.jobs.cancel(id) }),
  };
}
