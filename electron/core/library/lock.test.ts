import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { LibraryLock, LOCK_FILE, readLockFile } from './lock';

// Issue 15: no instant in which two processes can both believe they hold a library's lock.

const tempDir = useTempDir('kotae-lock-');
const here = path.dirname(fileURLToPath(import.meta.url));

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return { code: (err as { code?: string }).code, messageKey: (err as { messageKey?: string }).messageKey };
  }
  return 'no error';
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

function record(pid: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ pid, host: os.hostname(), since: '2026-01-01T00:00:00Z', by: 'app', ...extra });
}

function makeOld(file: string): void {
  const anHourAgo = new Date(Date.now() - 3600_000);
  utimesSync(file, anHourAgo, anHourAgo);
}

describe('LibraryLock', () => {
  it('does not take an empty lock file for stale: its writer is at work', () => {
    const root = tempDir();
    const file = path.join(root, LOCK_FILE);
    writeFileSync(file, '');
    expect(codeOf(() => LibraryLock.acquire(root, 'app'))).toEqual({
      code: 'LIBRARY_LOCKED',
      messageKey: 'errors:LIBRARY_LOCK_BUSY',
    });
    expect(readFileSync(file, 'utf8')).toBe('');
    // Half a record is no better.
    writeFileSync(file, '{"pid": 12');
    expect(codeOf(() => LibraryLock.acquire(root, 'app'))).toMatchObject({ code: 'LIBRARY_LOCKED' });
    expect(readFileSync(file, 'utf8')).toBe('{"pid": 12');
  });

  it('takes over garbage that has been there longer than any writer takes, and a dead owner’s lock', () => {
    for (const content of ['', '{"pid": 12', record(deadPid())]) {
      const root = tempDir();
      const file = path.join(root, LOCK_FILE);
      writeFileSync(file, content);
      makeOld(file);
      const lock = LibraryLock.acquire(root, 'app');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, by: 'app' });
      lock.release();
      expect(existsSync(file)).toBe(false);
      // Nothing is left beside it: no temp file, no break file.
      expect(readdirSync(root)).toEqual([]);
    }
  });

  it('refuses a lock held by a live process or another host, and a second writer in this process', () => {
    const root = tempDir();
    const file = path.join(root, LOCK_FILE);
    writeFileSync(file, record(1, { host: 'another-machine' }));
    expect(codeOf(() => LibraryLock.acquire(root, 'app'))).toMatchObject({ code: 'LIBRARY_LOCKED' });
    writeFileSync(file, record(process.ppid));
    expect(codeOf(() => LibraryLock.acquire(root, 'app'))).toMatchObject({ code: 'LIBRARY_LOCKED' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.ppid });

    const other = tempDir();
    const lock = LibraryLock.acquire(other, 'app');
    expect(codeOf(() => LibraryLock.acquire(other, 'cli'))).toMatchObject({ code: 'LIBRARY_LOCKED' });
    lock.release();
    LibraryLock.acquire(other, 'cli').release();
  });

  it('release leaves alone a lock that is no longer its own', () => {
    const root = tempDir();
    const file = path.join(root, LOCK_FILE);
    const lock = LibraryLock.acquire(root, 'app');
    writeFileSync(file, record(process.ppid, { token: 'someone-else' }));
    lock.release();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ token: 'someone-else' });
  });

  it('breaks the break file of a process that died while breaking a stale lock', () => {
    const root = tempDir();
    const file = path.join(root, LOCK_FILE);
    writeFileSync(file, record(deadPid()));
    const stale = readLockFile(file);
    expect(stale.state).toBe('record');
    const breakFile = path.join(root, `.${LOCK_FILE}.break-${(stale as { identity: string }).identity}`);
    writeFileSync(breakFile, record(deadPid(), { token: 'dead-breaker' }));
    const lock = LibraryLock.acquire(root, 'app');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(readdirSync(root)).toEqual([]);
  });
});

// ---- The race: many processes, started at the same millisecond, round after round ----

interface Racer {
  child: ChildProcess;
  next: () => Promise<string>;
}

function startRacer(root: string, control: string, noHardLinks: boolean): Racer {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'lockRacer.ts'), root, control], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(noHardLinks ? { KOTAE_RACE_NO_HARD_LINKS: '1' } : {}) },
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  return {
    child,
    next: () => {
      const line = lines.shift();
      return line !== undefined ? Promise.resolve(line) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

const racers: Racer[] = [];
afterEach(() => {
  for (const r of racers.splice(0)) r.child.kill();
});

describe('LibraryLock race', () => {
  async function race(noHardLinks: boolean, rounds: number): Promise<void> {
    const work = tempDir();
    const root = path.join(work, 'lib');
    const control = path.join(work, 'control');
    mkdirSync(root);
    mkdirSync(control);
    for (let i = 0; i < 16; i++) racers.push(startRacer(root, control, noHardLinks));
    expect(await Promise.all(racers.map((r) => r.next()))).toEqual(racers.map(() => 'ready'));

    const file = path.join(root, LOCK_FILE);
    const before: Record<string, () => void> = {
      'no lock': () => undefined,
      // Every racer finds it stale and wants it gone: only one may remove it, and only it.
      'a dead process’s lock': () => writeFileSync(file, record(deadPid())),
      'garbage an hour old': () => {
        writeFileSync(file, '{"pid": ');
        makeOld(file);
      },
    };
    const kinds = Object.keys(before);
    for (let round = 0; round < rounds; round++) {
      const kind = kinds[round % kinds.length]!;
      before[kind]!();
      // Far enough ahead for every racer to be waiting on a loaded machine.
      writeFileSync(path.join(control, `go-${round}`), String(Date.now() + 400));
      const results = await Promise.all(racers.map((r) => r.next()));
      const winners = results.filter((line) => line.startsWith(`${round} won `));
      expect(winners, `round ${round} (${kind}): ${results.join(', ')}`).toHaveLength(1);
      expect(results.filter((line) => !line.startsWith(`${round} won `)).every((line) => line === `${round} lost LIBRARY_LOCKED`)).toBe(true);
      // While the winner holds it, the file names the winner.
      expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(Number(winners[0]!.split(' ')[2]));
      writeFileSync(path.join(control, `end-${round}`), '');
      const winner = racers[results.indexOf(winners[0]!)]!;
      expect(await winner.next()).toBe(`${round} released`);
      expect(existsSync(file)).toBe(false);
      // No temp or break file is left behind.
      expect(readdirSync(root)).toEqual([]);
    }
    writeFileSync(path.join(control, `go-${rounds}`), 'stop');
  }

  it('16 processes trying at the same millisecond: exactly one holds it, round after round, with or without a stale lock', async () => {
    await race(false, 12);
  }, 240_000);

  it('the same where the file system has no hard links (the lock is created in place)', async () => {
    await race(true, 6);
  }, 240_000);
});
