import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KotaeError, toAppError } from '../../../shared/errors';
import { createBackup } from '../backup';
import { SiteWriter } from '../faq';
import { createLibrary } from '../library';
import { useTempDir } from '../testing';
import { produceAtomically, writeFileAtomic, writeFileAtomicSync } from './atomicWrite';
import { assertOutputFolder } from './outputFolder';

const tempDir = useTempDir();

async function refusal(write: () => unknown): Promise<unknown> {
  try {
    await write();
  } catch (err) {
    return err;
  }
  throw new Error('expected a refusal');
}

describe('writing into a folder that does not exist', () => {
  it('every atomic write says which folder is missing, as the vendor’s error (not ours)', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'missing', 'dir');
    const target = path.join(missing, 'out.txt');
    for (const write of [
      () => writeFileAtomicSync(target, 'x'),
      () => writeFileAtomic(target, 'x'),
      () => produceAtomically(target, async (tmp) => writeFileSync(tmp, 'x')),
    ]) {
      const err = await refusal(write);
      expect(err).toBeInstanceOf(KotaeError);
      expect(toAppError(err)).toMatchObject({
        code: 'FOLDER_MISSING',
        messageKey: 'errors:FOLDER_MISSING',
        params: { folder: missing },
      });
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file where the folder should be is no folder either; an existing folder is fine', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'file'), '');
    expect(() => assertOutputFolder(path.join(dir, 'file', 'out.zip'))).toThrow(/FOLDER_MISSING/);
    await writeFileAtomic(path.join(dir, 'ok.txt'), 'ok');
    expect(readFileSync(path.join(dir, 'ok.txt'), 'utf8')).toBe('ok');
  });

  it('a backup and an FAQ site refuse before writing anything', async () => {
    const dir = tempDir();
    const library = createLibrary(path.join(dir, 'lib'));
    const backup = await refusal(() =>
      createBackup(library, path.join(dir, 'missing', 'b.zip'), {
        signal: new AbortController().signal,
        appVersion: 'test',
      }),
    );
    expect(toAppError(backup)).toMatchObject({
      code: 'FOLDER_MISSING',
      params: { folder: path.join(dir, 'missing') },
    });
    library.close();
    const site = await refusal(() => SiteWriter.open(path.join(dir, 'missing', 'site')));
    expect(toAppError(site)).toMatchObject({
      code: 'FOLDER_MISSING',
      params: { folder: path.join(dir, 'missing') },
    });
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    // A new site folder inside an existing one is made as before.
    mkdirSync(path.join(dir, 'web'));
    await SiteWriter.open(path.join(dir, 'web', 'faq'));
    expect(existsSync(path.join(dir, 'web', 'faq'))).toBe(true);
  });
});
