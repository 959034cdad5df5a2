import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportResult, MediaProbe } from '../../../shared/domain/video';
import type { Library } from '../library';
import { findAssetBySha, putDerivative, scratchDir, serialiseFrameIndex } from './assets';
import type { FfmpegTools } from './ffmpeg/binaries';
import { scanFrames, type FrameIndex } from './frames';
import { assertUsableVideo, looksLikeImage, mediaError, probeFile } from './probe';

// Import of a video into the library: copy exactly the bytes that were there when we looked,
// probe and index THAT copy, and store it by content hash. Bad input (empty, truncated, not a
// video, a pipe, a file still being written) is refused with a clear message, and the library is
// left as it was: nothing stored, nothing half-written.

export interface ImportOptions {
  origin?: 'import' | 'recording';
  /** Name shown in the library (defaults to the file's name). */
  originalName?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number, phase: string) => void;
}

/** Container extension and mime type for a probed file. */
export function containerOf(probe: MediaProbe): { ext: string; mime: string } {
  const format = probe.formatName;
  if (format.startsWith('mov,mp4')) return { ext: 'mp4', mime: 'video/mp4' };
  if (format.startsWith('matroska')) {
    const webm = ['vp8', 'vp9', 'av1'].includes(probe.video?.codec ?? '') &&
      ['opus', 'vorbis', undefined].includes(probe.audio?.codec);
    return webm ? { ext: 'webm', mime: 'video/webm' } : { ext: 'mkv', mime: 'video/x-matroska' };
  }
  const known: Record<string, [string, string]> = {
    avi: ['avi', 'video/x-msvideo'],
    mpegts: ['ts', 'video/mp2t'],
    flv: ['flv', 'video/x-flv'],
    ogg: ['ogv', 'video/ogg'],
    asf: ['wmv', 'video/x-ms-asf'],
    mpeg: ['mpg', 'video/mpeg'],
  };
  const [ext, mime] = known[format] ?? ['bin', 'application/octet-stream'];
  return { ext, mime };
}

/** Copies exactly `length` bytes (what stat saw), hashing as it goes: a growing file cannot stall us. */
async function snapshot(source: string, target: string, length: number, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(
    createReadStream(source, { start: 0, end: length - 1 }),
    tap,
    createWriteStream(target, { flags: 'wx' }),
    ...(signal ? [{ signal }] : []),
  );
  return hash.digest('hex');
}

function displaySize(probe: MediaProbe): { width: number; height: number } {
  const v = probe.video!;
  return v.rotation % 180 === 0 ? { width: v.width, height: v.height } : { width: v.height, height: v.width };
}

/** Default render mode for a new clip: smart where the stream allows copying, else accurate. */
function defaultMode(probe: MediaProbe): 'smart' | 'accurate' {
  return probe.video?.codec === 'h264' ? 'smart' : 'accurate';
}

