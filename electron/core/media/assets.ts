import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MediaProbe } from '../../../shared/domain/video';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import type { FrameIndex } from './frames';

// Reading and writing what the media service keeps about an asset: its row, its probe, and files
// derived from it (frame index, thumbnails, waveform) stored content-addressed in the media store.

export interface AssetRow {
  id: number;
  sha256: string;
  kind: string;
  original_name: string;
  mime: string;
  ext: string;
  size: number;
  probe: string | null;
  duration_s: number | null;
  width: number | null;
  height: number | null;
  origin: string;
  created_at: string;
}

export function getAsset(library: Library, id: number): AssetRow {
  const row = library.db.prepare('SELECT * FROM media_assets WHERE id = ?').get(id) as AssetRow | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id });
  return row;
}

export function findAssetBySha(library: Library, sha256: string): AssetRow | null {
  return (library.db.prepare('SELECT * FROM media_assets WHERE sha256 = ?').get(sha256) as AssetRow | undefined) ?? null;
}

/** The stored file of an asset (through MediaStore.locate); an asset whose file is gone is named. */
export function assetPath(library: Library, row: Pick<AssetRow, 'sha256' | 'ext' | 'original_name'>): string {
  const file = library.media.fileOf(row);
  if (!file)
    throw new KotaeError('MEDIA_INVALID', { name: row.original_name }, `media file of ${row.sha256} missing`, 'videos:errors.missing');
  return file;
}

export function assetProbe(row: AssetRow): MediaProbe {
  if (!row.probe) throw new KotaeError('MEDIA_INVALID', { reason: 'notProbed' }, `asset ${row.id} has no probe`, 'videos:errors.notProbed');
  return MediaProbe.parse(JSON.parse(row.probe));
}

export interface DerivativeRow {
  sha256: string;
  ext: string;
  mime: string;
  size: number;
  meta: string;
}

export function getDerivative(library: Library, assetId: number, kind: string, params = ''): DerivativeRow | null {
  const row = library.db
    .prepare('SELECT sha256, ext, mime, size, meta FROM media_derivatives WHERE asset_id = ? AND kind = ? AND params = ?')
    .get(assetId, kind, params) as DerivativeRow | undefined;
  if (!row) return null;
  // A cache entry whose file went missing is no entry.
  return library.media.fileOf(row) ? row : null;
}

export async function putDerivative(
  library: Library,
  assetId: number,
  kind: string,
  params: string,
  data: Uint8Array,
  ext: string,
  mime: string,
  meta: Record<string, unknown> = {},
): Promise<DerivativeRow> {
  const stored = await library.media.addBuffer(data, ext);
  // A cache, not a change the vendor made: no work-log entry.
  library.db
    .prepare(
      `INSERT INTO media_derivatives (asset_id, kind, params, sha256, ext, mime, size, meta, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (asset_id, kind, params) DO UPDATE SET sha256 = excluded.sha256, ext = excluded.ext,
         mime = excluded.mime, size = excluded.size, meta = excluded.meta, created_at = excluded.created_at`,
    )
    .run(assetId, kind, params, stored.sha256, ext, mime, stored.size, JSON.stringify(meta), library.now());
  return { sha256: stored.sha256, ext, mime, size: stored.size, meta: JSON.stringify(meta) };
}

/** Compact JSON for the frame index: times rounded to the microsecond. */
export function serialiseFrameIndex(index: FrameIndex): Uint8Array {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return Buffer.from(
    JSON.stringify({ ...index, times: index.times.map(r), dtsDecode: index.dtsDecode.map(r), endTime: r(index.endTime) }),
  );
}

export function loadFrameIndex(library: Library, assetId: number): FrameIndex {
  const row = getDerivative(library, assetId, 'frames');
  if (!row) {
    throw new KotaeError('MEDIA_INVALID', { reason: 'notProbed' }, `asset ${assetId} has no frame index`, 'videos:errors.notProbed');
  }
  const file = library.media.fileOf(row);
  if (!file) throw new KotaeError('MEDIA_INVALID', { reason: 'notProbed' }, `frame index of asset ${assetId} missing`, 'videos:errors.notProbed');
  return JSON.parse(readFileSync(file, 'utf8')) as FrameIndex;
}

/**
 * A private scratch folder inside the library (same file system as the media store). Its name
 * carries our pid, so scratch left by a process that was killed can be told from scratch in use.
 */
export function scratchDir(library: Library, prefix: string): { dir: string; remove: () => void } {
  const base = path.join(library.root, 'tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, `${prefix}-p${process.pid}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes scratch folders whose process is gone (a render or import cut short by a crash or a
 * kill): run when a library is opened for writing. Folders of living processes (a CLI trim next to
 * the app) are left alone.
 */
export function removeAbandonedScratch(library: Library): number {
  const base = path.join(library.root, 'tmp');
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = /-p(\d+)-/.exec(name)?.[1];
    if (pid && processAlive(Number(pid))) continue;
    rmSync(path.join(base, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
