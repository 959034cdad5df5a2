import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LibraryCase } from './corpus';
import { deadOwnerLock, demo, replaceStored, withImage } from './corpusMaking';
import { LOCK_FILE } from './lock';
import { DB_FILE, MEDIA_DIR } from './open';

// Odd files in a library folder (issue 15): a lock that is empty, a folder, a link or a pipe; the
// database's companions (-wal, -shm, -journal) that are links, folders or pipes; a media folder
// that leads nowhere; media files that are not what their row says. Each is refused with a message
// of its own (never "internal error"), and the folder is left as it was.

export const oddFileCases: LibraryCase[] = [
  {
    // Garbage for longer than any writer takes: a crash between creating and writing the lock.
    name: 'a library.lock holding garbage for an hour (a crash mid-write)',
    make: (d) => {
      const root = demo(d);
      writeFileSync(path.join(root, LOCK_FILE), '{"pid": "not a pid", ');
      const anHourAgo = new Date(Date.now() - 3600_000);
      utimesSync(path.join(root, LOCK_FILE), anHourAgo, anHourAgo);
      return root;
    },
    expected: 'opened',
  },
  {
    name: 'a library.lock of a process that was killed (kill -9)',
    make: (d) => {
      const root = demo(d);
      writeFileSync(path.join(root, LOCK_FILE), deadOwnerLock());
      return root;
    },
    expected: 'opened',
  },
  {
    // Issue 15: it was taken for stale and deleted, so a racing process deleted a fresh lock.
    name: 'a library.lock created a moment ago and still empty (its writer is at work)',
    make: (d) => {
      const root = demo(d);
      writeFileSync(path.join(root, LOCK_FILE), '');
      return root;
    },
    expected: { rejected: 'LIBRARY_LOCKED', message: 'LIBRARY_LOCK_BUSY' },
  },
  {
    name: 'library.lock is a folder',
    make: (d) => {
      const root = demo(d);
      mkdirSync(path.join(root, LOCK_FILE));
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_FOLDER' },
  },
  {
    name: 'library.lock is a link to /dev/zero (a reader would never finish)',
    make: (d) => {
      const root = demo(d);
      symlinkSync('/dev/zero', path.join(root, LOCK_FILE));
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_LINK' },
  },
  {
    name: 'library.lock is a FIFO',
    make: (d) => {
      const root = demo(d);
      execFileSync('mkfifo', [path.join(root, LOCK_FILE)]);
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_SPECIAL' },
  },
  ...(['-wal', '-shm', '-journal'] as const).flatMap((suffix): LibraryCase[] => [
    {
      // SQLite would read (and write) another library's log as this one's.
      name: `library.sqlite${suffix} is a link to another library’s file`,
      make: (d) => {
        const other = demo(d, 'real');
        writeFileSync(path.join(other, `${DB_FILE}${suffix}`), '');
        const root = demo(d);
        symlinkSync(path.join(other, `${DB_FILE}${suffix}`), path.join(root, `${DB_FILE}${suffix}`));
        return root;
      },
      expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_LINK' },
    },
    {
      name: `library.sqlite${suffix} is a folder`,
      make: (d) => {
        const root = demo(d);
        mkdirSync(path.join(root, `${DB_FILE}${suffix}`));
        return root;
      },
      expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_FOLDER' },
    },
    {
      name: `library.sqlite${suffix} is a FIFO`,
      make: (d) => {
        const root = demo(d);
        execFileSync('mkfifo', [path.join(root, `${DB_FILE}${suffix}`)]);
        return root;
      },
      expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_ENTRY_SPECIAL' },
    },
  ]),
  {
    name: 'media/ is a link to a folder that is not there (a disconnected disk)',
    make: (d) => {
      const root = demo(d);
      rmSync(path.join(root, MEDIA_DIR), { recursive: true });
      symlinkSync(path.join(d, 'unplugged-disk', 'media'), path.join(root, MEDIA_DIR));
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_MISSING' },
  },
  {
    name: 'media/ is a link to a FIFO',
    make: (d) => {
      const root = demo(d);
      rmSync(path.join(root, MEDIA_DIR), { recursive: true });
      execFileSync('mkfifo', [path.join(d, 'pipe')]);
      symlinkSync(path.join(d, 'pipe'), path.join(root, MEDIA_DIR));
      return root;
    },
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_NOT_FOLDER' },
  },
  {
    name: 'a library whose stored image is sound (checked)',
    make: (d) => withImage(d).root,
    action: 'checkMedia',
    expected: 'opened',
  },
  {
    name: 'an image whose file no longer matches its sha256 (same size, other bytes)',
    make: (d) => {
      const { root, image } = withImage(d);
      const bytes = readFileSync(image);
      bytes.writeUInt8(bytes.at(-1)! ^ 0xff, bytes.length - 1);
      replaceStored(image, (f) => writeFileSync(f, bytes));
      return root;
    },
    action: 'checkMedia',
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_DAMAGED' },
  },
  {
    name: 'an image whose file was cut short',
    make: (d) => {
      const { root, image } = withImage(d);
      const bytes = readFileSync(image);
      replaceStored(image, (f) => writeFileSync(f, bytes.subarray(0, 10)));
      return root;
    },
    action: 'checkMedia',
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_DAMAGED' },
  },
  {
    name: 'an image whose file is missing',
    make: (d) => {
      const { root, image } = withImage(d);
      replaceStored(image, () => undefined);
      return root;
    },
    action: 'checkMedia',
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_DAMAGED' },
  },
  {
    // An export would send the private file to a customer under the image's name.
    name: 'an image whose file is a link to a private file outside the library',
    make: (d) => {
      const { root, image } = withImage(d);
      writeFileSync(path.join(d, 'id_rsa'), 'PRIVATE KEY');
      replaceStored(image, (f) => symlinkSync(path.join(d, 'id_rsa'), f));
      return root;
    },
    action: 'checkMedia',
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_DAMAGED' },
  },
  {
    name: 'an image whose media sub-folder is a link out of the library',
    make: (d) => {
      const { root, image } = withImage(d);
      const outside = path.join(d, 'elsewhere');
      mkdirSync(outside);
      writeFileSync(path.join(outside, path.basename(image)), readFileSync(image));
      rmSync(path.dirname(image), { recursive: true, force: true });
      symlinkSync(outside, path.dirname(image));
      return root;
    },
    action: 'checkMedia',
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_DAMAGED' },
  },
  {
    name: 'an image whose file is a folder',
    make: (d) => {
      const { root, image } = withImage(d);
      replaceStored(image, (f) => mkdirSync(f));
      return root;
    },
    action: 'checkMedia',
    expected: { rejected: 'LIBRARY_CORRUPT', message: 'LIBRARY_MEDIA_DAMAGED' },
  },
];
