import path from 'node:path';
import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { createBackup } from './createBackup';
import { checkRestoreTarget, restoreBackup } from './restore';

/** Today as YYYY-MM-DD for the suggested file name. */
function stamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function backupHandlers(studio: Studio): Handlers<'backup:create' | 'backup:restore'> {
  return {
    'backup:create': async () => {
      const library = studio.library();
      const chosen = await studio.dialogs.chooseSaveFile({
        title: 'backUpLibrary',
        defaultName: `${path.basename(library.root)} ${stamp(new Date())}.zip`,
        filters: [{ name: 'zip', extensions: ['zip'] }],
      });
      if (!chosen) return null;
      const target = /\.zip$/i.test(chosen) ? chosen : `${chosen}.zip`;
      const job = studio.jobs.start(
        'backup',
        (ctx) =>
          createBackup(library, target, {
            signal: ctx.signal,
            progress: (f, phase) => ctx.progress(f, phase),
            appVersion: studio.options.appVersion,
            quiet: (copy) => studio.searchIndexing.whileHeld(copy),
          }),
        'backup:phase.database',
      );
      return { jobId: job.id, target };
    },

    'backup:restore': async () => {
      const [file] = await studio.dialogs.chooseFiles({
        title: 'restoreBackup',
        filters: [{ name: 'libraryBackup', extensions: ['zip'] }],
        multiple: false,
      });
      if (!file) return null;
      const folder = await studio.dialogs.chooseFolder({
        title: 'restoredLibraryFolder',
        forCreate: true,
      });
      if (!folder) return null;
      const target = path.resolve(folder);
      // Refuse at once, before a job starts: restoring never writes over a library or a full folder.
      checkRestoreTarget(target);
      const job = studio.jobs.start(
        'restore',
        (ctx) =>
          restoreBackup(file, target, { signal: ctx.signal, progress: (f, phase) => ctx.progress(f, phase) }),
        'backup:phase.checking',
      );
      return { jobId: job.id, target };
    },
  };
}
