import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MediaProbe } from '../../../shared/domain/video';
import { KotaeError } from '../../../shared/errors';
import { produceAtomically } from '../files';
import {
  adtsFrames,
  pickAudioFrames,
  type FfmpegTools,
  ffmetadata,
  type ChapterMark,
  cleanupDelayInvocation,
  clickDelayS,
  measureNarrationInvocation,
  narrationFilters,
  parseLoudnorm,
  accurateInvocation,
  concatScript,
  copyPartInvocation,
  encodePartInvocation,
  extractAudioInvocation,
  finalMuxInvocation,
  moovEstimate,
  type AudioSource,
  type FinalMux,
  type VideoSource,
  type X264Settings,
  runFfmpeg,
  type FfmpegInvocation,
  type FrameIndex,
} from '../media';
import { partEffects } from './effects';
import { runOrder } from './partOrder';
import type { RenderPlan } from './plan';

// Executes a render plan: ffmpeg runs into a private working folder, the result written to a temp
// name beside the target and renamed into place only when everything succeeded. A failed or
// cancelled render leaves no file behind, and the source is only ever read.

export interface RenderJob {
  tools: FfmpegTools;
  sourcePath: string;
  probe: MediaProbe;
  frames: FrameIndex;
  plan: RenderPlan;
  /** Chapters in output time. */
  chapters: readonly ChapterMark[];
  /** WebVTT captions in output time, drawn into the picture (accurate mode only). */
  burnCaptionsVtt: string | null;
  title: string;
  outputFile: string;
  workDir: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number, phase: string) => void;
  onStep?: RenderStepListener;
}

/** Hears each step of a render (`name` says which) start and end, synchronously. */
export type RenderStepListener = (name: string, edge: 'start' | 'end') => void;

async function step<T>(job: RenderJob, name: string, work: () => Promise<T>): Promise<T> {
  job.onStep?.(name, 'start');
  try {
    return await work();
  } finally {
    job.onStep?.(name, 'end');
  }
}

function x264For(plan: RenderPlan): X264Settings {
  return { ...plan.video };
}

/** Redactions and zooms of the frames [startS, endS), measured on the picture as displayed. */
function effectsFor(job: RenderJob, part: { startS: number; endS: number }) {
  const v = job.probe.video!;
  const size = v.rotation % 180 === 0 ? { width: v.width, height: v.height } : { width: v.height, height: v.width };
  return partEffects(job.plan.effects, part, size, job.plan.zoomEased);
}

type AudioSegments = { seekS: number; startS: number; endS: number }[];

function audioSegments(plan: RenderPlan): AudioSegments {
  return plan.segments.map((s) => ({ seekS: s.startS, startS: s.startS, endS: s.endS }));
}

const cleanupDelays = new Map<string, Promise<number>>();

/** How late this ffmpeg's noise reduction hands the sound on (measured once per binary). */
function cleanupDelay(job: RenderJob): Promise<number> {
  const key = job.tools.ffmpeg.path;
  let known = cleanupDelays.get(key);
  if (!known) {
    const file = path.join(job.workDir, 'click.f32');
    known = run(job, 'narration-delay', cleanupDelayInvocation(file), 1.5).then(async () => {
      const bytes = await readFile(file);
      return clickDelayS(new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4)));
    });
    // A failed or cancelled measurement is not remembered: the next render measures again.
    known.catch(() => cleanupDelays.delete(key));
    cleanupDelays.set(key, known);
  }
  return known;
}

/**
 * Clean narration's audio filters: the first loudnorm pass measures the cleaned sound of the kept
 * segments, the filters apply it. Null when the plan keeps the sound as it is.
 */
async function narrationFor(job: RenderJob, segments: AudioSegments, progress?: (f: number) => void): Promise<string | null> {
  if (!job.plan.cleanNarration) return null;
  const delayS = await cleanupDelay(job);
  const stderr = await run(job, 'narration-measure', measureNarrationInvocation({ path: job.sourcePath }, segments), job.plan.outputDurationS, progress);
  return narrationFilters(parseLoudnorm(stderr), delayS, job.plan.outputDurationS);
}

async function run(
  job: RenderJob,
  name: string,
  inv: FfmpegInvocation,
  durationS: number,
  onProgress?: (f: number) => void,
): Promise<string> {
  return step(job, name, () =>
    runFfmpeg(job.tools.ffmpeg, inv, {
      ...(job.signal ? { signal: job.signal } : {}),
      outputDurationS: durationS,
      ...(onProgress ? { onProgress } : {}),
      cwd: job.workDir,
    }),
  );
}

