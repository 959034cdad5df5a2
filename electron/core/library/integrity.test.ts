import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KotaeError } from '../../../shared/errors';
import { makeIndexStale, snapshotFiles, useTempDir } from '../testing';
import { createLibrary, DB_FILE, integrityCheckInWorker, openLibrary, seedDemo } from './index';

// Opening checks what is cheap; the full integrity_check runs when asked, before an upgrade, and
// in a worker thread for the app's background check and for backups (issue 20).

const tempDir = useTempDir();

function demoLibrary(): string {
  const root = path.join(tempDir(), 'lib');
  createLibrary(root, { seed: seedDemo }).close();
  return root;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (err) {
    if (err instanceof KotaeError) return err.code;
    throw err;
  }
}

function libraryWithStaleIndex(): string {
  const root = demoLibrary();
  makeIndexStale(root);
  return root;
}

describe('the checks at open', () => {
  it('say what was checked: the checks at open by default, the full check when asked', () => {
    const root = demoLibrary();
    const quick = openLibrary(root);
    expect(quick.integrity).toMatchObject({ checked: 'open', status: 'ok', detail: null });
    quick.close();
    const full = openLibrary(root, { check: 'full', readOnly: true });
    expect(full.integrity).toMatchObject({ checked: 'full', status: 'ok' });
    full.close();
  });

  it('refuse a file cut short, changing nothing', () => {
    const root = demoLibrary();
    const file = path.join(root, DB_FILE);
    const pageSize = readFileSync(file).readUInt16BE(16);
    truncateSync(file, statSync(file).size - 2 * pageSize);
    const before = snapshotFiles(root);
    expect(codeOf(() => openLibrary(root))).toBe('LIBRARY_CORRUPT');
    expect(snapshotFiles(root)).toEqual(before);
  });

  it('refuse a file that is not whole pages, changing nothing', () => {
    const root = demoLibrary();
    const file = path.join(root, DB_FILE);
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('tail')]));
    const before = snapshotFiles(root);
    expect(codeOf(() => openLibrary(root))).toBe('LIBRARY_CORRUPT');
    expect(snapshotFiles(root)).toEqual(before);
  });

  it('pass an index that disagrees with its table, which only the full check finds', () => {
    const root = libraryWithStaleIndex();
    openLibrary(root, { readOnly: true }).close();
    expect(codeOf(() => openLibrary(root, { check: 'full', readOnly: true }))).toBe('LIBRARY_CORRUPT');
  });
});

describe('the full check in a worker thread', () => {
  it('answers ok for a sound library, and what is wrong for a damaged one', async () => {
    const signal = new AbortController().signal;
    expect(await integrityCheckInWorker(path.join(demoLibrary(), DB_FILE), signal)).toBe('ok');
    const damaged = await integrityCheckInWorker(path.join(libraryWithStaleIndex(), DB_FILE), signal);
    expect(damaged).not.toBe('ok');
    expect(damaged).toMatch(/questions_customer/);
  });

  it('reads the file while another connection writes it (WAL)', async () => {
    const library = openLibrary(demoLibrary());
    library.db.prepare("UPDATE customers SET company = 'Written while checked' WHERE id = 1").run();
    const check = integrityCheckInWorker(path.join(library.root, DB_FILE), new AbortController().signal);
    library.db.prepare("UPDATE customers SET company = 'And again' WHERE id = 1").run();
    expect(await check).toBe('ok');
    library.close();
  });

  it('stops waiting when cancelled', async () => {
    const controller = new AbortController();
    const check = integrityCheckInWorker(path.join(demoLibrary(), DB_FILE), controller.signal);
    controller.abort();
    await expect(check).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
