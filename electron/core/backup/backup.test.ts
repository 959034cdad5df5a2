import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { BACKUP_MANIFEST_FILE } from '../../../shared/domain/backup';
import { rawZip, type RawEntry } from '../bundles/testing';
import { openLibrary } from '../library';
import { makeIndexStale, snapshotFiles, useTempDir } from '../testing';
import { createBackup } from './createBackup';
import { restoreBackup } from './restore';
import { libraryWithMedia, logicalDump } from './testing';

const tempDir = useTempDir('kotae-backup-');
const run = () => ({ signal: new AbortController().signal, appVersion: '0.0.0-test' });

/** Reads every entry of a zip into memory (small test zips only). */
async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
        out.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      })().catch(reject);
    });
    zip.readEntry();
  });
  zip.close();
  return out;
}

/** Writes a zip from name → bytes by hand, as a hostile or damaged backup would be. */
function writeZip(file: string, entries: Map<string, Buffer>): void {
  writeFileSync(file, rawZip([...entries].map(([name, data]) => ({ name, data, method: 8 }))));
}

describe('library backup', () => {
  it('restores into a new folder with byte-identical media and an identical database', async () => {
    const dir = tempDir();
    const library = await libraryWithMedia(path.join(dir, 'lib'));
    const out = path.join(dir, 'backups', 'lib.zip');
    mkdirSync(path.dirname(out));
    const phases: string[] = [];
    const fractions: number[] = [];
    const result = await createBackup(library, out, {
      ...run(),
      progress: (f, phase) => {
        fractions.push(f);
        if (phase) phases.push(phase);
      },
    });
    expect(result).toMatchObject({ file: out, mediaFiles: 5 });
    expect(fractions.at(-1)).toBe(1);
    expect(phases).toEqual(['backup:phase.database', 'backup:phase.checkingLibrary', 'backup:phase.media']);
    // Only the backup: no temp file or database snapshot left beside it.
    expect(readdirSync(path.dirname(out))).toEqual(['lib.zip']);

    const entries = await zipEntries(out);
    const manifest = JSON.parse(entries.get(BACKUP_MANIFEST_FILE)!.toString('utf8'));
    expect(manifest).toMatchObject({
      format: 'kotae-library-backup',
      formatVersion: 1,
      appVersion: '0.0.0-test',
    });
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('library.sqlite');

    const restored = path.join(dir, 'restored', 'My Library');
    const restoredInfo = await restoreBackup(out, restored, { signal: new AbortController().signal });
    expect(restoredInfo).toMatchObject({ path: restored, mediaFiles: 5 });

    expect(snapshotFiles(path.join(restored, 'media'))).toEqual(snapshotFiles(library.media.dir));
    const copy = openLibrary(restored, { check: 'full' });
    expect(logicalDump(copy.db)).toEqual(logicalDump(library.db));
    expect(copy.integrity).toMatchObject({ checked: 'full', status: 'ok' });
    copy.close();
    library.close();
    // Nothing left behind by the restore either.
    expect(readdirSync(path.dirname(restored))).toEqual(['My Library']);
  });

  it('checks the library first: a damaged one gets no backup that could not be restored', async () => {
    const dir = tempDir();
    const root = path.join(dir, 'lib');
    (await libraryWithMedia(root)).close();
    makeIndexStale(root);
    const library = openLibrary(root);
    const out = path.join(dir, 'lib.zip');
    await expect(createBackup(library, out, run())).rejects.toMatchObject({
      code: 'LIBRARY_CORRUPT',
      messageKey: 'backup:damaged',
    });
    library.close();
    expect(readdirSync(dir)).toEqual(['lib']);
  });

  it('refuses to restore over an existing library or into a folder that is not empty', async () => {
    const dir = tempDir();
    const library = await libraryWithMedia(path.join(dir, 'lib'));
    const out = path.join(dir, 'lib.zip');
    await createBackup(library, out, run());
    library.close();
    const before = snapshotFiles(path.join(dir, 'lib'));
    await expect(
      restoreBackup(out, path.join(dir, 'lib'), { signal: new AbortController().signal }),
    ).rejects.toMatchObject({
      code: 'LIBRARY_EXISTS',
    });
    expect(snapshotFiles(path.join(dir, 'lib'))).toEqual(before);
    const full = path.join(dir, 'full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'notes.txt'), 'mine');
    await expect(restoreBackup(out, full, { signal: new AbortController().signal })).rejects.toMatchObject({
      code: 'FOLDER_NOT_EMPTY',
    });
    expect(readdirSync(full)).toEqual(['notes.txt']);
    // An empty folder is fine.
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    await restoreBackup(out, empty, { signal: new AbortController().signal });
    expect(existsSync(path.join(empty, 'library.sqlite'))).toBe(true);
  });

  it('refuses a tampered, hostile or foreign zip and leaves nothing behind', async () => {
    const dir = tempDir();
    const library = await libraryWithMedia(path.join(dir, 'lib'));
    const out = path.join(dir, 'lib.zip');
    await createBackup(library, out, run());
    library.close();
    const good = await zipEntries(out);
    const mediaName = [...good.keys()].find((n) => n.startsWith('media/') && good.get(n)!.length > 100)!;

    const symlink = rawZip(
      [...good]
        .map(([name, data]): RawEntry => ({ name, data }))
        .concat([
          {
            name: 'media/ab/' + 'a'.repeat(64),
            data: Buffer.from('/etc/passwd'),
            versionMadeBy: 3 << 8,
            externalAttributes: (0o120777 << 16) >>> 0,
          },
        ]),
    );
    writeFileSync(path.join(dir, 'symlink.zip'), symlink);
    const err = await restoreBackup(path.join(dir, 'symlink.zip'), path.join(dir, 'restored', 'symlink'), {
      signal: new AbortController().signal,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BACKUP_INVALID', params: { reason: 'symlink' } });
    const cases: [string, Map<string, Buffer>, string][] = [
      [
        'duplicate',
        new Map([...good, [mediaName.toUpperCase().replace('MEDIA', 'media'), Buffer.from('x')]]),
        'badFileName',
      ],
      ['tampered', new Map([...good, [mediaName, Buffer.from('changed')]]), 'tampered'],
      ['extra', new Map([...good, ['media/00/' + '0'.repeat(64) + '.bin', Buffer.from('x')]]), 'extraFile'],
      ['slip', new Map([...good, ['media/../../evil.sh', Buffer.from('x')]]), 'zipSlip'],
      ['absolute', new Map([...good, ['/etc/cron.d/x', Buffer.from('x')]]), 'absolutePath'],
      ['backslash', new Map([...good, ['media\\..\\..\\evil', Buffer.from('x')]]), 'zipSlip'],
      ['noManifest', new Map([...good].filter(([n]) => n !== BACKUP_MANIFEST_FILE)), 'noManifest'],
      ['missing', new Map([...good].filter(([n]) => n !== mediaName)), 'missingFile'],
      [
        'bundle',
        new Map([
          ['index.html', Buffer.from('<p>hi')],
          [BACKUP_MANIFEST_FILE, Buffer.from('{"format":"kotae-answer-bundle"}')],
        ]),
        'badFileName',
      ],
      [
        'foreign',
        new Map([[BACKUP_MANIFEST_FILE, Buffer.from('{"format":"kotae-answer-bundle"}')]]),
        'badManifest',
      ],
    ];
    for (const [name, entries, reason] of cases) {
      const zip = path.join(dir, `${name}.zip`);
      writeZip(zip, entries);
      const target = path.join(dir, 'restored', name);
      const err = await restoreBackup(zip, target, { signal: new AbortController().signal }).catch(
        (e: unknown) => e,
      );
      expect(err, name).toMatchObject({ code: 'BACKUP_INVALID', params: { reason } });
      expect(existsSync(target), name).toBe(false);
    }
    // Zips other tools read differently (issue 15): refused by restore too, before anything is written.
    const raw = [...good].map(([name, data]): RawEntry => ({ name, data, method: 8 }));
    const db = raw.findIndex((e) => e.name === 'library.sqlite');
    const layouts: [string, Buffer, string][] = [
      [
        'localName',
        rawZip(raw.map((e, i) => (i === db ? { ...e, localName: 'library.sqlitf' } : e))),
        'localHeaderMismatch',
      ],
      [
        'hiddenFirst',
        rawZip([{ name: 'library.sqlite', data: Buffer.from('other'), hidden: true }, ...raw]),
        'strayBytes',
      ],
      [
        'hiddenLast',
        rawZip([...raw, { name: mediaName, data: Buffer.from('other'), hidden: true }]),
        'strayBytes',
      ],
      ['trailing', rawZip(raw, { trailing: Buffer.from('appended') }), 'strayBytes'],
      ['comment', rawZip(raw, { comment: Buffer.from('hand-made') }), 'zipComment'],
      ['folderClash', rawZip([...raw, { name: `${mediaName}/`, data: Buffer.alloc(0) }]), 'fileFolderClash'],
    ];
    for (const [name, bytes, reason] of layouts) {
      const zip = path.join(dir, `${name}.zip`);
      writeFileSync(zip, bytes);
      const target = path.join(dir, 'restored', name);
      const err = await restoreBackup(zip, target, { signal: new AbortController().signal }).catch(
        (e: unknown) => e,
      );
      expect(err, name).toMatchObject({ code: 'BACKUP_INVALID', params: { reason } });
      expect(existsSync(target), name).toBe(false);
    }
    expect(existsSync(path.join(dir, 'evil.sh'))).toBe(false);
    expect(readdirSync(path.join(dir, 'restored'))).toEqual([]);
    const notZip = path.join(dir, 'not.zip');
    writeFileSync(notZip, 'hello');
    await expect(
      restoreBackup(notZip, path.join(dir, 'x'), { signal: new AbortController().signal }),
    ).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
      params: { reason: 'notAZip' },
    });
  });

  it('a cancelled backup leaves the previous backup as it was and no partial file', async () => {
    const dir = tempDir();
    const library = await libraryWithMedia(path.join(dir, 'lib'));
    const out = path.join(dir, 'lib.zip');
    await createBackup(library, out, run());
    const before = snapshotFiles(dir + '/');
    const previous = statSync(out).size;
    await library.media.addBuffer(Buffer.alloc(3 * 1024 * 1024, 1), 'bin');
    const controller = new AbortController();
    const err = await createBackup(library, out, {
      signal: controller.signal,
      appVersion: 'x',
      progress: (f) => {
        if (f > 0.1) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CANCELLED' });
    library.close();
    expect(statSync(out).size).toBe(previous);
    expect(snapshotFiles(dir + '/')['lib.zip']).toBe(before['lib.zip']);
    expect(readdirSync(dir).sort()).toEqual(['lib', 'lib.zip']);
  });
});
