import Database from 'better-sqlite3';
import { readdirSync, statSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_FILE,
  type BackupManifest,
  type BackupResult,
} from '../../../shared/domain/backup';
import { KotaeError } from '../../../shared/errors';
import { ZipWriter } from '../archive';
import { assertOutputFolder, produceAtomically, tempPathFor } from '../files';
import { DB_FILE, MEDIA_DIR, integrityCheckInWorker, schemaVersion, type Library } from '../library';
import { readVendorKey, vendorKeyForBackup } from '../signing';

// File > Back up library: one zip with an online snapshot of the database (better-sqlite3's
// db.backup(), consistent while the app keeps writing), every file of the media folder, and a
// manifest of their sha256s. Written to a temp file beside the target, synced, then renamed: a
// crash, a cancel or a full disk leaves the old backup (or nothing), never half a zip.

export interface BackupOptions {
  signal: AbortSignal;
  progress?: (fraction: number, phase?: string) => void;
  appVersion: string;
  /**
   * Runs the copy of the database while the app's other connections do not write: SQLite's online
   * backup starts again from its first page after every write of another connection, and the
   * search index worker may write every few milliseconds (it never finished, in a test).
   */
  quiet?: <T>(copy: () => Promise<T>) => Promise<T>;
}

interface MediaFile {
  rel: string;
  file: string;
  size: number;
}

/** Every regular file under media/, as zip paths (media/ab/<sha256>.ext). Symlinks are not followed. */
export function listMediaFiles(library: Library): MediaFile[] {
  const out: MediaFile[] = [];
  const root = library.media.dir;
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const file = path.join(root, name);
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile() || path.basename(name).startsWith('.')) continue; // temp files of an import
    out.push({ rel: `${MEDIA_DIR}/${name.split(path.sep).join('/')}`, file, size: stats.size });
  }
  return out;
}

/**
 * A backup must restore the vendor's identity on any computer, and a key sealed by this one's
 * keychain would not open elsewhere: the snapshot (a temp file, never the library) gets the key
 * unsealed. The backup is then as secret as the library itself, which it holds whole anyway.
 */
async function unsealKeyInSnapshot(library: Library, snapshot: string): Promise<BackupResult['vendorKey']> {
  if (!readVendorKey(library)) return 'none';
  const key = await vendorKeyForBackup(library);
  if (!key) return 'sealed';
  const db = new Database(snapshot);
  try {
    // The snapshot keeps the library's WAL mode: back to a rollback journal, so the change is in
    // the file itself when it closes.
    db.pragma('journal_mode = DELETE');
    db.prepare("UPDATE vendor_keys SET private_key = ?, sealed_by = 'plain' WHERE id = 1").run(key);
  } finally {
    db.close();
    key.fill(0);
  }
  return 'included';
}

function cancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new KotaeError('CANCELLED');
}

export async function createBackup(
  library: Library,
  outFile: string,
  options: BackupOptions,
): Promise<BackupResult> {
  const target = path.resolve(outFile);
  assertOutputFolder(target);
  const { signal } = options;
  const snapshot = `${tempPathFor(target)}.sqlite`;
  options.progress?.(0, 'backup:phase.database');
  try {
    const copy = () => library.db.backup(snapshot, { progress: () => (signal.aborted ? 0 : 1000) });
    await (options.quiet ? options.quiet(copy) : copy());
    cancelled(signal);
    // A backup is only worth keeping if it can be restored, and restoring runs integrity_check:
    // check the snapshot now (off the main thread), before anything is written.
    options.progress?.(0.01, 'backup:phase.checkingLibrary');
    const integrity = await integrityCheckInWorker(snapshot, signal);
    if (integrity !== 'ok') {
      throw new KotaeError('LIBRARY_CORRUPT', { path: library.root }, integrity, 'backup:damaged');
    }
    const vendorKey = await unsealKeyInSnapshot(library, snapshot);
    const media = listMediaFiles(library);
    const entries = [{ rel: DB_FILE, file: snapshot, size: (await stat(snapshot)).size }, ...media];
    const total = entries.reduce((sum, e) => sum + e.size, 0) || 1;
    let done = 0;
    options.progress?.(0.02, 'backup:phase.media');
    const version = schemaVersion(library.db);
    await produceAtomically(target, (tmp) =>
      writeBackupZip(
        tmp,
        entries,
        (files) => ({
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          appVersion: options.appVersion,
          schemaVersion: version,
          files,
        }),
        signal,
        (bytes) => {
          done += bytes;
          options.progress?.(0.02 + (0.97 * done) / total);
        },
      ),
    );
    options.progress?.(1);
    return { file: target, bytes: (await stat(target)).size, mediaFiles: media.length, vendorKey };
  } catch (err) {
    // Streams stop with an AbortError; the job reports a cancel as such.
    if (signal.aborted) throw new KotaeError('CANCELLED');
    throw err;
  } finally {
    // The snapshot is in WAL mode like the library: the check's read-only connection leaves its
    // -wal and -shm files behind; unsealing the key may leave a rollback journal.
    for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${snapshot}${suffix}`, { force: true });
  }
}

/**
 * Writes the files into a zip at `file`, hashing each on the way, ends it with the manifest that
 * `makeManifest` builds from those hashes, and syncs the file to disk. The database is deflated (it
 * shrinks several times); media are stored (video and images are compressed already).
 */
async function writeBackupZip(
  file: string,
  entries: { rel: string; file: string; size: number }[],
  makeManifest: (files: BackupManifest['files']) => BackupManifest,
  signal: AbortSignal,
  onBytes: (bytes: number) => void,
): Promise<void> {
  const zip = await ZipWriter.create(file);
  const mtime = new Date();
  const files: BackupManifest['files'] = [];
  try {
    for (const entry of entries) {
      cancelled(signal);
      const added = await zip.addFile(entry.rel, entry.file, {
        mtime,
        size: entry.size,
        compress: entry.rel === DB_FILE,
        sha256: true,
        signal,
        onBytes,
      });
      files.push({ path: entry.rel, size: entry.size, sha256: added.sha256! });
    }
    const manifest = Buffer.from(JSON.stringify(makeManifest(files), null, 1));
    await zip.addData(BACKUP_MANIFEST_FILE, manifest, { mtime });
    await zip.finish();
  } finally {
    await zip.close();
  }
}
