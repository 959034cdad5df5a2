import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../../shared/errors';
import { demo, noise, withDatabase } from './corpusMaking';
import { oddFileCases } from './corpusOddFiles';
import { LOCK_FILE } from './lock';
import { DB_FILE, MEDIA_DIR } from './open';

// The hostile-library corpus (issue 9): folders someone could hand the app as "a library" (a copy
// from a colleague, a synced folder, a restore gone wrong), each with the outcome it must have.
// `corpus.test.ts` opens each with the real openLibrary and proves a refused folder is unchanged.

/** Opened, or refused with this code (and, where it is said, this message key of `errors`). */
export type LibraryOutcome = 'opened' | { rejected: ErrorCode; message?: string };

export interface LibraryCase {
  name: string;
  /** Builds the folder under `dir` and returns the path to open. */
  make: (dir: string) => string;
  expected: LibraryOutcome;
  /**
   * What the vendor does: open it for writing (the default), or open it read-only and check every
   * media file against its row (`kotae info --check-media`; exports check what they send).
   */
  action?: 'open' | 'checkMedia';
}

export const libraryCorpus: LibraryCase[] = [
  ...oddFileCases,
  { name: 'a sound library with the demo content', make: (d) => demo(d), expected: 'opened' },
  {
    name: 'a sound library whose media/ is a link to a folder elsewhere (media on another disk)',
    make: (d) => {
      const root = demo(d);
      mkdirSync(path.join(d, 'big-disk'));
      rmSync(path.join(root, MEDIA_DIR), { recursive: true });
      symlinkSync(path.join(d, 'big-disk'), path.join(root, MEDIA_DIR));
      return root;
    },
    expected: 'opened',
  },
  { name: 'a path that does not exist', make: (d) => path.join(d, 'nowhere'), expected: { rejected: 'LIBRARY_MISSING' } },
  {
    name: 'a file, not a folder',
    make: (d) => {
      writeFileSync(path.join(d, 'library'), 'x');
      return path.join(d, 'library');
    },
    expected: { rejected: 'NOT_A_LIBRARY' },
  },
  {
    name: 'an empty folder',
    make: (d) => {
      mkdirSync(path.join(d, 'empty'));
      return path.join(d, 'empty');
    },
    expected: { rejected: 'NOT_A_LIBRARY' },
  },
  {
    name: 'a folder of someone else’s files',
    make: (d) => {
      mkdirSync(path.join(d, 'docs'));
      writeFileSync(path.join(d, 'docs', 'report.docx'), noise(2000));
      return path.join(d, 'docs');
    },
    expected: { rejected: 'NOT_A_LIBRARY' },
  },
  {
    name: 'library.sqlite of zero bytes',
    make: (d) => withDatabase(d, () => undefined) && (writeFileSync(path.join(d, 'lib', DB_FILE), ''), path.join(d, 'lib')),
    expected: { rejected: 'LIBRARY_CORRUPT' },
  },
  {
    name: 'library.sqlite of random bytes',
    make: (d) => {
      mkdirSync(path.join(d, 'lib'));
      writeFileSync(path.join(d, 'lib', DB_FILE), noise(64 * 1024));
      return path.join(d, 'lib');
    },
    expected: { rejected: 'LIBRARY_CORRUPT' },
  },
  {
    name: 'library.sqlite with a valid header followed by random pages',
    make: (d) => {
      const root = demo(d);
      const data = readFileSync(path.join(root, DB_FILE));
      noise(data.length - 4096).copy(data, 4096);
      writeFileSync(path.join(root, DB_FILE), data);
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT' },
  },
  {
    name: 'library.sqlite cut at half',
    make: (d) => {
      const root = demo(d);
      const data = readFileSync(path.join(root, DB_FILE));
      writeFileSync(path.join(root, DB_FILE), data.subarray(0, Math.floor(data.length / 2 / 4096) * 4096));
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT' },
  },
  {
    name: 'library.sqlite written by a newer app (schema 9999)',
    make: (d) => {
      const root = demo(d);
      const db = new Database(path.join(root, DB_FILE));
      db.pragma('user_version = 9999');
      db.close();
      return root;
    },
    expected: { rejected: 'LIBRARY_TOO_NEW' },
  },
  {
    name: 'another application’s database (a browser history, schema version 0)',
    make: (d) =>
      withDatabase(d, (db) => {
        db.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES (\'https://example.com\')');
      }),
    expected: { rejected: 'NOT_A_LIBRARY' },
  },
  {
    name: 'another application’s database that numbers its own schema (version 5)',
    make: (d) =>
      withDatabase(d, (db) => {
        db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
        db.pragma('user_version = 5');
      }),
    expected: { rejected: 'NOT_A_LIBRARY' },
  },
  {
    name: 'another application’s database with a table of the same name as ours (questions)',
    make: (d) =>
      withDatabase(d, (db) => {
        db.exec('CREATE TABLE questions (q TEXT); INSERT INTO questions VALUES (\'why?\')');
      }),
    expected: { rejected: 'NOT_A_LIBRARY' },
  },
  {
    name: 'an empty SQLite database (no tables)',
    make: (d) => withDatabase(d, (db) => db.pragma('user_version = 0')),
    expected: { rejected: 'NOT_A_LIBRARY' },
  },
  {
    name: 'library.sqlite is a folder',
    make: (d) => {
      mkdirSync(path.join(d, 'lib', DB_FILE), { recursive: true });
      return path.join(d, 'lib');
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_FOLDER' },
  },
  {
    name: 'library.sqlite is a FIFO (a reader would block forever)',
    make: (d) => {
      mkdirSync(path.join(d, 'lib'));
      execFileSync('mkfifo', [path.join(d, 'lib', DB_FILE)]);
      return path.join(d, 'lib');
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_SPECIAL' },
  },
  {
    name: 'library.sqlite is a link to /etc/passwd',
    make: (d) => {
      mkdirSync(path.join(d, 'lib'));
      symlinkSync('/etc/passwd', path.join(d, 'lib', DB_FILE));
      return path.join(d, 'lib');
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_LINK' },
  },
  {
    // Opening it would write another library (say, the vendor's real one) from a folder that
    // only looks like a copy: refused, the database must live in the folder that is opened.
    name: 'library.sqlite is a link to another library’s database',
    make: (d) => {
      const other = demo(d, 'real');
      mkdirSync(path.join(d, 'lib'));
      symlinkSync(path.join(other, DB_FILE), path.join(d, 'lib', DB_FILE));
      return path.join(d, 'lib');
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_LINK' },
  },
  {
    name: 'media/ is a file, not a folder',
    make: (d) => {
      const root = demo(d);
      rmSync(path.join(root, MEDIA_DIR), { recursive: true });
      writeFileSync(path.join(root, MEDIA_DIR), 'not a folder');
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_NOT_FOLDER' },
  },
  {
    name: 'media/ is a link to a file',
    make: (d) => {
      const root = demo(d);
      rmSync(path.join(root, MEDIA_DIR), { recursive: true });
      symlinkSync('/etc/passwd', path.join(root, MEDIA_DIR));
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_NOT_FOLDER' },
  },
  {
    name: 'a library held by another live process (lock owned by pid 1)',
    make: (d) => {
      const root = demo(d);
      writeFileSync(path.join(root, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', since: '2026-01-01T00:00:00Z', by: 'app' }));
      return root;
    },
    expected: { rejected: 'LIBRARY_LOCKED' },
  },
];
