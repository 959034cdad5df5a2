import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../../shared/domain/video';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import {
  scratchDir,
  remuxRecordingInvocation,
  type FfmpegTools,
  runFfmpeg,
  ensureClip,
  storeVideoFile,
  mediaError,
  probeFile,
} from '../media';

// Screen recordings arrive from the window in chunks while they are made (MediaRecorder's
// timeslice). Each chunk is appended to `<library>/recordings/<id>.part` at once, so a crash of
// the app loses at most the chunk in flight; a recording left behind is offered for recovery.
// When the vendor stops, the chunks (no index, no duration) are remuxed into a seekable file.

const MAX_CHUNK_BYTES = 32 * 1024 * 1024;
const ID = /^[0-9a-f-]{36}$/;

interface Meta {
  mimeType: string;
  startedAt: string;
  nextSeq: number;
}

function dir(library: Library): string {
  const d = path.join(library.root, 'recordings');
  mkdirSync(d, { recursive: true });
  return d;
}

function files(library: Library, id: string): { part: string; meta: string } {
  if (!ID.test(id)) throw new KotaeError('NOT_FOUND', { id });
  const d = dir(library);
  return { part: path.join(d, `${id}.part`), meta: path.join(d, `${id}.json`) };
}

function readMeta(file: string, id: string): Meta {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Meta;
  } catch {
    throw new KotaeError('NOT_FOUND', { id });
  }
}

export function startRecording(library: Library, mimeType: string): { id: string } {
  const id = randomUUID();
  const f = files(library, id);
  writeFileSync(f.part, '', { flag: 'wx' });
  writeFileSync(f.meta, JSON.stringify({ mimeType: mimeType.slice(0, 200), startedAt: library.now(), nextSeq: 0 }));
  return { id };
}

/** Appends chunk `seq` (they must come in order: a gap means a lost chunk and a broken file). */
export function appendChunk(library: Library, id: string, seq: number, data: Uint8Array): { bytes: number } {
  const f = files(library, id);
  const meta = readMeta(f.meta, id);
  if (data.length > MAX_CHUNK_BYTES) throw new KotaeError('INVALID_INPUT', { detail: 'chunk too large' });
  if (seq !== meta.nextSeq) {
    throw new KotaeError('CONFLICT', { id }, `expected chunk ${meta.nextSeq}, got ${seq}`);
  }
  appendFileSync(f.part, data);
  writeFileSync(f.meta, JSON.stringify({ ...meta, nextSeq: seq + 1 }));
  return { bytes: statSync(f.part).size };
}

export function discardRecording(library: Library, id: string): void {
  const f = files(library, id);
  rmSync(f.part, { force: true });
  rmSync(f.meta, { force: true });
}

/** Recordings whose app stopped before they were finished (a crash): they can still be saved. */
export function pendingRecordings(library: Library): { id: string; bytes: number; startedAt: string }[] {
  if (!existsSync(path.join(library.root, 'recordings'))) return [];
  return readdirSync(dir(library))
    .filter((n) => n.endsWith('.json') && ID.test(n.slice(0, -5)))
    .map((n) => {
      const id = n.slice(0, -5);
      const f = files(library, id);
      const meta = readMeta(f.meta, id);
      return { id, bytes: existsSync(f.part) ? statSync(f.part).size : 0, startedAt: meta.startedAt };
    });
}

/** Remuxes the chunks into a seekable file with a duration and imports it as a new clip. */
export async function finishRecording(
  library: Library,
  tools: FfmpegTools,
  id: string,
  name: string,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const f = files(library, id);
  readMeta(f.meta, id);
  const size = existsSync(f.part) ? statSync(f.part).size : 0;
  if (size === 0) {
    discardRecording(library, id);
    throw mediaError('emptyRecording');
  }
  const scratch = scratchDir(library, 'recording');
  try {
    const probed = await probeFile(tools, f.part, size, signal);
    const v = probed.probe.video;
    if (!v) throw mediaError('noVideo');
    const h264 = v.codec === 'h264';
    const out = path.join(scratch.dir, h264 ? 'recording.mp4' : 'recording.webm');
    await runFfmpeg(tools.ffmpeg, remuxRecordingInvocation(f.part, h264, probed.probe.audio !== null, out), {
      ...(signal ? { signal } : {}),
      timeoutMs: 30 * 60_000,
    });
    const stored = await storeVideoFile(library, tools, out, {
      name: `${name}.${h264 ? 'mp4' : 'webm'}`,
      origin: 'recording',
      ...(signal ? { signal } : {}),
    });
    const clipId = ensureClip(library, stored.assetId, name, stored.probe, stored.probe.durationS);
    discardRecording(library, id);
    return { assetId: stored.assetId, clipId, added: true };
  } finally {
    scratch.remove();
  }
}
