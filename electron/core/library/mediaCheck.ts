import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { KotaeError } from '../../../shared/errors';
import type { Library } from './Library';
import type { MediaStore } from './mediaStore';

// Media files are named by the sha256 of their content and never modified (MediaStore). Whether
// they still are is only known by reading them, which opening a library cannot afford (gigabytes
// of video): `kotae info --check-media` and the exports that send a file away ask here (issue 15).

export type MediaProblem =
  /** No file where the row says. */
  | 'missing'
  /** A link (it may lead anywhere, e.g. a private file that an export would send away). */
  | 'link'
  /** A folder, a pipe or a device. */
  | 'notAFile'
  /** Reached through a linked sub-folder that leads out of the media folder. */
  | 'outside'
  /** Not the size the row says. */
  | 'sizeChanged'
  /** Its content is not the content its name is the hash of. */
  | 'damaged';

export interface StoredFileRef {
  sha256: string;
  ext: string;
  size: number;
}

export interface MediaFinding extends StoredFileRef {
  /** What the vendor knows the file as (the original file name). */
  name: string;
  problem: MediaProblem;
}

async function sha256Of(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The problem of one stored file, or null when it is what its row says: a regular file in the
 * media folder, of the size recorded, whose content hashes to its name. `hash: false` skips the
 * reading (for a video about to be sent, whose size alone is checked).
 */
export async function checkStoredFile(
  media: MediaStore,
  ref: StoredFileRef,
  options: { hash?: boolean; signal?: AbortSignal } = {},
): Promise<MediaProblem | null> {
  // Found as every reader finds a reference (MediaStore.locate): missing, a link, not a file, or
  // out of media/ is known before anything is read; a reference the store never makes leads nowhere.
  const found = media.locate(ref);
  if (!found.ok) return found.reason === 'invalid' ? 'outside' : found.reason;
  const file = found.file;
  const stats = await stat(file);
  if (stats.size !== ref.size) return 'sizeChanged';
  if (options.hash !== false && (await sha256Of(file, options.signal)) !== ref.sha256) return 'damaged';
  return null;
}

/** Every media file the library's rows name (assets and their derivatives), read and checked. */
export async function checkMediaFiles(
  library: Library,
  options: { signal?: AbortSignal; progress?: (fraction: number) => void } = {},
): Promise<{ checked: number; findings: MediaFinding[] }> {
  const rows = library.db
    .prepare(
      `SELECT sha256, ext, size, original_name AS name FROM media_assets
       UNION ALL
       SELECT d.sha256, d.ext, d.size, a.original_name || ' (' || d.kind || ')' AS name
         FROM media_derivatives d JOIN media_assets a ON a.id = d.asset_id
       ORDER BY name`,
    )
    .all() as (StoredFileRef & { name: string })[];
  const findings: MediaFinding[] = [];
  const total = rows.reduce((n, r) => n + r.size, 0) || 1;
  let done = 0;
  for (const row of rows) {
    if (options.signal?.aborted) throw new KotaeError('CANCELLED');
    const problem = await checkStoredFile(library.media, row, { signal: options.signal });
    if (problem) findings.push({ ...row, problem });
    done += row.size;
    options.progress?.(done / total);
  }
  return { checked: rows.length, findings };
}

/** The refusal for findings of checkMediaFiles, naming the first; null when there are none. */
export function mediaFindingsError(root: string, findings: MediaFinding[]): KotaeError | null {
  const first = findings[0];
  if (!first) return null;
  return new KotaeError(
    'LIBRARY_CORRUPT',
    { path: root, count: findings.length, name: first.name },
    findings.map((f) => `${f.sha256}.${f.ext}: ${f.problem}`).join('; '),
    'errors:LIBRARY_MEDIA_DAMAGED',
  );
}
