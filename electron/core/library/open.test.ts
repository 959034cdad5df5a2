import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KotaeError, type ErrorCode } from '../../../shared/errors';
import { makeReadOnly, snapshotFiles, useTempDir } from '../testing';
import { createLibrary, DB_FILE, LOCK_FILE, openLibrary, seedDemo, latestVersion, migrations } from './index';

const tempDir = useTempDir();

function codeOf(fn: () => unknown): ErrorCode | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (err) {
    if (err instanceof KotaeError) return err.code;
    throw err;
  }
}

function demoLibrary(): string {
  const root = path.join(tempDir(), 'lib');
  createLibrary(root, { seed: seedDemo }).close();
  return root;
}

describe('opening a library', () => {
  it('creates, closes and reopens with WAL, foreign keys and the demo content', () => {
    const root = demoLibrary();
    const library = openLibrary(root);
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(library.integrity.status).toBe('ok');
    const counts = library.counts();
    expect(counts).toMatchObject({ customers: 5, questions: 12, answers: 6 });
    expect(counts.capabilities).toBeGreaterThanOrEqual(28);
    library.close();
  });

  it('refuses a folder that is not a library and changes nothing', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    const before = snapshotFiles(dir);
    expect(codeOf(() => openLibrary(dir))).toBe('NOT_A_LIBRARY');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('refuses a missing folder', () => {
    expect(codeOf(() => openLibrary(path.join(tempDir(), 'nope')))).toBe('LIBRARY_MISSING');
  });

  it('refuses a library.sqlite that is not SQLite, without touching it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, DB_FILE), 'this is not a database at all, just text that is long enough');
    const before = snapshotFiles(dir);
    expect(codeOf(() => openLibrary(dir))).toBe('LIBRARY_CORRUPT');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('refuses a damaged database (integrity check fails) and never overwrites it', () => {
    const root = demoLibrary();
    const file = path.join(root, DB_FILE);
    const bytes = readFileSync(file);
    // Scribble over the middle of the file, past the header: pages of tables and indexes.
    for (let i = 8192; i < Math.min(bytes.length, 8192 * 6); i += 7) bytes[i] = (bytes[i]! * 31 + 17) & 0xff;
    writeFileSync(file, bytes);
    const before = snapshotFiles(root);
    expect(codeOf(() => openLibrary(root))).toBe('LIBRARY_CORRUPT');
    expect(snapshotFiles(root)).toEqual(before);
  });

  it('refuses a library written by a newer app version with a clear message, and changes nothing', () => {
    const root = demoLibrary();
    const db = new Database(path.join(root, DB_FILE));
    db.pragma(`user_version = ${latestVersion(migrations) + 10}`);
    db.close();
    const before = snapshotFiles(root);
    let error: KotaeError | null = null;
    try {
      openLibrary(root);
    } catch (err) {
      error = err as KotaeError;
    }
    expect(error?.code).toBe('LIBRARY_TOO_NEW');
    expect(error?.params).toEqual({
      found: latestVersion(migrations) + 10,
      supported: latestVersion(migrations),
    });
    expect(snapshotFiles(root)).toEqual(before);
  });

  it('refuses to write a read-only library folder and changes nothing; read-only opening still works', () => {
    const root = demoLibrary();
    const before = snapshotFiles(root);
    const undo = makeReadOnly(root);
    try {
      expect(codeOf(() => openLibrary(root))).toBe('LIBRARY_READ_ONLY');
      const library = openLibrary(root, { readOnly: true });
      expect(library.counts().questions).toBe(12);
      library.close();
    } finally {
      undo();
    }
    expect(snapshotFiles(root)).toEqual(before);
  });

  it('refuses a second writer while another live process holds the lock', async () => {
    const root = demoLibrary();
    // Another process that holds the library open (as a second app instance or the CLI would).
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(
        path.join(root, LOCK_FILE),
        JSON.stringify({
          pid: child.pid,
          host: (await import('node:os')).hostname(),
          since: new Date().toISOString(),
          by: 'app',
        }),
      );
      const before = snapshotFiles(root);
      expect(codeOf(() => openLibrary(root))).toBe('LIBRARY_LOCKED');
      expect(snapshotFiles(root)).toEqual(before);
    } finally {
      child.kill();
    }
  });

  it('takes over the lock of a process that died (kill -9 leaves it behind)', async () => {
    const root = demoLibrary();
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.once('exit', r));
    writeFileSync(
      path.join(root, LOCK_FILE),
      JSON.stringify({
        pid: child.pid,
        host: (await import('node:os')).hostname(),
        since: '2020-01-01T00:00:00Z',
        by: 'app',
      }),
    );
    const library = openLibrary(root);
    expect(JSON.parse(readFileSync(path.join(root, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    library.close();
  });

  it('refuses to create a library in a folder with other files, or over an existing library', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'keep.txt'), 'x');
    expect(codeOf(() => createLibrary(dir))).toBe('FOLDER_NOT_EMPTY');
    const root = demoLibrary();
    expect(codeOf(() => createLibrary(root))).toBe('LIBRARY_EXISTS');
  });

  it('keeps a copy of the database before upgrading it', () => {
    const root = path.join(tempDir(), 'old');
    mkdirSync(root);
    createLibrary(root, { migrations: migrations.slice(0, 1) }).close();
    const extra = [
      ...migrations,
      {
        version: latestVersion(migrations) + 10,
        name: 'later',
        up: (db: Database.Database) => db.exec('CREATE TABLE later (id INTEGER) STRICT'),
      },
    ];
    const library = openLibrary(root, { migrations: extra });
    expect(Object.keys(snapshotFiles(root))).toContain(`${DB_FILE}.before-v${latestVersion(extra)}.bak`);
    library.close();
  });
});

describe('upgrading a library', () => {
  it('gives back the space an upgrade freed: the old search index of migration 0090 goes, and so do its pages', () => {
    const root = path.join(tempDir(), 'old');
    const old = createLibrary(root, {
      seed: seedDemo,
      migrations: migrations.filter((m) => m.version < 140),
    });
    // An old index as big as the rest of the library many times over (as at 50,000 questions).
    const add = old.db.prepare('INSERT INTO search_postings VALUES (?, 0, ?, 1)');
    old.db.transaction(() => {
      for (let i = 0; i < 300_000; i++) add.run(i % 997, i);
    })();
    old.close();
    const pagesBefore = new Database(path.join(root, DB_FILE), { readonly: true });
    const before = pagesBefore.pragma('page_count', { simple: true }) as number;
    pagesBefore.close();
    const library = openLibrary(root);
    expect(library.db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(library.db.pragma('page_count', { simple: true })).toBeLessThan(before / 5);
    expect(
      library.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'search_postings'").pluck().get(),
    ).toBe(0);
    // The backup kept beside it is the library as it was, old index included.
    const backup = new Database(path.join(root, `${DB_FILE}.before-v${latestVersion(migrations)}.bak`), {
      readonly: true,
    });
    expect(backup.prepare('SELECT count(*) FROM search_postings').pluck().get()).toBe(300_000);
    backup.close();
    library.close();
  });
});

describe('mutations', () => {
  it('write the change and its work-log entry in one transaction', () => {
    const library = openLibrary(demoLibrary());
    const logCount = () =>
      (library.db.prepare('SELECT count(*) AS n FROM log_entries').get() as { n: number }).n;
    const before = logCount();
    library.mutate({ action: 'customer.renamed', entity: 'customer', entityId: 1 }, (db) =>
      db.prepare("UPDATE customers SET name = 'X' WHERE id = 1").run(),
    );
    expect(logCount()).toBe(before + 1);
    expect(() =>
      library.mutate({ action: 'customer.renamed', entity: 'customer', entityId: 1 }, (db) => {
        db.prepare("UPDATE customers SET name = 'Y' WHERE id = 1").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(logCount()).toBe(before + 1);
    expect(
      (library.db.prepare('SELECT name FROM customers WHERE id = 1').get() as { name: string }).name,
    ).toBe('X');
    library.close();
  });
});
