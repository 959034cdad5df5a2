import { stat } from 'node:fs/promises';
import path from 'node:path';
import { renderEmailRendition } from '../media';
import type { BundleEntry, FileEntry } from './zip/writeBundle';

/**
 * Replaces the bundle's videos by their smaller e-mail renditions, rendered into `dir`; progress
 * runs from 0 to `share` of the whole export. The plan already named them `.mp4`.
 */
export async function renderSmallerVideos(
  entries: BundleEntry[],
  clips: { id: number; output: { durationS: number | null } | null }[],
  dir: string,
  env: { ffmpegPath?: string | undefined },
  job: { signal: AbortSignal; progress(fraction: number, phase?: string): void },
  share: number,
): Promise<BundleEntry[]> {
  job.progress(0, 'bundle:phase.render');
  const videos = entries.filter(
    (e): e is FileEntry => e.kind === 'file' && e.path.startsWith('media/video-'),
  );
  const replaced = new Map<string, FileEntry>();
  for (const [i, video] of videos.entries()) {
    const output = path.join(dir, `video-${i + 1}.mp4`);
    await renderEmailRendition(video.file, output, {
      tools: { ffmpegPath: env.ffmpegPath ?? null },
      durationS: clips[i]?.output?.durationS ?? null,
      signal: job.signal,
      onProgress: (f) => job.progress(share * ((i + f) / videos.length)),
    });
    replaced.set(video.path, {
      ...video,
      file: output,
      size: (await stat(output)).size,
      expectedSha256: null,
      crc32: null,
    });
  }
  return entries.map((e) => replaced.get(e.path) ?? e);
}
