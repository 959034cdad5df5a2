import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ThumbnailStrip, Waveform } from '../../../shared/domain/video';
import type { Library } from '../library';
import { assetPath, assetProbe, getAsset, getDerivative, putDerivative, scratchDir, loadFrameIndex } from './assets';
import { thumbnailStripInvocation, waveformSamplesInvocation, WAVEFORM_RATE } from './ffmpeg/args/derive';
import type { FfmpegTools } from './ffmpeg/binaries';
import { runFfmpeg } from './ffmpeg/runner';

// The trim editor's thumbnail strip and waveform, made once per video and kept in the media store.

const STRIP_COUNT = 24;
const TILE_HEIGHT = 54;
const WAVEFORM_BUCKETS = 1200;

export async function thumbnailStrip(library: Library, tools: FfmpegTools, assetId: number): Promise<ThumbnailStrip> {
  const params = `n${STRIP_COUNT}h${TILE_HEIGHT}`;
  const cached = getDerivative(library, assetId, 'thumbnails', params);
  if (cached) return { sha256: cached.sha256, ...(JSON.parse(cached.meta) as Omit<ThumbnailStrip, 'sha256'>) };
  const asset = getAsset(library, assetId);
  const probe = assetProbe(asset);
  const frames = loadFrameIndex(library, assetId);
  const width = asset.width ?? 16;
  const height = asset.height ?? 9;
  const tileWidth = Math.max(2, Math.round((TILE_HEIGHT * width) / height / 2) * 2);
  const keyframesOnly = probe.durationS > 120 && frames.keyframes.length >= STRIP_COUNT;
  const scratch = scratchDir(library, 'thumbs');
  try {
    const out = path.join(scratch.dir, 'strip.jpg');
    await runFfmpeg(
      tools.ffmpeg,
      thumbnailStripInvocation(
        assetPath(library, asset),
        { count: STRIP_COUNT, tileWidth, tileHeight: TILE_HEIGHT, durationS: probe.durationS, keyframesOnly },
        out,
      ),
      { timeoutMs: 120_000 },
    );
    const meta = { count: STRIP_COUNT, tileWidth, tileHeight: TILE_HEIGHT, intervalS: probe.durationS / STRIP_COUNT };
    const row = await putDerivative(library, assetId, 'thumbnails', params, await readFile(out), 'jpg', 'image/jpeg', meta);
    return { sha256: row.sha256, ...meta };
  } finally {
    scratch.remove();
  }
}

/** Peak level per bucket from 16-bit samples. */
export function peaks(samples: Int16Array, buckets: number): number[] {
  const out = new Array<number>(buckets).fill(0);
  if (samples.length === 0) return out;
  const per = samples.length / buckets;
  for (let b = 0; b < buckets; b++) {
    let max = 0;
    const end = Math.min(samples.length, Math.floor((b + 1) * per));
    for (let i = Math.floor(b * per); i < end; i++) max = Math.max(max, Math.abs(samples[i]!));
    out[b] = Math.round((max / 32768) * 1000) / 1000;
  }
  return out;
}

export async function waveform(library: Library, tools: FfmpegTools, assetId: number): Promise<Waveform> {
  const params = `b${WAVEFORM_BUCKETS}`;
  const asset = getAsset(library, assetId);
  const probe = assetProbe(asset);
  const bucketS = probe.durationS / WAVEFORM_BUCKETS;
  if (!probe.audio) return { peaks: [], bucketS };
  const cached = getDerivative(library, assetId, 'waveform', params);
  const cachedFile = cached && library.media.fileOf(cached);
  if (cachedFile) return JSON.parse(await readFile(cachedFile, 'utf8')) as Waveform;
  const scratch = scratchDir(library, 'wave');
  try {
    const out = path.join(scratch.dir, 'samples.raw');
    await runFfmpeg(tools.ffmpeg, waveformSamplesInvocation(assetPath(library, asset), out), { timeoutMs: 120_000 });
    const raw = await readFile(out);
    const wanted = Math.round(probe.durationS * WAVEFORM_RATE);
    const samples = new Int16Array(raw.buffer, raw.byteOffset, Math.min(Math.floor(raw.length / 2), wanted || Infinity));
    const result: Waveform = { peaks: peaks(samples, WAVEFORM_BUCKETS), bucketS };
    await putDerivative(library, assetId, 'waveform', params, Buffer.from(JSON.stringify(result)), 'json', 'application/json');
    return result;
  } finally {
    scratch.remove();
  }
}
