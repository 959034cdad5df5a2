import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';

// MERGE NOTE (issue 6): the smaller "for e-mail" rendition of a clip belongs to the media service
// (electron/core/media/ffmpeg/ owns ffmpeg's command line). It was not there when bundles were
// written, so this small module does it; at merge, make `renderEmailRendition` call the media
// service's render and delete the rest of this file. Bundles call nothing else here.

/** Caps for the e-mail rendition: a screen recording stays readable at 960 px wide. */
export const EMAIL_RENDITION = { maxWidth: 960, crf: 30, maxrateKbps: 700, audioKbps: 64 } as const;

/** An honest upper bound of the rendition's size from the clip's duration (the bit rate is capped). */
export function estimateEmailBytes(durationS: number | null, originalBytes: number): number {
  if (durationS === null || !Number.isFinite(durationS) || durationS <= 0) return originalBytes;
  const bytesPerSecond = ((EMAIL_RENDITION.maxrateKbps + EMAIL_RENDITION.audioKbps) * 1000) / 8;
  return Math.min(originalBytes, Math.ceil(durationS * bytesPerSecond) + 64 * 1024);
}

export function emailRenditionArgs(input: string, output: string): string[] {
  const { maxWidth, crf, maxrateKbps, audioKbps } = EMAIL_RENDITION;
  return [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-i',
    input,
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-vf',
    // Never upscale; keep both sides even (yuv420p needs it).
    `scale='trunc(min(${maxWidth},iw)/2)*2':-2`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    String(crf),
    '-maxrate',
    `${maxrateKbps}k`,
    '-bufsize',
    `${maxrateKbps * 2}k`,
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    `${audioKbps}k`,
    '-ac',
    '1',
    '-movflags',
    '+faststart',
    '-progress',
    'pipe:1',
    '-nostats',
    output,
  ];
}

/** Seconds of output written so far, from one chunk of `-progress pipe:1` output (null if none). */
export function progressSeconds(chunk: string): number | null {
  let latest: number | null = null;
  for (const match of chunk.matchAll(/^out_time_(?:us|ms)=(\d+)$/gm)) latest = Number(match[1]) / 1e6;
  return latest;
}

export function defaultFfmpegPath(): string {
  try {
    const require = createRequire(import.meta.url);
    // Packaged, the binary is unpacked beside app.asar (electron-builder.yml asarUnpack).
    const installed = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path.replace(
      `app.asar${path.sep}`,
      `app.asar.unpacked${path.sep}`,
    );
    if (existsSync(installed)) return installed;
  } catch {
    /* no bundled binary for this platform: fall back to the system's */
  }
  return existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : 'ffmpeg';
}

export interface RenditionOptions {
  ffmpegPath: string;
  durationS: number | null;
  signal: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Writes the smaller rendition of `input` to `output` (an .mp4 path that does not exist yet). */
export function renderEmailRendition(
  input: string,
  output: string,
  options: RenditionOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) return reject(new KotaeError('CANCELLED'));
    const child = spawn(options.ffmpegPath, emailRenditionArgs(input, output), {
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const seconds = progressSeconds(chunk);
      if (seconds !== null && options.durationS)
        options.onProgress?.(Math.min(1, seconds / options.durationS));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (options.signal.aborted) reject(new KotaeError('CANCELLED'));
      else if (err.code === 'ENOENT') reject(new KotaeError('FFMPEG_MISSING', {}, err.message));
      else reject(new KotaeError('FFMPEG_FAILED', { reason: err.message }, err.message));
    });
    child.on('close', (code) => {
      if (options.signal.aborted) return reject(new KotaeError('CANCELLED'));
      if (code === 0) return resolve();
      const last = stderr.trim().split('\n').pop() ?? '';
      reject(new KotaeError('FFMPEG_FAILED', { reason: last }, stderr));
    });
  });
}
