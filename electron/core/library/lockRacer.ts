import fs, { existsSync, readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { LibraryLock } from './lock';

// One of the processes of the lock race (lock.test.ts): node --import tsx lockRacer.ts ROOT CONTROL
// (with KOTAE_RACE_NO_HARD_LINKS=1: as on a file system without hard links).
// Round after round it waits for CONTROL/go-N (which holds the instant to start at), spins until
// that millisecond, tries to take the lock of ROOT and prints "N won TOKEN-PID" or "N lost CODE".
// A winner holds the lock until CONTROL/end-N appears, then releases it and prints "N released".

const [root, control] = process.argv.slice(2) as [string, string];

if (process.env.KOTAE_RACE_NO_HARD_LINKS) {
  // A file system without hard links (exFAT, FAT, some shares), as link() fails there: the lock
  // falls back to an exclusive create and writes in place.
  fs.linkSync = () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  syncBuiltinESMExports();
}
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const say = (line: string) => process.stdout.write(`${line}\n`);

function waitFor(file: string): string {
  while (!existsSync(file)) pause(2);
  return readFileSync(file, 'utf8');
}

say('ready');
for (let round = 0; ; round++) {
  const go = waitFor(path.join(control, `go-${round}`));
  if (go === 'stop') break;
  const at = Number(go);
  if (Date.now() < at - 3) pause(at - 3 - Date.now());
  while (Date.now() < at) {
    /* spin: everyone tries in the same millisecond */
  }
  let lock: LibraryLock | null = null;
  try {
    lock = LibraryLock.acquire(root, 'racer');
    say(`${round} won ${process.pid}`);
  } catch (err) {
    say(`${round} lost ${(err as { code?: string }).code ?? String(err)}`);
  }
  if (lock) {
    waitFor(path.join(control, `end-${round}`));
    lock.release();
    say(`${round} released`);
  }
}
