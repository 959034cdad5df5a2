import { lstatSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';

// What sits at a name the library folder reserves (library.sqlite, its -wal/-shm/-journal,
// library.lock, media), looked at without following a link or opening a pipe (a reader would block
// forever). Anything but the expected kind is refused with a message naming it (issue 15): a
// "damaged library" or an internal error would send the vendor to a backup for nothing.

export type EntryKind = 'missing' | 'file' | 'folder' | 'link' | 'special';

export function entryKind(file: string): EntryKind {
  try {
    const stats = lstatSync(file);
    if (stats.isSymbolicLink()) return 'link';
    if (stats.isDirectory()) return 'folder';
    return stats.isFile() ? 'file' : 'special';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

/** What a link points at, as written in the link (for the message only). */
export function linkTarget(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return '?';
  }
}

/** The kind of what a link leads to in the end ('missing' for a dangling link). */
export function targetKind(file: string): EntryKind {
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) return 'folder';
    return stats.isFile() ? 'file' : 'special';
  } catch {
    return 'missing';
  }
}

/**
 * The refusal for `name` in the library `root` being a `found` where a regular file belongs.
 * LIBRARY_CORRUPT (the folder is not as a library leaves it), with a message of its own per kind.
 */
export function oddEntryError(root: string, name: string, found: Exclude<EntryKind, 'missing' | 'file'>): KotaeError {
  const file = path.join(root, name);
  const params: Record<string, string> = { path: root, name };
  if (found === 'link') params.target = linkTarget(file);
  const key = { folder: 'LIBRARY_ENTRY_FOLDER', link: 'LIBRARY_ENTRY_LINK', special: 'LIBRARY_ENTRY_SPECIAL' }[found];
  return new KotaeError('LIBRARY_CORRUPT', params, `${name} is a ${found}`, `errors:${key}`);
}

/** Refuses `name` in `root` unless it is missing or a regular file (not a link). */
export function assertFileOrMissing(root: string, name: string): EntryKind {
  const kind = entryKind(path.join(root, name));
  if (kind === 'missing' || kind === 'file') return kind;
  throw oddEntryError(root, name, kind);
}