/** Runs the final mux with the moov reserved up front; if the estimate was short, with faststart. */
async function mux(job: RenderJob, m: FinalMux, onProgress: (f: number) => void): Promise<void> {
  try {
    await run(job, 'mux', finalMuxInvocation(m), job.plan.outputDurationS, onProgress);
  } catch (err) {
    if (m.moovBytes && err instanceof KotaeError && /moov/i.test(err.detail ?? '')) {
      await run(job, 'mux', finalMuxInvocation({ ...m, moovBytes: null }), job.plan.outputDurationS, onProgress);
    } else throw err;
  }
}

function expectedAudioPackets(job: RenderJob): number {
  const packetS = job.frames.audio?.packetS || 1024 / 48000;
  return job.plan.audio === 'none' ? 0 : Math.ceil(job.plan.outputDurationS / packetS) + 2;
}

function expectedFrames(plan: RenderPlan): number {
  return plan.segments.reduce((n, s) => n + (s.end - s.first), 0);
}

async function writeMetadata(job: RenderJob): Promise<string | null> {
  if (job.chapters.length === 0) return null;
  const file = path.join(job.workDir, 'chapters.ffmeta');
  await writeFile(file, ffmetadata(job.title, job.chapters));
  return file;
}

/** Audio for a parts render: chosen ADTS frames of the source's AAC, or re-encoded from the source. */
async function audioForParts(job: RenderJob, progress: (f: number) => void): Promise<AudioSource> {
  const { plan, frames } = job;
  const src = { path: job.sourcePath };
  if (plan.audio === 'none') return { kind: 'none' };
  const segments = audioSegments(plan);
  const encode: AudioSource = { kind: 'encode', src, segments, filters: await narrationFor(job, segments, progress) };
  if (plan.audio === 'encode' || !frames.audio) return encode;
  const extracted = path.join(job.workDir, 'source-audio.aac');
  await run(job, 'audio-extract', extractAudioInvocation(src, extracted), 0);
  progress(1);
  const data = await readFile(extracted);
  const adts = adtsFrames(data);
  // Only when ffmpeg handed over exactly the packets we indexed do frame numbers mean times.
  if (Math.abs(adts.length - frames.audio.count) > 0) return encode;
  const pick = pickAudioFrames(plan.segments, frames.audio);
  const chunks: Buffer[] = [];
  for (const r of pick.ranges) {
    for (let i = r.first; i < r.first + r.count; i++) {
      const f = adts[i]!;
      chunks.push(data.subarray(f.offset, f.offset + f.length));
    }
  }
  const file = path.join(job.workDir, 'audio.aac');
  await writeFile(file, Buffer.concat(chunks));
  return { kind: 'adts', file, offsetS: pick.offsetS };
}

/** Smart cuts and multi-part lossless: video parts into MPEG-TS, joined by exact durations. */
async function renderParts(outer: RenderJob, target: string): Promise<void> {
  // Parts run side by side: when one fails, the others are stopped too (none may outlive the job).
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  outer.signal?.addEventListener('abort', onAbort);
  try {
    await renderPartsWith({ ...outer, signal: stop.signal }, target, () => stop.abort());
  } catch (err) {
    stop.abort();
    throw outer.signal?.aborted ? new KotaeError('CANCELLED') : err;
  } finally {
    outer.signal?.removeEventListener('abort', onAbort);
  }
}

