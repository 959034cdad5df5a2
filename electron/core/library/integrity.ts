import type { Database as Db } from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { IntegrityState } from '../../../shared/domain/library';
import { KotaeError } from '../../../shared/errors';

// How sound the database file is (issue 20). A full `integrity_check` reads every page and checks
// every index against its table: 9.1 s at 50,000 questions, which every open paid (app start
// 10–22 s, `kotae search` 8.5 s for a 13 ms query). Opening now checks what is cheap; the full check
// runs in the background in the app (a worker thread, so no request waits on it), before a backup,
// before an upgrade, on restore, and from the CLI with --check.

/** 'open': the checks at open (below); 'full': SQLite's integrity_check. */
export type CheckLevel = 'open' | 'full';

/**
 * Below this size opening also runs SQLite's quick_check (every page read, the b-trees checked, no
 * index compared with its table). It read the 377 MB library of 50,000 questions in 4.4 s on the
 * build machine (`npm run bench -- ui-scale`: open_quick_check_ms; integrity_check 28 s, both with
 * the machine shared), ~85 MB/s: a library this small is checked through at open in under 200 ms;
 * a larger one gets the cheap checks, and the full check in the background.
 */
export const QUICK_CHECK_MAX_BYTES = 16 * 2 ** 20;

/** The first 100 bytes of an SQLite file: https://www.sqlite.org/fileformat.html#the_database_header */
function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(100);
    readSync(fd, head, 0, 100, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

function corrupt(root: string, detail: string): KotaeError {
  return new KotaeError('LIBRARY_CORRUPT', { path: root }, detail);
}

/**
 * The checks at open, in milliseconds at any size: the page size is one SQLite writes, the file
 * holds every page its header counts and only whole pages (a copy cut short fails here), and the
 * schema reads (the caller reads it next, for the version and our tables). Small files also get
 * quick_check. Throws LIBRARY_CORRUPT.
 */
export function openCheck(db: Db, file: string, root: string): IntegrityState {
  const head = readHeader(file);
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0) {
    throw corrupt(root, `page size ${rawPageSize} in the header`);
  }
  const size = statSync(file).size;
  if (size % pageSize !== 0)
    throw corrupt(root, `${size} bytes is not a whole number of ${pageSize}-byte pages`);
  // The page count in the header is valid when the change counter matches "version-valid-for".
  const pages = head.readUInt32BE(28);
  if (head.readUInt32BE(24) === head.readUInt32BE(92) && pages * pageSize > size) {
    throw corrupt(root, `the header counts ${pages} pages, the file holds ${size / pageSize}`);
  }
  if (size <= QUICK_CHECK_MAX_BYTES) {
    const result = (db.pragma('quick_check(20)') as { quick_check: string }[])
      .map((r) => r.quick_check)
      .join('; ');
    if (result !== 'ok') throw corrupt(root, result);
  }
  return { checked: 'open', status: 'ok', detail: null, at: new Date().toISOString() };
}

/** SQLite's full integrity_check on this connection; throws LIBRARY_CORRUPT. */
export function fullCheck(db: Db, root: string): IntegrityState {
  const result = (db.pragma('integrity_check(20)') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .join('; ');
  if (result !== 'ok') throw corrupt(root, result);
  return { checked: 'full', status: 'ok', detail: null, at: new Date().toISOString() };
}

// The worker opens its own read-only connection, so the check sees one consistent snapshot while
// the app keeps writing (WAL). Plain JavaScript run with eval: the same code under Electron's
// bundle, tsx and vitest, with better-sqlite3 resolved here and passed in.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma('integrity_check(20)');
  parentPort.postMessage({ result: rows.map((r) => r.integrity_check).join('; ') });
} catch (err) {
  parentPort.postMessage({ result: String((err && err.message) || err) });
} finally {
  if (db) db.close();
}
`;

const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * integrity_check of the database file in a worker thread: 'ok', or SQLite's words for what is
 * wrong. Aborting stops waiting at once; SQLite finishes the pragma it is in before the thread ends.
 */
export function integrityCheckInWorker(file: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new KotaeError('CANCELLED'));
      return;
    }
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqlite: sqliteModule } });
    const onAbort = () => {
      void worker.terminate();
      reject(new KotaeError('CANCELLED'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    // Settled when the thread has ended, not at its message: its connection is closed by then, so
    // the caller may open the file for writing at once (a backup unseals the key in the snapshot it
    // just checked; while the checker's connection lived, that failed with "database is locked").
    let result: string | null = null;
    worker.once('message', (message: { result: string }) => {
      result = message.result;
    });
    worker.once('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      reject(err);
    });
    worker.once('exit', (code) => {
      signal.removeEventListener('abort', onAbort);
      if (result !== null) resolve(result);
      else reject(new Error(`the integrity check stopped (exit code ${code})`)); // no-op once settled
    });
  });
}
