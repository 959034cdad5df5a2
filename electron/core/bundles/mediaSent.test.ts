import { chmodSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { exportBundle } from './export';
import { listBundles } from './records';
import { makeBundleFixture } from './testing';

// Issue 15: a bundle never carries a media file that is not what the library stored.

const tempDir = useTempDir('kotae-bundle-media-');
const env = { appVersion: '9.9.9-test' };
const job = () => ({ signal: new AbortController().signal, progress: () => undefined });

describe('a bundle’s media are what the library stored', () => {
  const damages: [string, (file: string, dir: string) => void][] = [
    [
      'an image whose bytes changed (same size)',
      (file) => {
        const bytes = readFileSync(file);
        bytes.writeUInt8(bytes.at(-1)! ^ 0xff, bytes.length - 1);
        writeFileSync(file, bytes);
      },
    ],
    [
      'an image that is a link to a private file',
      (file, dir) => {
        writeFileSync(path.join(dir, 'id_rsa'), readFileSync(file)); // even with the right content
        rmSync(file);
        symlinkSync(path.join(dir, 'id_rsa'), file);
      },
    ],
  ];
  for (const [name, damage] of damages) {
    it(`refuses ${name}, naming it, and leaves no zip and no record`, async () => {
      const dir = tempDir();
      const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
      const file = fx.library.media.fileOf({ sha256: fx.screenshotSha, ext: 'png' })!;
      chmodSync(file, 0o644);
      damage(file, dir);
      const zipPath = path.join(dir, 'x.zip');
      await expect(
        exportBundle(
          fx.library,
          { answerId: fx.answerId, customerId: fx.customerId, questionId: null, personalised: true, videoRendition: 'original', zip: true, folder: false },
          { zipPath, folderPath: null },
          env,
          job(),
        ),
      ).rejects.toMatchObject({ code: 'BUNDLE_EXPORT_BLOCKED', params: { reason: 'mediaChanged', name: 'カメラの設定画面' } });
      expect(existsSync(zipPath)).toBe(false);
      expect(listBundles(fx.library.db, { answerId: fx.answerId })).toEqual([]);
      fx.library.close();
    });
  }
});
