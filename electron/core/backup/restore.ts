import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { chmod, mkdir, open, rename, rm, rmdir, statfs, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Entry, ZipFile } from 'yauzl';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_FILE,
  BackupManifest,
  BackupPath,
  type RestoreResult,
} from '../../../shared/domain/backup';
import { KotaeError } from '../../../shared/errors';
import { formatBytes } from '../bundles';
import {
  openZip,
  readCentralDirectory,
  readEntry,
  shownName,
  type ArchiveFail,
  type ArchiveLimits,
  parseVersionedManifest,
} from '../archive';
import { DB_FILE, isLibraryFolder, openLibrary } from '../library';

// Restoring a backup makes a NEW library: never over an existing one. Everything is unpacked into
// a hidden folder beside the target, each file checked against the manifest's sha256, the database
// opened read-only for its integrity check, and only then is the folder renamed to its real name.
// The zip is read through the archive module's checks (it may come from anywhere).

export type BackupProblem =
  | Parameters<ArchiveFail>[0]
  | 'noManifest'
  | 'badManifest'
  | 'unsupportedFormat'
  | 'missingFile'
  | 'extraFile'
  | 'tampered';

export function backupInvalid(
  reason: BackupProblem,
  params: Record<string, string | number> = {},
  detail?: string,
): KotaeError {
  return new KotaeError('BACKUP_INVALID', { reason, ...params }, detail, `backup:invalid.${reason}`);
}

// Data failing its CRC-32 was changed or damaged after the backup was written: 'tampered' says so.
const fail: ArchiveFail = (problem, params, detail) =>
  backupInvalid(
    problem === 'crcMismatch' ? 'tampered' : problem,
    problem === 'tooLarge' && params ? { ...params, limit: formatBytes(Number(params.limit)) } : params,
    detail,
  );

export const BACKUP_LIMITS: ArchiveLimits & { maxManifestBytes: number } = {
  maxEntries: 1_000_001,
  maxTotalBytes: 4 * 1024 ** 4,
  // An SQLite file full of free pages deflates very well; the total and the free space bound it.
  maxRatio: 5_000,
  ratioFloorBytes: 1024 * 1024,
  maxManifestBytes: 256 * 1024 * 1024,
};

export interface RestoreOptions {
  signal: AbortSignal;
  progress?: (fraction: number, phase?: string) => void;
  limits?: Partial<typeof BACKUP_LIMITS>;
}

const allowedName = (name: string) =>
  name === BACKUP_MANIFEST_FILE ||
  BackupPath.safeParse(name).success ||
  name === 'media' ||
  /^media\/[0-9a-f]{2}$/.test(name);

/** A new library goes into a folder that does not exist yet or is empty. */
export function checkRestoreTarget(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new KotaeError('NOT_A_LIBRARY', { path: target });
  if (isLibraryFolder(target)) throw new KotaeError('LIBRARY_EXISTS', { path: target });
  if (readdirSync(target).length > 0) throw new KotaeError('FOLDER_NOT_EMPTY', { path: target });
}

async function readManifest(zip: ZipFile, entries: Map<string, Entry>, limits: typeof BACKUP_LIMITS) {
  const entry = entries.get(BACKUP_MANIFEST_FILE);
  if (!entry) throw backupInvalid('noManifest');
  const chunks: Buffer[] = [];
  let size = 0;
  await readEntry(zip, BACKUP_MANIFEST_FILE, entry, {
    limits,
    total: { bytes: 0 },
    fail,
    sink: (chunk) => {
      size += chunk.length;
      if (size > limits.maxManifestBytes) throw backupInvalid('badManifest', { detail: 'too large' });
      chunks.push(chunk);
    },
  });
  const manifest = parseVersionedManifest(
    Buffer.concat(chunks),
    BackupManifest,
    BACKUP_FORMAT_VERSION,
    backupInvalid,
  );
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (listed.has(f.path)) throw backupInvalid('badManifest', { detail: `${f.path} listed twice` });
    listed.add(f.path);
    if (!entries.has(f.path)) throw backupInvalid('missingFile', { file: f.path });
  }
  if (!listed.has(DB_FILE)) throw backupInvalid('missingFile', { file: DB_FILE });
  for (const name of entries.keys()) {
    if (name !== BACKUP_MANIFEST_FILE && !listed.has(name))
      throw backupInvalid('extraFile', { file: shownName(name) });
  }
  return manifest;
}

async function ensureSpace(dir: string, bytes: number): Promise<void> {
  const fs = await statfs(dir);
  const free = fs.bavail * fs.bsize;
  if (free < bytes) {
    throw new KotaeError('DISK_FULL', {}, `restoring needs ${bytes} bytes, ${free} are free in ${dir}`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The hidden folder a restore into the same target left when its process was killed. */
function removeAbandonedStaging(parent: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  const prefix = `.${name}.restoring-p`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(entry.slice(prefix.length))?.[1]);
    if (pid && !processAlive(pid)) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}

export async function restoreBackup(
  zipFile: string,
  targetDir: string,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const target = path.resolve(targetDir);
  const limits = { ...BACKUP_LIMITS, ...options.limits };
  checkRestoreTarget(target);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  removeAbandonedStaging(parent, path.basename(target));
  const staging = path.join(
    parent,
    `.${path.basename(target)}.restoring-p${process.pid}-${randomBytes(6).toString('hex')}`,
  );
  options.progress?.(0, 'backup:phase.checking');
  const zip = await openZip(zipFile, fail, limits);
  try {
    const entries = await readCentralDirectory(zip, limits, fail, allowedName);
    const manifest = await readManifest(zip, entries, limits);
    const total = manifest.files.reduce((sum, f) => sum + f.size, 0);
    await ensureSpace(parent, total);
    await mkdir(staging);
    options.progress?.(0.01, 'backup:phase.restoring');
    const counted = { bytes: 0 };
    let done = 0;
    for (const f of manifest.files) {
      if (options.signal.aborted) throw new KotaeError('CANCELLED');
      const file = path.join(staging, ...f.path.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      let handle: FileHandle | null = await open(file, 'wx');
      try {
        const h = handle;
        const got = await readEntry(zip, f.path, entries.get(f.path)!, {
          limits,
          total: counted,
          fail,
          signal: options.signal,
          sink: async (chunk) => {
            await h.write(chunk);
          },
          onBytes: (bytes) => {
            done += bytes;
            options.progress?.(0.01 + (0.94 * done) / (total || 1));
          },
        });
        if (got.sha256 !== f.sha256 || got.size !== f.size) {
          throw backupInvalid(
            'tampered',
            { file: f.path },
            `sha256 ${got.sha256} (${got.size} bytes), manifest ${f.sha256} (${f.size} bytes)`,
          );
        }
        await h.sync();
      } finally {
        await handle.close();
        handle = null;
      }
      // Media files are read-only in a library (MediaStore); keep them so.
      if (f.path !== DB_FILE) await chmod(file, 0o444);
    }
    await mkdir(path.join(staging, 'media'), { recursive: true });
    options.progress?.(0.96, 'backup:phase.checkingDatabase');
    // Opening checks the header, that the schema is not newer than this app, and integrity_check.
    const check = openLibrary(staging, { readOnly: true, check: 'full' });
    const schemaVersion = check.info().schemaVersion;
    check.close();
    if (existsSync(target)) await rmdir(target); // empty (checkRestoreTarget)
    checkRestoreTarget(target);
    await rename(staging, target);
    options.progress?.(1);
    return { path: target, bytes: total, mediaFiles: manifest.files.length - 1, schemaVersion };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  } finally {
    zip.close();
  }
}