export function ensureClip(library: Library, assetId: number, title: string, probe: MediaProbe, endS: number): number {
  const existing = library.db.prepare('SELECT id FROM clips WHERE asset_id = ? ORDER BY id LIMIT 1').get(assetId) as
    | { id: number }
    | undefined;
  if (existing) return existing.id;
  return Number(
    library.mutate(
      (id: number | bigint) => ({ action: 'clip.create', entity: 'clip', entityId: id, summary: title }),
      (db) =>
        db
          .prepare(
            `INSERT INTO clips (asset_id, title, segments, render_mode, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(assetId, title, JSON.stringify([{ startS: 0, endS }]), defaultMode(probe), library.now(), library.now())
          .lastInsertRowid,
    ),
  );
}

export async function importVideo(
  library: Library,
  tools: FfmpegTools,
  source: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const name = (options.originalName ?? path.basename(source)).slice(0, 255);
  let before;
  try {
    before = await stat(source);
  } catch {
    throw mediaError('missing', { name });
  }
  // A pipe, a device or a folder is never a video file; reading one could block forever.
  if (!before.isFile()) throw mediaError('notAFile', { name });
  if (before.size === 0) throw mediaError('empty', { name });
  const head = Buffer.alloc(16);
  const handle = await open(source, 'r');
  try {
    await handle.read(head, 0, 16, 0);
  } finally {
    await handle.close();
  }
  if (looksLikeImage(head)) throw mediaError('image', { name });

  const scratch = scratchDir(library, 'import');
  try {
    progress(0.05, 'jobs:phase.copy');
    const copy = path.join(scratch.dir, 'source');
    const sha256 = await snapshot(source, copy, before.size, options.signal);
    const after = await stat(source);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw mediaError('stillWriting', { name });

    const existing = findAssetBySha(library, sha256);
    if (existing?.probe && existing.kind === 'video') {
      const clipId = ensureClip(
        library,
        existing.id,
        name.replace(/\.[^.]+$/, ''),
        JSON.parse(existing.probe ?? '{}') as MediaProbe,
        existing.duration_s ?? 0,
      );
      return { assetId: existing.id, clipId, added: false };
    }

    progress(0.4, 'jobs:phase.probe');
    const stored = await storeVideoFile(library, tools, copy, {
      name,
      origin: options.origin ?? 'import',
      existingId: existing?.id ?? null,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const clipId = ensureClip(library, stored.assetId, name.replace(/\.[^.]+$/, ''), stored.probe, stored.probe.durationS);
    progress(1, 'jobs:phase.store');
    return { assetId: stored.assetId, clipId, added: existing === null };
  } finally {
    scratch.remove();
  }
}

export interface StoreOptions {
  name: string;
  origin: 'import' | 'recording' | 'render';
  /** A row that already holds these bytes (as an attachment): it is completed, not duplicated. */
  existingId?: number | null;
  signal?: AbortSignal;
}

/**
 * Probes and indexes a video file of ours (an import's copy, a render, a remuxed recording),
 * moves it into the media store and records it. The file is consumed: renamed into the store.
 */
export async function storeVideoFile(
  library: Library,
  tools: FfmpegTools,
  file: string,
  options: StoreOptions,
): Promise<{ assetId: number; sha256: string; probe: MediaProbe; frames: FrameIndex }> {
  const sizeBytes = (await stat(file)).size;
  const probed = await probeFile(tools, file, sizeBytes, options.signal);
  assertUsableVideo(probed.probe);
  const frames: FrameIndex = await scanFrames(tools, file, probed, options.signal);
  // A file whose header promises more picture than its packets hold was cut short (a copy that stopped).
  const declared = probed.videoDeclaredS;
  if (declared > 0 && frames.endTime < declared - Math.max(1, declared * 0.1)) {
    throw mediaError('truncated', {
      name: options.name,
      declared: declared.toFixed(1),
      readable: frames.endTime.toFixed(1),
    });
  }
  const probe: MediaProbe = {
    ...probed.probe,
    durationS: frames.endTime,
    video: { ...probed.probe.video!, variableFrameRate: frames.variableFrameRate },
  };
  const size = displaySize(probe);
  const keyframes = JSON.stringify(frames.keyframes.map((i) => Math.round(frames.times[i]! * 1e6) / 1e6));
  let assetId: number;
  let sha256: string;
  if (options.existingId) {
    // The same bytes came in before as something else (a mail attachment): now we know it is a video.
    assetId = options.existingId;
    sha256 = (library.db.prepare('SELECT sha256 FROM media_assets WHERE id = ?').get(assetId) as { sha256: string }).sha256;
    library.mutate({ action: 'media.import', entity: 'media_asset', entityId: assetId, summary: options.name }, (db) =>
      db
        .prepare(
          `UPDATE media_assets SET kind = 'video', probe = ?, keyframes = ?, duration_s = ?, width = ?, height = ? WHERE id = ?`,
        )
        .run(JSON.stringify(probe), keyframes, probe.durationS, size.width, size.height, assetId),
    );
  } else {
    const { ext, mime } = containerOf(probe);
    const stored = await library.media.adoptFile(file, ext);
    sha256 = stored.sha256;
    const existing = findAssetBySha(library, stored.sha256);
    if (existing) {
      assetId = existing.id;
    } else {
      assetId = Number(
        library.mutate(
          (id: number | bigint) => ({
            action: options.origin === 'render' ? 'clip.render' : 'media.import',
            entity: 'media_asset',
            entityId: id,
            summary: options.name,
            detail: { sha256: stored.sha256, origin: options.origin },
          }),
          (db) =>
            db
              .prepare(
                `INSERT INTO media_assets (sha256, kind, original_name, mime, ext, size, probe, keyframes, duration_s, width, height, created_at, origin, crc32)
                 VALUES (?, 'video', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                stored.sha256,
                options.name,
                mime,
                ext,
                stored.size,
                JSON.stringify(probe),
                keyframes,
                probe.durationS,
                size.width,
                size.height,
                library.now(),
                options.origin,
                stored.crc32,
              ).lastInsertRowid,
        ),
      );
    }
  }
  await putDerivative(library, assetId, 'frames', '', serialiseFrameIndex(frames), 'json', 'application/json');
  return { assetId, sha256, probe, frames };
}
