import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawZip, type RawEntry } from '../bundles/testing';
import { useTempDir } from '../testing';
import {
  checkArchiveName,
  openZip,
  readCentralDirectory,
  readEntry,
  type ArchiveFail,
  type ArchiveLimits,
} from './safeZip';

// The generic checks on their own, with a caller's error of its own (bundles and backups each
// turn the problems into their error code; see verify.test.ts and backup.test.ts).

const tempDir = useTempDir('kotae-archive-');
class Refused extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}
const fail: ArchiveFail = (problem) => new Refused(problem);
const limits: ArchiveLimits = {
  maxEntries: 10,
  maxTotalBytes: 1_000_000,
  maxRatio: 50,
  ratioFloorBytes: 1000,
};

async function problemOf(entries: RawEntry[], allowed?: (name: string) => boolean): Promise<string | null> {
  const file = path.join(tempDir(), 'a.zip');
  writeFileSync(file, rawZip(entries));
  try {
    const zip = await openZip(file, fail, limits);
    try {
      const found = await readCentralDirectory(zip, limits, fail, allowed);
      const total = { bytes: 0 };
      for (const [name, entry] of found) await readEntry(zip, name, entry, { limits, total, fail });
      return null;
    } finally {
      zip.close();
    }
  } catch (err) {
    if (err instanceof Refused) return err.problem;
    throw err;
  }
}

const data = Buffer.from('hello');

describe('safe zip reading', () => {
  it('judges names before anything is read', () => {
    expect(checkArchiveName('media/ab/file.bin')).toBeNull();
    expect(checkArchiveName('../x')).toBe('zipSlip');
    expect(checkArchiveName('a/../../x')).toBe('zipSlip');
    expect(checkArchiveName('a\\..\\..\\x')).toBe('zipSlip');
    expect(checkArchiveName('/etc/passwd')).toBe('absolutePath');
    expect(checkArchiveName('C:/Windows/x')).toBe('absolutePath');
    expect(checkArchiveName('\\\\server\\share')).toBe('absolutePath');
    expect(checkArchiveName('a\u0000b')).toBe('badFileName');
    expect(checkArchiveName('')).toBe('badFileName');
    expect(checkArchiveName('x.txt', (n) => n.startsWith('media/'))).toBe('badFileName');
  });

  it('accepts a plain zip', async () => {
    expect(
      await problemOf([
        { name: 'a.txt', data },
        { name: 'dir/b.txt', data, method: 8 },
      ]),
    ).toBeNull();
  });

  it('refuses symlinks, case-folded duplicates, too many entries, encryption and lying sizes', async () => {
    const link = { versionMadeBy: 3 << 8, externalAttributes: (0o120777 << 16) >>> 0 };
    expect(await problemOf([{ name: 'l', data: Buffer.from('/etc'), ...link }])).toBe('symlink');
    expect(
      await problemOf([
        { name: 'A.txt', data },
        { name: 'a.txt', data },
      ]),
    ).toBe('duplicateName');
    expect(await problemOf(Array.from({ length: 11 }, (_, i) => ({ name: `${i}`, data })))).toBe(
      'tooManyEntries',
    );
    expect(await problemOf([{ name: 'e', data, method: 8, flags: 1 }])).toBe('encrypted');
    expect(await problemOf([{ name: 'm', data, method: 12 }])).toBe('unsupportedCompression');
    expect(await problemOf([{ name: 's', data: Buffer.alloc(5000), method: 8, declaredSize: 100 }])).toBe(
      'sizeMismatch',
    );
  });

  it('stops a zip bomb by total size and by ratio, whatever the headers say', async () => {
    const zeros = Buffer.alloc(2_000_000);
    expect(await problemOf([{ name: 'big', data: zeros, method: 8 }])).toMatch(/tooLarge|ratio/);
    const lying = await problemOf([
      { name: 'big', data: Buffer.alloc(200_000), method: 8, declaredSize: 10 },
    ]);
    expect(lying).toMatch(/ratio|sizeMismatch/);
  });

  it('says when the file is missing or not a zip', async () => {
    const dir = tempDir();
    await expect(openZip(path.join(dir, 'nope.zip'), fail, limits)).rejects.toMatchObject({
      problem: 'noFile',
    });
    writeFileSync(path.join(dir, 'x.zip'), 'not a zip');
    await expect(openZip(path.join(dir, 'x.zip'), fail, limits)).rejects.toMatchObject({
      problem: 'notAZip',
    });
  });
});
