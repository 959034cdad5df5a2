import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clip, StepPicturesResult } from '../../../shared/domain/clip';
import { frameIndexAt, outputChapters, sourceToOutput } from '../../../shared/clips/timeline';
import { KotaeError } from '../../../shared/errors';
import { storeImage } from '../answers';
import type { Library } from '../library';
import {
  assetPath,
  getAsset,
  loadFrameIndex,
  scratchDir,
  stillFrameInvocation,
  type FfmpegTools,
  runFfmpeg,
} from '../media';
import { getClip, listClips } from './clips';
import { lowerBound } from './frameSearch';
import type { Progress } from './renderClip';

// Step pictures from the recording (issue 21): for each chapter linked to a step of the answer, one
// frame of the RENDERED file, so that redactions and zooms hold in the picture as in the video. The
// frame is the one on screen at the moment the vendor picked on the chapter (source time, mapped to
// the output), or else the last frame before the next chapter begins: by then the step's result
// is on screen. The pictures are stored like pasted screenshots; the editor puts them into the
// steps (one undo takes them all out again).

interface Wanted {
  clip: Clip;
  stepId: string;
  title: string;
  atS: number;
}

/** The output frame (start time) that shows a chapter's picture. Null when the chapter has no frame. */
export function pictureFrame(
  times: readonly number[],
  chapter: { startS: number; endS: number },
  renderedSegments: readonly { startS: number; endS: number }[],
  pictureS: number | null,
): number | null {
  const first = lowerBound(times, chapter.startS);
  const end = lowerBound(times, chapter.endS);
  if (end <= first) return null;
  const wanted = pictureS === null ? end - 1 : frameIndexAt(times, sourceToOutput(renderedSegments, pictureS));
  return times[Math.min(end - 1, Math.max(first, wanted))]!;
}

function wantedPictures(library: Library, answerId: number, result: StepPicturesResult): Wanted[] {
  const wanted: Wanted[] = [];
  const taken = new Set<string>();
  // Most recently edited clip first: a step shown by two clips takes its picture from that one.
  for (const summary of listClips(library, { answerId })) {
    const clip = getClip(library, summary.id);
    if (!clip.chapters.some((c) => c.stepId)) continue;
    const rendered = clip.rendered;
    if (!rendered || clip.stale) {
      // A render older than the edit may lack a redaction added since: never take pictures from it.
      result.skipped.push({ clipId: clip.id, title: clip.title, reason: rendered ? 'stale' : 'notRendered' });
      continue;
    }
    const times = loadFrameIndex(library, rendered.assetId).times;
    for (const chapter of outputChapters(rendered.segments, clip.chapters, rendered.durationS)) {
      if (!chapter.stepId || taken.has(chapter.stepId)) continue;
      const source = clip.chapters.find((c) => c.id === chapter.id);
      const atS = pictureFrame(times, chapter, rendered.segments, source?.pictureS ?? null);
      if (atS === null) continue;
      taken.add(chapter.stepId);
      wanted.push({ clip, stepId: chapter.stepId, title: chapter.title || clip.title, atS });
    }
  }
  return wanted;
}

/** Takes and stores the picture of every step the answer's rendered clips show. */
export async function takeStepPictures(
  library: Library,
  tools: FfmpegTools,
  answerId: number,
  progress: Progress = {},
): Promise<StepPicturesResult> {
  if (!library.db.prepare('SELECT 1 FROM answers WHERE id = ?').get(answerId)) throw new KotaeError('NOT_FOUND', { id: answerId });
  const result: StepPicturesResult = { pictures: [], skipped: [] };
  const wanted = wantedPictures(library, answerId, result);
  const scratch = scratchDir(library, 'pictures');
  try {
    for (const [i, w] of wanted.entries()) {
      if (progress.signal?.aborted) throw new KotaeError('CANCELLED');
      const file = path.join(scratch.dir, `step-${i}.png`);
      const source = assetPath(library, getAsset(library, w.clip.rendered!.assetId));
      await runFfmpeg(tools.ffmpeg, stillFrameInvocation(source, w.atS, file), {
        ...(progress.signal ? { signal: progress.signal } : {}),
      });
      const image = await storeImage(library, `${w.title.slice(0, 80)}.png`, (await readFile(file)).toString('base64'));
      result.pictures.push({
        stepId: w.stepId,
        clipId: w.clip.id,
        atS: w.atS,
        screenshot: { sha256: image.sha256, ext: 'png', alt: w.title.slice(0, 300) },
      });
      progress.onProgress?.((i + 1) / wanted.length, 'jobs:phase.render');
    }
  } finally {
    scratch.remove();
  }
  return result;
}
