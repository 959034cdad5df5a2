import { existsSync } from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';
import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { defaultBundleName, exportBundle, freeFolderPath, previewBundle } from './export';
import { getBundle, listBundles } from './records';
import { verifyReport } from './report';

type BundleChannel =
  'bundles:preview' | 'bundles:export' | 'bundles:list' | 'bundles:showInFolder' | 'bundles:verify';

export function bundleHandlers(studio: Studio): Handlers<BundleChannel> {
  const env = () => ({
    appVersion: studio.options.appVersion,
    ffmpegPath: studio.settings.get().ffmpegPath ?? undefined,
  });
  return {
    'bundles:preview': (request) => previewBundle(studio.library(), request, env()),

    'bundles:export': async (request) => {
      const library = studio.writableLibrary();
      // Refuse before asking where to save: the dialog would be a question with no useful answer.
      const preview = previewBundle(library, request, env());
      if (preview.blocked) {
        throw new KotaeError(
          preview.blocked.code,
          preview.blocked.params,
          undefined,
          preview.blocked.messageKey,
        );
      }
      const name = defaultBundleName(library, request.answerId);
      let zipPath: string | null = null;
      let folderPath: string | null = null;
      if (request.zip) {
        const chosen = await studio.dialogs.chooseSaveFile({
          title: 'exportBundle',
          defaultName: `${name}.zip`,
          filters: [{ name: 'zip', extensions: ['zip'] }],
        });
        if (!chosen) return null;
        zipPath = /\.zip$/i.test(chosen) ? chosen : `${chosen}.zip`;
        if (request.folder) folderPath = freeFolderPath(zipPath.replace(/\.zip$/i, ''));
      } else {
        const parent = await studio.dialogs.chooseFolder({ title: 'exportBundle', forCreate: true });
        if (!parent) return null;
        folderPath = freeFolderPath(path.join(parent, name));
      }
      const target = (zipPath ?? folderPath)!;
      const job = studio.jobs.start(
        'export',
        async (ctx) => {
          const record = await exportBundle(library, request, { zipPath, folderPath }, env(), ctx);
          studio.changed('bundles', 'log');
          return record;
        },
        'bundle:phase.prepare',
      );
      return { jobId: job.id, target };
    },

    'bundles:list': (filter) => listBundles(studio.library().db, filter),

    'bundles:showInFolder': async ({ id }) => {
      const record = getBundle(studio.library().db, id);
      const target = [record.zipPath, record.folderPath].find((p): p is string => !!p && existsSync(p));
      if (!target) throw new KotaeError('NOT_FOUND', { id }, 'the bundle was moved or deleted');
      await studio.dialogs.showInFolder(target);
      return { shown: true };
    },

    'bundles:verify': async () => {
      const [file] = await studio.dialogs.chooseFiles({
        title: 'checkBundle',
        filters: [{ name: 'answerBundle', extensions: ['zip', 'kotae'] }],
        multiple: false,
      });
      if (!file) return null;
      const library = studio.library();
      const job = studio.jobs.start('verify', (ctx) =>
        verifyReport(file, library, { signal: ctx.signal, onProgress: (f) => ctx.progress(f) }),
      );
      return { jobId: job.id, file };
    },
  };
}
