// Run as `node --import tsx e2e/helpers/bundleLibrary.ts <dir> [--no-export] [--video 1280x720:20]`:
// builds a library with an answer that has a screenshot and a rendered clip
// (electron/core/bundles/testing.ts) in <dir>/lib, exports its bundle as a zip and a folder into
// <dir>/out unless --no-export, and prints the paths as JSON. A separate process because
// Playwright's loader cannot import the i18n JSON the core uses.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportBundle } from '../../electron/core/bundles';
import { makeBundleFixture, makeTestVideo } from '../../electron/core/bundles/testing';
import { readVendorKey } from '../../electron/core/signing';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-export': { type: 'boolean' }, video: { type: 'string' } },
});
const dir = path.resolve(positionals[0] ?? '');
mkdirSync(dir, { recursive: true });
let videoFile: string | undefined;
let videoDurationS: number | undefined;
if (values.video) {
  const [size, seconds] = values.video.split(':');
  videoFile = path.join(dir, 'video.mp4');
  videoDurationS = Number(seconds);
  makeTestVideo(videoFile, videoDurationS, size);
}
const library = path.join(dir, 'lib');
const fx = await makeBundleFixture(library, dir, videoFile ? { videoFile, videoDurationS } : {});
const folder = path.join(dir, 'out', 'answer');
const zip = path.join(dir, 'out', 'answer.zip');
if (!values['no-export']) {
  mkdirSync(path.dirname(folder), { recursive: true });
  await exportBundle(
    fx.library,
    {
      answerId: fx.answerId,
      customerId: fx.customerId,
      questionId: null,
      personalised: true,
      videoRendition: 'original',
      zip: true,
      folder: true,
    },
    { zipPath: zip, folderPath: folder },
    { appVersion: 'e2e' },
    { signal: new AbortController().signal, progress: () => undefined },
  );
}
// The key that signed the bundle (made at the export): what the customer compares.
const fingerprint = readVendorKey(fx.library)?.fingerprint ?? null;
fx.library.close();
process.stdout.write(
  `${JSON.stringify({ folder, zip, library, customerName: fx.customerName, stepIds: fx.stepIds, fingerprint })}\n`,
);
