import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { assertOutputFolder } from './outputFolder';

export { assertOutputFolder } from './outputFolder';

/** A temp name beside the target, so the final rename stays on one file system (and is atomic). */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes the whole file or nothing: readers see the old content or the new, never a torn file. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  assertOutputFolder(target);
  const tmp = tempPathFor(target);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  assertOutputFolder(target);
  const tmp = tempPathFor(target);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Runs `produce` against a temp path and renames the result into place only if it succeeds; a
 * failed or cancelled producer leaves no partial file behind.
 */
export async function produceAtomically<T>(target: string, produce: (tmp: string) => Promise<T>): Promise<T> {
  assertOutputFolder(target);
  const tmp = tempPathFor(target);
  try {
    const result = await produce(tmp);
    await rename(tmp, target);
    return result;
  } catch (err) {
    await rm(tmp, { force: true, recursive: true });
    throw err;
  }
}
