import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/core/backup';
import { exportBundle } from '../../electron/core/bundles';
import { makeBundleFixture, makeTestVideo } from '../../electron/core/bundles/testing';
import { publishFaq } from '../../electron/core/faq';
import { decideAll } from '../../electron/core/faq/testing';
import { importMail } from '../../electron/core/intake';
import { testMail, testMbox } from '../../electron/core/intake/testing';
import { createLibrary, openLibrary, type Library } from '../../electron/core/library';
import { snapshotFiles, useTempDir } from '../../electron/core/testing';
import { errorMessage } from '../../electron/cli/messages';
import { toAppError } from '../../shared/errors';

// A full disk while writing a render, an export, a publication, a backup or a mail import: a DISK_FULL error that
// says what to do, nothing lost in the library, and no partial file left in the full folder. The
// output folder is a small tmpfs; mounting one needs root.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tempDir = useTempDir('kotae-diskfull-');
const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
});

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempDir();
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (res.status !== 0) return false;
  spawnSync('umount', [probe]);
  return true;
}
// Not root (or no mount permission in this container): these tests cannot make a small disk.
const mountable = canMountTmpfs();
if (!mountable)
  console.log('disk-full tests skipped: mounting a tmpfs needs root (run as root to check them)');

/** A folder on a tmpfs of `size` (e.g. '2m'), unmounted after the test. */
function smallDisk(size: string): string {
  const dir = path.join(tempDir(), 'small-disk');
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

async function fixture() {
  const dir = tempDir();
  const video = path.join(dir, 'long.mp4');
  makeTestVideo(video, 20, '1280x720'); // about 6 MB: more than the small disk holds
  const fx = await makeBundleFixture(path.join(dir, 'lib'), dir, { videoFile: video, videoDurationS: 20 });
  await decideAll(fx.library);
  return { dir, lib: path.join(dir, 'lib'), ...fx };
}

function expectIntact(library: Library, media: Record<string, string>) {
  expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(snapshotFiles(library.media.dir)).toEqual(media);
}

function expectDiskFull(err: unknown) {
  const error = toAppError(err);
  expect(error.code, JSON.stringify(error)).toBe('DISK_FULL');
  // The message the user reads says what happened and what to do.
  expect(errorMessage(error)).toBe('The disk is full. Free some space and try again; nothing was lost.');
}

describe.skipIf(!mountable)('disk full', () => {
  it('render (kotae trim --out on a full disk): DISK_FULL, exit 1, no partial file', async () => {
    const fx = await fixture();
    const media = snapshotFiles(fx.library.media.dir);
    fx.library.close();
    const disk = smallDisk('2m');
    const res = spawnSync(
      process.execPath,
      [
        path.join(root, 'bin/kotae.mjs'),
        'trim',
        '--library',
        fx.lib,
        path.join(fx.dir, 'long.mp4'),
        '--from',
        '0',
        '--to',
        '20',
        '--mode',
        'accurate',
        '--out',
        path.join(disk, 'clip.mp4'),
      ],
      { encoding: 'utf8', env: { ...process.env, KOTAE_LANG: 'en' } },
    );
    expect(res.status, res.stderr).toBe(1);
    expect(res.stderr).toContain('The disk is full. Free some space and try again; nothing was lost.');
    expect(readdirSync(disk)).toEqual([]);
    // The source was imported first (a new asset); every file that was there keeps its bytes.
    const library = openLibrary(fx.lib, { readOnly: true });
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshotFiles(library.media.dir)).toMatchObject(media);
    library.close();
  });

  it('export (bundle zip on a full disk): DISK_FULL, no partial zip', async () => {
    const fx = await fixture();
    const media = snapshotFiles(fx.library.media.dir);
    const disk = smallDisk('2m');
    const err = await exportBundle(
      fx.library,
      {
        answerId: fx.answerId,
        customerId: fx.customerId,
        questionId: null,
        personalised: true,
        videoRendition: 'original',
        zip: true,
        folder: false,
      },
      { zipPath: path.join(disk, 'answer.zip'), folderPath: null },
      { appVersion: 'test' },
      { signal: new AbortController().signal, progress: () => undefined },
    ).catch((e: unknown) => e);
    expectDiskFull(err);
    expect(readdirSync(disk)).toEqual([]);
    expectIntact(fx.library, media);
    fx.library.close();
  });

  it('publish (FAQ site on a full disk): DISK_FULL, no page written', async () => {
    const fx = await fixture();
    const media = snapshotFiles(fx.library.media.dir);
    const disk = smallDisk('128k');
    const err = await publishFaq(fx.library, { outDir: disk }).catch((e: unknown) => e);
    expectDiskFull(err);
    expect(readdirSync(disk).filter((f) => f !== '.kotae-faq')).toEqual([]);
    expect(readdirSync(path.join(disk, '.kotae-faq')).filter((f) => f.startsWith('staging-'))).toEqual([]);
    expectIntact(fx.library, media);
    fx.library.close();
  });

  it('backup (zip on a full disk): DISK_FULL, no partial zip, no snapshot left', async () => {
    const fx = await fixture();
    const media = snapshotFiles(fx.library.media.dir);
    const disk = smallDisk('2m');
    const err = await createBackup(fx.library, path.join(disk, 'lib.zip'), {
      signal: new AbortController().signal,
      appVersion: 'test',
    }).catch((e: unknown) => e);
    expectDiskFull(err);
    expect(readdirSync(disk)).toEqual([]);
    expectIntact(fx.library, media);
    fx.library.close();
  });
  it('import (mail into a library on a full disk): DISK_FULL, the messages before are whole, the library is sound', async () => {
    const dir = tempDir();
    const disk = smallDisk('3m');
    const lib = path.join(disk, 'lib');
    createLibrary(lib).close();
    // 60 mails with a 100 KB attachment each: about twice what the disk holds.
    const mails = Array.from({ length: 60 }, (_, i) =>
      testMail({
        subject: `Question ${i}`,
        messageId: `<full${i}@example.jp>`,
        attachments: [
          { name: `shot-${i}.bin`, type: 'application/octet-stream', data: randomBytes(100_000) },
        ],
      }),
    );
    const mbox = path.join(dir, 'support.mbox');
    writeFileSync(mbox, testMbox(mails));
    const before = snapshotFiles(dir)['support.mbox'];
    const library = openLibrary(lib);
    const err = await importMail(library, [mbox]).catch((e: unknown) => e);
    expectDiskFull(err);
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (sql: string) => library.db.prepare(sql).pluck().get() as number;
    const imported = count('SELECT count(*) FROM messages');
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(mails.length);
    expect(
      count(
        'SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM message_attachments a WHERE a.message_id = m.id)',
      ),
    ).toBe(0);
    library.close();
    expect(snapshotFiles(dir)['support.mbox']).toBe(before);
  });
});
