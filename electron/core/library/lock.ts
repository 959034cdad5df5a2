import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';

export const LOCK_FILE = 'library.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  by: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null; // unreadable or half-written: treat as stale
  }
}

/**
 * One writer per library, across the app, the CLI and the harness. The lock is a file created with
 * O_EXCL holding the owner's pid; a lock whose process is gone (crash, kill -9) is taken over.
 * Electron's single-instance lock covers two windows of one app; this covers everything else.
 */
export class LibraryLock {
  private constructor(
    private readonly file: string,
    private readonly info: LockInfo,
  ) {}

  static acquire(root: string, by: string): LibraryLock {
    const file = path.join(root, LOCK_FILE);
    const info: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), by };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        try {
          writeSync(fd, JSON.stringify(info));
        } finally {
          closeSync(fd);
        }
        return new LibraryLock(file, info);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
          throw new KotaeError('LIBRARY_READ_ONLY', { path: root }, (err as Error).message);
        }
        if (code !== 'EEXIST') throw err;
        const held = readLock(file);
        const sameHost = held?.host === info.host;
        if (held && (!sameHost || (held.pid !== process.pid && isAlive(held.pid)))) {
          throw new KotaeError('LIBRARY_LOCKED', { path: root, pid: held.pid, host: held.host, by: held.by });
        }
        try {
          unlinkSync(file); // stale: its owner is gone
        } catch {
          /* another process took it over first; try again */
        }
      }
    }
    throw new KotaeError('LIBRARY_LOCKED', { path: root, pid: 0, host: info.host, by: 'unknown' });
  }

  release(): void {
    const held = readLock(this.file);
    if (held && held.pid === this.info.pid && held.since === this.info.since) {
      try {
        unlinkSync(this.file);
      } catch {
        /* already gone */
      }
    }
  }
}
