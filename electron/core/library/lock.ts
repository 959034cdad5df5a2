import { createHash, randomUUID } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, linkSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';
import { oddEntryError } from './oddEntry';

export const LOCK_FILE = 'library.lock';

// One writer per library, across the app, the CLI and the harness (Electron's single-instance lock
// covers two windows of one app; this covers everything else). There is no instant in which two
// processes can both believe they hold it (issue 15):
// - The owner record (pid, host, start, a random token) is written and synced to a temp file, then
//   link()ed to library.lock: atomic, and it fails when the name exists. A reader never sees a
//   half-written lock of ours. Where the file system has no hard links (exFAT, some shares), the
//   lock is created with O_EXCL and written in place instead.
// - A lock file that is empty or not yet a record is NOT stale: it is being written (by that
//   fallback, or an older version). It is waited for briefly, and only once it has been unreadable
//   for longer than any writer takes (a crash between create and write) is it taken for garbage.
// - A stale lock (a dead pid on this host) is removed only by the one process that wins the right
//   to break exactly that lock: link()ing its record to `.library.lock.break-<identity>`, where the
//   identity is the stale file's inode, time and content. The winner checks that the lock is still
//   that same stale file, unlinks it, and then takes the lock by link() like everybody else. A
//   process that judged an older lock stale cannot remove a newer one: its identity differs.
// - A break file left by a breaker that died is itself broken the same way (`break-<its identity>`).

interface LockRecord {
  pid: number;
  host: string;
  since: string;
  by: string;
  /** Random per acquisition; absent in locks written by versions before issue 15. */
  token?: string;
}

type Holder =
  | { state: 'free' }
  | { state: 'odd'; kind: 'folder' | 'link' | 'special' }
  | { state: 'record'; record: LockRecord; identity: string }
  | { state: 'unreadable'; identity: string; ageMs: number };

/** How long a lock may be unreadable while its writer is still at work. Writing takes microseconds. */
const BEING_WRITTEN_MS = 10_000;
/** How long to wait for such a lock to be written, or for another process to finish breaking a stale
 * one, before saying the library is busy (generous: on a loaded machine a process may wait its turn). */
const WAIT_MS = 2000;
/** Break files of break files of a dead breaker: each level needs another crash in a tiny window. */
const MAX_BREAK_DEPTH = 3;
const MAX_RECORD_BYTES = 4096;

/** Tokens of the locks this process holds now (a second writer in the same process is refused too). */
const heldHere = new Set<string>();

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseRecord(bytes: Buffer): LockRecord | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<LockRecord> | null;
    if (
      !value ||
      !Number.isSafeInteger(value.pid) ||
      (value.pid as number) <= 0 ||
      typeof value.host !== 'string' ||
      typeof value.since !== 'string' ||
      typeof value.by !== 'string' ||
      (value.token !== undefined && typeof value.token !== 'string')
    ) {
      return null;
    }
    return value as LockRecord;
  } catch {
    return null;
  }
}

/** Reads a lock (or break) file without following a link or blocking on a pipe (tests use it too). */
export function readLockFile(file: string): Holder {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'free' };
    if (code === 'ELOOP') return { state: 'odd', kind: 'link' };
    if (code === 'EISDIR') return { state: 'odd', kind: 'folder' };
    if (code === 'ENXIO') return { state: 'odd', kind: 'special' }; // a socket
    throw err;
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (stats.isDirectory()) return { state: 'odd', kind: 'folder' };
    if (!stats.isFile()) return { state: 'odd', kind: 'special' };
    const bytes = Buffer.alloc(MAX_RECORD_BYTES);
    const length = readSync(fd, bytes, 0, bytes.length, 0);
    const content = bytes.subarray(0, length);
    const identity = createHash('sha256')
      .update(`${stats.dev}:${stats.ino}:${stats.mtimeNs}:${stats.size}:`)
      .update(content)
      .digest('hex')
      .slice(0, 32);
    const record = parseRecord(content);
    if (record) return { state: 'record', record, identity };
    return { state: 'unreadable', identity, ageMs: Date.now() - Number(stats.mtimeMs) };
  } finally {
    closeSync(fd);
  }
}

