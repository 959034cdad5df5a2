import { chmod, copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, type ManifestFile } from '../../../../shared/domain/bundle';
import { SIGNATURE_FILE } from '../../../../shared/domain/signing';
import { KotaeError } from '../../../../shared/errors';
import { sha256Of, sha256OfFile } from '../manifest';
import { SourceSizeError, ZipWriter } from '../../archive';

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
  /** The library's content address of the file; null for fresh renditions (hashed while zipped). */
  expectedSha256: string | null;
  /** Its CRC-32 when the library knows it (the zip then copies the bytes unread); else computed. */
  crc32: number | null;
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

function mediaChanged(entry: FileEntry, detail: string): KotaeError {
  return new KotaeError(
    'BUNDLE_EXPORT_BLOCKED',
    { reason: 'mediaChanged', name: entry.label },
    `${entry.file}: ${detail}`,
    'bundle:blocked.mediaChanged',
  );
}

/**
 * The manifest lines of every entry, for a bundle written only as a folder (a zip hashes as it
 * writes). Library media are named by their sha256 when stored and never change (MediaStore), so
 * their content address is their hash; fresh renditions are read and hashed.
 */
export function hashEntries(entries: BundleEntry[]): Promise<ManifestFile[]> {
  return Promise.all(
    entries.map(async (entry) => {
      if (entry.kind === 'data')
        return { path: entry.path, size: entry.data.length, sha256: sha256Of(entry.data) };
      if (entry.expectedSha256) return { path: entry.path, size: entry.size, sha256: entry.expectedSha256 };
      const hash = await sha256OfFile(entry.file);
      if (hash.size !== entry.size) throw mediaChanged(entry, `size ${hash.size}, planned ${entry.size}`);
      return { path: entry.path, size: hash.size, sha256: hash.sha256 };
    }),
  );
}

export interface ZipResult {
  files: ManifestFile[];
  manifest: Buffer;
  /** signature.json, made from the manifest's bytes by `signManifest`. */
  signature: Buffer;
  /** CRC-32s computed on the way for library media whose row did not have one yet: keep them. */
  learned: { sha256: string; crc32: number }[];
}

/**
 * Writes the entries into a zip at `file` and ends it with the manifest that `makeManifest` builds
 * from their hashes and the signature `signManifest` makes of its bytes, then syncs it to disk. Library media are copied as they are (their sha256 is
 * their name, their CRC-32 is in their row); fresh renditions are hashed as they pass. Rejects
 * (leaving a partial file for the caller to remove) on cancel or any error.
 */
export async function writeZip(
  file: string,
  entries: BundleEntry[],
  makeManifest: (files: ManifestFile[]) => Buffer,
  signManifest: (manifest: Buffer) => Buffer,
  options: WriteOptions,
): Promise<ZipResult> {
  const { signal, mtime } = options;
  if (signal.aborted) throw new KotaeError('CANCELLED');
  const zip = await ZipWriter.create(file);
  const files: ManifestFile[] = [];
  const learned: ZipResult['learned'] = [];
  let current: FileEntry | null = null;
  try {
    for (const entry of entries) {
      if (signal.aborted) throw new KotaeError('CANCELLED');
      if (entry.kind === 'data') {
        await zip.addData(entry.path, entry.data, { mtime });
        files.push({ path: entry.path, size: entry.data.length, sha256: sha256Of(entry.data) });
        options.onBytes?.(entry.data.length);
        continue;
      }
      current = entry;
      const added = await zip.addFile(entry.path, entry.file, {
        mtime,
        size: entry.size,
        crc32: entry.crc32,
        sha256: entry.expectedSha256 === null,
        signal,
        ...(options.onBytes ? { onBytes: options.onBytes } : {}),
      });
      current = null;
      files.push({ path: entry.path, size: entry.size, sha256: entry.expectedSha256 ?? added.sha256! });
      if (entry.crc32 === null && entry.expectedSha256) {
        learned.push({ sha256: entry.expectedSha256, crc32: added.crc32 });
      }
    }
    const manifest = makeManifest(files);
    const signature = signManifest(manifest);
    await zip.addData(MANIFEST_FILE, manifest, { mtime });
    await zip.addData(SIGNATURE_FILE, signature, { mtime });
    await zip.finish();
    return { files, manifest, signature, learned };
  } catch (err) {
    await zip.close();
    if (signal.aborted) throw new KotaeError('CANCELLED');
    // A library file that yields other than the bytes planned has changed behind the library's back.
    if (err instanceof SourceSizeError && current) throw mediaChanged(current, err.message);
    throw err;
  }
}

/**
 * Copies the entries into the folder `dir` (which must not exist yet), then writes the manifest and
 * its signature.
 * Library media are read-only; the customer's copy is an ordinary file they may move or delete.
 */
export async function writeFolder(
  dir: string,
  entries: BundleEntry[],
  manifest: Buffer,
  signature: Buffer,
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
  await writeFile(path.join(dir, SIGNATURE_FILE), signature, { flag: 'wx' });
}
