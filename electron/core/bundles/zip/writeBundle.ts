import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MANIFEST_FILE, type ManifestFile } from '../../../../shared/domain/bundle';
import { KotaeError } from '../../../../shared/errors';
import { sha256Of } from '../manifest';
import { FileHasher } from './hashInWorker';
import { loadYazl } from './yazlNative';

// Writing a bundle's files into a zip or a folder. Media go into the zip stored, not deflated: video
// and images are compressed already, and deflating them costs time for nothing (bench/bundle).

/** A file of the bundle made in memory (pages, viewer script, e-mail draft). */
export interface DataEntry {
  kind: 'data';
  path: string;
  data: Buffer;
}

/** A file of the bundle copied from disk (screenshots, videos). */
export interface FileEntry {
  kind: 'file';
  path: string;
  file: string;
  size: number;
  /** The library's content address of the file, checked while hashing; null for fresh renditions. */
  expectedSha256: string | null;
  /** How the vendor knows this file, for errors ("the file of Step 2's screenshot…"). */
  label: string;
}

export type BundleEntry = DataEntry | FileEntry;

export interface WriteOptions {
  signal: AbortSignal;
  /** Called with the number of bytes just written, for progress. */
  onBytes?: (bytes: number) => void;
  mtime: Date;
}

const CHUNK = 1 << 20;

function mediaChanged(entry: FileEntry, detail: string): KotaeError {
  return new KotaeError(
    'BUNDLE_EXPORT_BLOCKED',
    { reason: 'mediaChanged', name: entry.label },
    `${entry.file}: ${detail}`,
    'bundle:blocked.mediaChanged',
  );
}

function checkHash(entry: FileEntry, hash: { sha256: string; size: number }): ManifestFile {
  if (hash.size !== entry.size) throw mediaChanged(entry, `size ${hash.size}, planned ${entry.size}`);
  return { path: entry.path, size: hash.size, sha256: hash.sha256 };
}

/**
 * The manifest lines of every entry. Library media are named by their sha256 when stored and never
 * change (MediaStore), so their content address is their hash: re-hashing 200 MB of video at every
 * export doubled its time on a busy machine (bench/bundle). Their size is still enforced: yazl fails
 * the zip if a file yields more or fewer bytes than planned. Pages are hashed here, fresh renditions
 * on a worker thread while the zip streams them.
 */
export function hashEntries(entries: BundleEntry[], hasher: FileHasher): Promise<ManifestFile[]> {
  return Promise.all(
    entries.map((entry) => {
      if (entry.kind === 'data') {
        return Promise.resolve({ path: entry.path, size: entry.data.length, sha256: sha256Of(entry.data) });
      }
      if (entry.expectedSha256) {
        return Promise.resolve({ path: entry.path, size: entry.size, sha256: entry.expectedSha256 });
      }
      return hasher.hash(entry.file).then((h) => checkHash(entry, h));
    }),
  );
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new KotaeError('CANCELLED');
}

/**
 * Streams the entries into a zip at `file`, hashing them on the way, and ends it with the manifest
 * that `makeManifest` builds from those hashes. One read of each file: the worker's hash runs beside
 * the zip stream. Rejects (leaving a partial file for the caller to remove) on cancel or any error.
 */
export async function writeZip(
  file: string,
  entries: BundleEntry[],
  makeManifest: (files: ManifestFile[]) => Buffer,
  options: WriteOptions,
): Promise<{ files: ManifestFile[]; manifest: Buffer }> {
  const yazl = loadYazl();
  const zip = new yazl.ZipFile();
  // Any failure (cancel, a read error, a hash mismatch) aborts the one pipeline below.
  const controller = new AbortController();
  const fail = (err: unknown) => controller.abort(err instanceof Error ? err : new Error(String(err)));
  options.signal.addEventListener('abort', () => fail(new KotaeError('CANCELLED')), { once: true });
  if (options.signal.aborted) fail(new KotaeError('CANCELLED'));
  let current: FileEntry | null = null;
  zip.on('error', (err: Error) => {
    // A library file that yields other than the bytes planned has changed behind the library's back.
    if (current && /unexpected number of bytes/.test(err.message)) fail(mediaChanged(current, err.message));
    else fail(err);
  });
  const hasher = new FileHasher(controller.signal);
  const open = new Set<ReadStream>();
  controller.signal.addEventListener('abort', () => open.forEach((s) => s.destroy()), { once: true });

  for (const entry of entries) {
    if (entry.kind === 'data') {
      zip.addBuffer(entry.data, entry.path, { mtime: options.mtime, compress: true });
      continue;
    }
    zip.addReadStreamLazy(entry.path, { mtime: options.mtime, compress: false, size: entry.size }, (cb) => {
      current = entry;
      const stream = createReadStream(entry.file, { highWaterMark: CHUNK });
      open.add(stream);
      stream.on('data', (chunk) => options.onBytes?.(chunk.length));
      stream.on('error', fail);
      stream.on('close', () => open.delete(stream));
      cb(null, stream);
    });
  }
  const written = pipeline(zip.outputStream, createWriteStream(file, { flush: true, highWaterMark: CHUNK }), {
    signal: controller.signal,
  });
  written.catch(() => undefined); // observed below; this only prevents an unhandled rejection meanwhile

  try {
    const files = await Promise.race([
      hashEntries(entries, hasher),
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener('abort', () => reject(abortError(controller.signal)), {
          once: true,
        }),
      ),
    ]);
    const manifest = makeManifest(files);
    zip.addBuffer(manifest, MANIFEST_FILE, { mtime: options.mtime, compress: true });
    zip.end();
    await written;
    return { files, manifest };
  } catch (err) {
    fail(err);
    throw controller.signal.reason ?? err;
  } finally {
    await hasher.close();
  }
}

/**
 * Copies the entries into the folder `dir` (which must not exist yet), then writes the manifest.
 * Library media are read-only; the customer's copy is an ordinary file they may move or delete.
 */
export async function writeFolder(
  dir: string,
  entries: BundleEntry[],
  manifest: Buffer,
  options: WriteOptions,
): Promise<void> {
  await mkdir(dir);
  for (const entry of entries) {
    if (options.signal.aborted) throw new KotaeError('CANCELLED');
    const target = path.join(dir, ...entry.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    if (entry.kind === 'data') {
      await writeFile(target, entry.data, { flag: 'wx' });
      options.onBytes?.(entry.data.length);
    } else {
      await copyFile(entry.file, target);
      await chmod(target, 0o644);
      options.onBytes?.(entry.size);
    }
  }
  await writeFile(path.join(dir, MANIFEST_FILE), manifest, { flag: 'wx' });
}