/** Whether the holder's owner is gone for certain. A lock of another host is never stale to us. */
function isStale(holder: Holder): boolean {
  if (holder.state === 'unreadable') return holder.ageMs > BEING_WRITTEN_MS;
  if (holder.state !== 'record') return false;
  const { record } = holder;
  if (record.host !== os.hostname()) return false;
  // Our own pid: a lock left by an earlier process that had this pid (containers start at 1),
  // unless this very process holds it now.
  if (record.pid === process.pid) return !(record.token && heldHere.has(record.token));
  return !isAlive(record.pid);
}

function readOnly(err: unknown, root: string): KotaeError | null {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return new KotaeError('LIBRARY_READ_ONLY', { path: root }, (err as Error).message);
  }
  return null;
}

/**
 * Puts a file holding `record` at `target` if nothing is there: true when it is ours. `source` is
 * our synced temp file holding the same record.
 */
function createExclusive(source: string, target: string, record: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // No hard links on this file system (exFAT, FAT, some network shares; Windows may say UNKNOWN).
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EINVAL', 'UNKNOWN'].includes(code ?? '')) throw err;
  }
  // No hard links here: create exclusively and write in place. Readers see an empty file for a
  // moment and wait for it (BEING_WRITTEN_MS).
  let fd: number;
  try {
    fd = openSync(target, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, record);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkIfThere(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Removes `file` if it is still the stale file `identity`, after winning the right to do so. False
 * when another process holds that right (it is at work, or it died and its break file could not be
 * broken yet): the caller waits and looks again.
 */
function breakStale(root: string, file: string, identity: string, own: { temp: string; record: string }, depth = 0): boolean {
  const guard = path.join(root, `.${LOCK_FILE}.break-${identity}`);
  if (!createExclusive(own.temp, guard, own.record)) {
    const breaker = readLockFile(guard);
    if (breaker.state === 'free') return true; // just finished: look again at once
    if ((breaker.state === 'record' || breaker.state === 'unreadable') && isStale(breaker) && depth < MAX_BREAK_DEPTH) {
      return breakStale(root, guard, breaker.identity, own, depth + 1);
    }
    return false;
  }
  try {
    const now = readLockFile(file);
    if ((now.state === 'record' || now.state === 'unreadable') && now.identity === identity && isStale(now)) {
      unlinkIfThere(file);
    }
  } finally {
    unlinkIfThere(guard);
  }
  return true;
}

export class LibraryLock {
  private constructor(
    private readonly file: string,
    private readonly token: string,
  ) {}

  static acquire(root: string, by: string): LibraryLock {
    const file = path.join(root, LOCK_FILE);
    const token = randomUUID();
    const record = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString(), by, token });
    const temp = path.join(root, `.${LOCK_FILE}.${token}`);
    try {
      const fd = openSync(temp, 'wx', 0o644);
      try {
        writeSync(fd, record);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      throw readOnly(err, root) ?? err;
    }
    try {
      const giveUpAt = Date.now() + WAIT_MS;
      for (;;) {
        if (createExclusive(temp, file, record)) {
          // Read back: on a file system whose link() misbehaves, the name must really hold our token.
          const mine = readLockFile(file);
          if (mine.state === 'record' && mine.record.token === token) {
            heldHere.add(token);
            return new LibraryLock(file, token);
          }
        }
        const holder = readLockFile(file);
        if (holder.state === 'free') continue;
        if (holder.state === 'odd') throw oddEntryError(root, LOCK_FILE, holder.kind);
        const stale = isStale(holder);
        if (!stale && holder.state === 'record') {
          const { pid, host, by } = holder.record;
          throw new KotaeError('LIBRARY_LOCKED', { path: root, pid, host, by });
        }
        if (stale && breakStale(root, file, holder.identity, { temp, record })) continue;
        // Empty or half-written and young (its writer is at work), or another process is breaking
        // the same stale lock: give it a moment.
        if (Date.now() > giveUpAt) {
          throw new KotaeError('LIBRARY_LOCKED', { path: root }, 'library.lock is being written or taken over', 'errors:LIBRARY_LOCK_BUSY');
        }
        sleep(5);
      }
    } catch (err) {
      throw readOnly(err, root) ?? err;
    } finally {
      unlinkIfThere(temp);
    }
  }

  release(): void {
    heldHere.delete(this.token);
    try {
      const holder = readLockFile(this.file);
      // Only our own lock: after a takeover (we were judged dead) the name is someone else's.
      if (holder.state === 'record' && holder.record.token === this.token) unlinkIfThere(this.file);
    } catch {
      /* the folder went away or became unreadable: a lock left behind is stale once we exit */
    }
  }
}
