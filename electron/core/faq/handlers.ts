import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';
import type { Handlers } from '../api';
import type { Studio } from '../studio';
import { decideFinding } from './decisions';
import { STATE_DIR } from './output';
import { faqOverview, previewAnswer } from './overview';
import { prepare } from './prepare';
import { publishFaq } from './publish';
import { readFaqSettings, readVendor, updateFaqSettings, updateVendor } from './settings';
import { LOGO_EXTENSIONS, setVendorLogo } from './vendor';
import { ensureVendorKey, vendorKeyInfo } from '../signing';

type FaqChannel =
  | 'faq:overview'
  | 'faq:decide'
  | 'faq:preview'
  | 'faq:publish'
  | 'faq:chooseFolder'
  | 'faq:updateSettings'
  | 'faq:openOutput'
  | 'vendor:get'
  | 'vendor:update'
  | 'vendor:chooseLogo'
  | 'vendor:key';

/** A folder the FAQ may be written to: missing, empty, or a site published before. */
export function assertSiteFolder(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir).filter((n) => n !== '.DS_Store');
  if (entries.length && !existsSync(path.join(dir, STATE_DIR, 'manifest.json')))
    throw new KotaeError(
      'FOLDER_NOT_EMPTY',
      { path: dir },
      'no Kotae FAQ manifest',
      'errors:FAQ_FOLDER_NOT_SITE',
    );
}

export function faqHandlers(studio: Studio): Handlers<FaqChannel> {
  return {
    'faq:overview': () => faqOverview(studio.library()),
    'faq:decide': async (input) => {
      const library = studio.writableLibrary();
      decideFinding(library, input);
      studio.changed('faq');
      return { unresolved: (await prepare(library)).unresolved };
    },
    'faq:preview': ({ answerId }) => previewAnswer(studio.library(), answerId),
    'faq:publish': async () => {
      const library = studio.writableLibrary();
      if (!readFaqSettings(library).outDir)
        throw new KotaeError('PUBLISH_BLOCKED', {}, 'no output folder', 'errors:FAQ_NO_FOLDER');
      if (studio.jobs.list().some((j) => j.kind === 'publish' && j.status === 'running'))
        throw new KotaeError('CONFLICT', {}, 'a publication is already running');
      // Refused at once (not as a failed job) while findings are open: the screen shows why.
      const unresolved = (await prepare(library)).unresolved;
      if (unresolved > 0)
        throw new KotaeError(
          'PUBLISH_BLOCKED',
          { count: unresolved },
          undefined,
          'errors:PUBLISH_BLOCKED_FINDINGS',
        );
      const job = studio.jobs.start(
        'publish',
        async (ctx) => {
          const result = await publishFaq(library, { signal: ctx.signal, progress: ctx.progress });
          studio.changed('publications', 'faq');
          return result;
        },
        'collect',
      );
      return { jobId: job.id };
    },
    'faq:chooseFolder': async () => {
      const library = studio.writableLibrary();
      const folder = await studio.dialogs.chooseFolder({ title: 'faqSiteFolder', forCreate: true });
      if (folder === null) return null;
      assertSiteFolder(path.resolve(folder));
      const settings = updateFaqSettings(library, { outDir: folder });
      studio.changed('faq');
      return settings;
    },
    'faq:updateSettings': (patch) => {
      const settings = updateFaqSettings(studio.writableLibrary(), patch);
      studio.changed('faq');
      return settings;
    },
    'faq:openOutput': async () => {
      const outDir = readFaqSettings(studio.library()).outDir;
      const home = outDir ? path.join(outDir, 'index.html') : null;
      if (!home || !existsSync(home))
        throw new KotaeError('NOT_FOUND', { path: outDir ?? '' }, 'no published site');
      await studio.dialogs.showInFolder(home);
      return { shown: home };
    },
    'vendor:get': () => readVendor(studio.library()),
    'vendor:update': (patch) => {
      const vendor = updateVendor(studio.writableLibrary(), patch);
      studio.changed('vendor');
      return vendor;
    },
    'vendor:chooseLogo': async () => {
      const library = studio.writableLibrary();
      const [file] = await studio.dialogs.chooseFiles({
        title: 'faqLogo',
        filters: [{ name: 'images', extensions: LOGO_EXTENSIONS }],
        multiple: false,
      });
      if (!file) return null;
      const vendor = await setVendorLogo(library, file);
      studio.changed('vendor', 'media');
      return vendor;
    },
    'vendor:key': async () => {
      const key = await ensureVendorKey(studio.library());
      return key ? vendorKeyInfo(key) : null;
    },
  };
}
