import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';
import { Library, type Clock } from './Library';
import { fullCheck, openCheck, type CheckLevel } from './integrity';
import { LibraryLock } from './lock';
import { assertFileOrMissing, entryKind, linkTarget, oddEntryError, targetKind } from './oddEntry';
import type { SecretSealer } from './secretSealer';
import { migrations as allMigrations, type Migration } from './migrations';
import { assertNotNewer, migrate, schemaVersion } from './migrations/runner';

export const DB_FILE = 'library.sqlite';
export const MEDIA_DIR = 'media';

export interface OpenOptions {
  /** Open without writing anything: no lock, no migration, no WAL switch. */
  readOnly?: boolean;
  actor?: string;
  clock?: Clock;
  /** For migration tests: the list to migrate to. */
  migrations?: readonly Migration[];
  /**
   * 'open' (default): the cheap checks of integrity.ts, for opening in milliseconds at any size;
   * 'full': SQLite's integrity_check first (9 s at 50,000 questions). An upgrade always runs it.
   */
  check?: CheckLevel;
  /** How secrets are kept at rest (the app: the OS keychain); plain by default. */
  sealer?: SecretSealer | undefined;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function isErrno(err: unknown, ...codes: string[]): boolean {
  return codes.includes((err as NodeJS.ErrnoException)?.code ?? '');
}

/** Whether we may create files in the folder. As root, permission bits do not stop us: try it. */
function canWrite(dir: string): boolean {
  const probe = path.join(dir, `.kotae-write-probe-${process.pid}`);
  try {
    writeFileSync(probe, '');
    unlinkSync(probe);
    return true;
  } catch (err) {
    if (isErrno(err, 'EACCES', 'EROFS', 'EPERM')) return false;
    throw err;
  }
}

/**
 * After an upgrade that freed most of the file, gives the space back once, while the vendor waits
 * for the upgrade anyway (it has just copied the whole file for its backup). Migration 0140 drops
 * the old search index, 80–85% of a big library: at 50,000 documents the file stays at 594 MB with
 * 129,000 free pages; VACUUM takes it to ~70 MB before the new index (~60 MB) is built into it, and
 * backups copy what the file holds, free pages included.
 */
function reclaimFreeSpace(db: Db): void {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  if (free > pages / 2) db.exec('VACUUM');
}

/** Tables every library has had since the first migration: the mark of a database of ours. */
const CORE_TABLES = ['questions', 'answers', 'log_entries'];

/**
 * Refuses a database that SQLite can read but that is not a library: another application's
 * (schema version 0, or a version numbered by that application) would otherwise be migrated,
 * i.e. written into, and a name clash with one of our tables would surface as an internal error.
 * A library is never at version 0: createLibrary migrates before the file gets its name.
 */
function assertIsLibrary(db: Db, root: string, list: readonly Migration[]): void {
  const found = schemaVersion(db);
  const first = list[0]?.version ?? 0;
  const present = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN (${CORE_TABLES.map(() => '?').join(', ')})`,
    )
    .pluck()
    .all(...CORE_TABLES);
  if (found < first || present.length !== CORE_TABLES.length) {
    throw new KotaeError(
      'NOT_A_LIBRARY',
      { path: root },
      `schema version ${found}, tables ${present.join(', ') || 'none'} of ours`,
    );
  }
}

/** Turns SQLite's complaints about a damaged file into our error; anything else passes through. */
function asCorrupt(err: unknown, root: string): unknown {
  const code = (err as { code?: string })?.code ?? '';
  if (/SQLITE_(NOTADB|CORRUPT)/.test(code)) {
    return new KotaeError('LIBRARY_CORRUPT', { path: root }, (err as Error).message);
  }
  return err;
}

/** Files SQLite opens beside the database, by its name: each must be ours, in this folder. */
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Refuses a folder whose reserved names hold something a library never leaves there, before
 * anything (SQLite included) opens them: the database, its companions and the lock must be regular
 * files in this folder (library.lock is the lock's business: LibraryLock; a link would make "this copy" read or write another library, or any file
 * the link points at, out of the vendor's sight; a pipe would block a reader forever), and media
 * must be a folder or a link to one (media on another disk).
 */
function assertLibraryEntries(root: string): void {
  const db = entryKind(path.join(root, DB_FILE));
  if (db === 'missing') throw new KotaeError('NOT_A_LIBRARY', { path: root });
  if (db !== 'file') throw oddEntryError(root, DB_FILE, db);
  for (const suffix of SQLITE_COMPANIONS) assertFileOrMissing(root, `${DB_FILE}${suffix}`);
  const mediaPath = path.join(root, MEDIA_DIR);
  const media = entryKind(mediaPath);
  const leadsTo = media === 'link' ? targetKind(mediaPath) : media;
  if (leadsTo === 'missing' && media === 'link') {
    // A link to a disk that is not connected: say so, rather than create media/ elsewhere later.
    throw new KotaeError('LIBRARY_CORRUPT', { path: root, target: linkTarget(mediaPath) }, 'media links to a missing folder', 'errors:LIBRARY_MEDIA_MISSING');
  }
  if (leadsTo !== 'missing' && leadsTo !== 'folder') {
    throw new KotaeError('LIBRARY_CORRUPT', { path: root }, `media is a ${media === 'link' ? `link to a ${leadsTo}` : leadsTo}`, 'errors:LIBRARY_MEDIA_NOT_FOLDER');
  }
}

/**
 * Opens an existing library. Checks come before any write: the folder must hold a SQLite file
 * (header checked by hand so SQLite never touches a foreign file), its schema must not be newer
 * than ours, and the checks of `options.check` must pass (integrity.ts; the full integrity_check
 * before an upgrade). A failing check leaves every file as it was.
 */
export function openLibrary(rootIn: string, options: OpenOptions = {}): Library {
  const root = path.resolve(rootIn);
  const list = options.migrations ?? allMigrations;
  let stats;
  try {
    stats = statSync(root);
  } catch {
    throw new KotaeError('LIBRARY_MISSING', { path: root });
  }
  if (!stats.isDirectory()) throw new KotaeError('NOT_A_LIBRARY', { path: root });
  assertLibraryEntries(root);
  const dbPath = path.join(root, DB_FILE);
  if (!hasSqliteHeader(dbPath)) {
    throw new KotaeError('LIBRARY_CORRUPT', { path: root }, 'library.sqlite is not an SQLite database');
  }

  const readOnly = options.readOnly ?? false;
  if (!readOnly && !canWrite(root)) throw new KotaeError('LIBRARY_READ_ONLY', { path: root });
  const lock = readOnly ? null : LibraryLock.acquire(root, options.actor ?? 'app');

  let db: Db | null = null;
  try {
    db = new Database(dbPath, { readonly: readOnly, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    assertNotNewer(db, list);
    assertIsLibrary(db, root, list);
    const from = schemaVersion(db);
    const upgrade = !readOnly && from > 0 && list.some((m) => m.version > from);
    // An upgrade rewrites the file and keeps a copy of it: both must start from a sound one.
    const integrity =
      options.check === 'full' || upgrade ? fullCheck(db, root) : openCheck(db, dbPath, root);
    if (!readOnly) {
      if (upgrade) {
        // Keep the pre-upgrade database: an upgrade must never be the step that loses data.
        const backup = path.join(root, `${DB_FILE}.before-v${list[list.length - 1]!.version}.bak`);
        rmSync(backup, { force: true });
        db.prepare('VACUUM INTO ?').run(backup);
      }
      // WAL: readers never block the writer. synchronous=NORMAL keeps every committed transaction
      // across a crash of the process (kill -9); only an OS crash or power cut can lose the last one.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      if (migrate(db, list).applied.length) reclaimFreeSpace(db);
    }
    return new Library({
      root,
      db,
      lock,
      readOnly,
      integrity,
      actor: options.actor ?? 'vendor',
      clock: options.clock,
      sealer: options.sealer,
    });
  } catch (err) {
    db?.close();
    lock?.release();
    throw asCorrupt(err, root);
  }
}

export interface CreateOptions extends OpenOptions {
  /** Filled in after the schema, before the library becomes visible under its real name. */
  seed?: (library: Library) => void;
}

/**
 * Creates a library in an empty (or new) folder. The database is built under a temp name and
 * renamed into place when complete, so a crash mid-way never leaves a half-made library.
 */
export function createLibrary(rootIn: string, options: CreateOptions = {}): Library {
  const root = path.resolve(rootIn);
  if (existsSync(path.join(root, DB_FILE))) throw new KotaeError('LIBRARY_EXISTS', { path: root });
  if (existsSync(root)) {
    if (!statSync(root).isDirectory()) throw new KotaeError('NOT_A_LIBRARY', { path: root });
    const entries = readdirSync(root).filter((e) => !e.startsWith('.'));
    if (entries.length > 0) throw new KotaeError('FOLDER_NOT_EMPTY', { path: root });
  }
  try {
    mkdirSync(path.join(root, MEDIA_DIR), { recursive: true });
  } catch (err) {
    if (isErrno(err, 'EACCES', 'EROFS', 'EPERM')) throw new KotaeError('LIBRARY_READ_ONLY', { path: root });
    throw err;
  }
  const list = options.migrations ?? allMigrations;
  const building = path.join(root, `.${DB_FILE}.creating`);
  rmSync(building, { force: true });
  const db = new Database(building);
  try {
    db.pragma('foreign_keys = ON');
    migrate(db, list);
    if (options.seed) {
      const lib = new Library({
        root,
        db,
        lock: null,
        readOnly: false,
        integrity: { checked: 'full', status: 'ok', detail: null, at: null },
        actor: options.actor ?? 'vendor',
        clock: options.clock,
      });
      options.seed(lib);
    }
    db.close();
  } catch (err) {
    db.close();
    rmSync(building, { force: true });
    throw err;
  }
  renameSync(building, path.join(root, DB_FILE));
  return openLibrary(root, options);
}

/** True when the folder looks like a library (used to tell "open" from "create" in the UI). */
export function isLibraryFolder(root: string): boolean {
  return existsSync(path.join(root, DB_FILE));
}