async function renderPartsWith(job: RenderJob, target: string, stopAll: () => void): Promise<void> {
  const { plan } = job;
  const src = { path: job.sourcePath };
  const parts = plan.segments.flatMap((s) => s.parts);
  // Weights for one progress bar: encoding costs about 30 times more per second than copying.
  const cost = parts.map((p) => (p.endS - p.startS) * (p.kind === 'encode' ? 1 : 0.03));
  const muxCost = plan.outputDurationS * (plan.cleanNarration ? 0.05 : 0.02);
  const audioCost = plan.audio === 'copy' || plan.cleanNarration ? plan.outputDurationS * 0.01 : 0;
  const total = cost.reduce((a, b) => a + b, 0) + muxCost + audioCost || 1;
  const done = new Array<number>(parts.length).fill(0);
  let audioDone = 0;
  const report = (muxFraction = 0) =>
    job.onProgress?.(
      (done.reduce((sum, f, i) => sum + f * cost[i]!, 0) + audioDone * audioCost + muxFraction * muxCost) / total,
      'jobs:phase.render',
    );

  const names = parts.map((_, i) => `part-${String(i).padStart(3, '0')}.ts`);
  const order = runOrder(parts, plan.effects.zooms);
  let next = 0;
  // Two at a time, costliest first: a copy part (disk) runs beside an encode part (CPU) on two cores.
  const worker = async () => {
    while (next < order.length) {
      const i = order[next++]!;
      const part = parts[i]!;
      const file = path.join(job.workDir, names[i]!);
      const onProgress = (f: number) => {
        done[i] = f;
        report();
      };
      if (part.kind === 'copy') await run(job, `copy ${names[i]}`, copyPartInvocation(src, part, file), part.endS - part.startS, onProgress);
      else {
        const inv = encodePartInvocation(src, part, x264For(plan), file, effectsFor(job, part));
        await run(job, `encode ${names[i]}`, inv, part.endS - part.startS, onProgress);
      }
      done[i] = 1;
      report();
    }
  };
  const failFast = <T>(p: Promise<T>) =>
    p.catch((err: unknown) => {
      stopAll();
      throw err;
    });
  const results = await step(job, 'parts', () =>
    Promise.allSettled([
      failFast(
        audioForParts(job, (f) => {
          audioDone = f;
          report();
        }),
      ),
      failFast(worker()),
      failFast(worker()),
    ]),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const audio = (results[0] as PromiseFulfilledResult<AudioSource>).value;
  const listFile = path.join(job.workDir, 'parts.ffconcat');
  await writeFile(listFile, concatScript(parts.map((p, i) => ({ file: names[i]!, durationS: p.endS - p.startS }))));
  const video: VideoSource = { kind: 'concat', listFile };
  await mux(
    job,
    {
      video,
      audio,
      metadataFile: await writeMetadata(job),
      audioKbps: plan.audioKbps,
      moovBytes: moovEstimate(expectedFrames(plan), expectedAudioPackets(job), job.chapters.length),
      title: job.title,
      outputFile: target,
    },
    (f) => report(f),
  );
}

/** Lossless with one segment: straight from the source into the MP4, in one pass. */
async function renderDirect(job: RenderJob, target: string): Promise<void> {
  const { plan } = job;
  const seg = plan.segments[0]!;
  const part = seg.parts[0]!;
  if (part.kind !== 'copy') throw new Error('direct render needs a copy part');
  const src = { path: job.sourcePath };
  const segments = audioSegments(plan);
  const audio: AudioSource =
    plan.audio === 'copy'
      ? { kind: 'directCopy', src, startS: seg.startS, durationS: seg.endS - seg.startS }
      : plan.audio === 'encode'
        ? { kind: 'encode', src, segments, filters: await narrationFor(job, segments) }
        : { kind: 'none' };
  await mux(
    job,
    {
      video: { kind: 'direct', src, startS: part.startS, dtsCutS: part.dtsCutS },
      audio,
      metadataFile: await writeMetadata(job),
      audioKbps: plan.audioKbps,
      moovBytes: moovEstimate(expectedFrames(plan), expectedAudioPackets(job), job.chapters.length),
      title: job.title,
      outputFile: target,
    },
    (f) => job.onProgress?.(f, 'jobs:phase.render'),
  );
}

async function renderAccurate(job: RenderJob, target: string): Promise<void> {
  const { plan } = job;
  let captions: string | null = null;
  if (job.burnCaptionsVtt) {
    captions = 'captions.vtt';
    await writeFile(path.join(job.workDir, captions), job.burnCaptionsVtt);
  }
  const audioFilters = plan.audio === 'none' ? null : await narrationFor(job, audioSegments(plan));
  await run(
    job,
    'accurate',
    accurateInvocation({
      src: { path: job.sourcePath },
      segments: plan.segments.map((s) => {
        const p = s.parts[0]!;
        return { seekS: p.kind === 'encode' ? p.seekS : s.startS, startS: s.startS, endS: s.endS };
      }),
      effects: plan.segments.map((s) => effectsFor(job, s)),
      audio: plan.audio !== 'none',
      audioFilters,
      x264: x264For(plan),
      audioKbps: plan.audioKbps,
      scale: plan.video.scale,
      burnCaptions: captions,
      metadataFile: await writeMetadata(job),
      title: job.title,
      outputFile: target,
    }),
    plan.outputDurationS,
    (f) => job.onProgress?.(f, 'jobs:phase.render'),
  );
}

/** Renders the plan into job.outputFile (temp file + rename): all of it or nothing. */
export async function renderToFile(job: RenderJob): Promise<void> {
  const { plan } = job;
  if (plan.refused) {
    throw new KotaeError(
      'MEDIA_INVALID',
      { reason: plan.fallback ?? 'notH264' },
      `lossless refused: ${plan.fallback}`,
      `videos:errors.losslessRefused.${plan.fallback ?? 'notH264'}`,
    );
  }
  await produceAtomically(job.outputFile, async (tmp) => {
    if (plan.mode === 'accurate') await renderAccurate(job, tmp);
    else if (plan.mode === 'lossless' && plan.segments.length === 1) await renderDirect(job, tmp);
    else await renderParts(job, tmp);
  });
}
