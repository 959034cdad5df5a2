import path from 'node:path';
import type { Clip, RenderedClip, RenderMode, RenderOptions, RenderPlanSummary, Segment } from '../../../shared/domain/clip';
import {
  needsLegacyArgs,
  assetPath,
  assetProbe,
  findAssetBySha,
  getAsset,
  loadFrameIndex,
  scratchDir,
  type FfmpegTools,
  type ResolvedTool,
  storeVideoFile,
} from '../media';
import { outputCaptions, outputChapters } from '../../../shared/clips/timeline';
import { webVtt } from '../../../shared/clips/webvtt';
import type { Library } from '../library';
import { getClip, recordRender } from './clips';
import { planRender, summarisePlan, type PlanCapabilities, type PlanRegions, type RenderPlan } from './plan';
import { renderToFile, type RenderStepListener } from './render';
import { assertOutputFolder } from '../files';

export interface Progress {
  signal?: AbortSignal;
  onProgress?: (fraction: number, phase: string) => void;
  /** Hears each step of the render (an ffmpeg run, a phase) start and end: the bench times them. */
  onStep?: RenderStepListener;
}

/** An edit as the renderer needs it (redactions and zooms default to none, as in the CLI's trim). */
export type RenderableEdit = Pick<Clip, 'assetId' | 'segments' | 'chapters' | 'captions' | 'renderMode' | 'options' | 'title'> &
  Partial<PlanRegions>;

interface PlanInput {
  segments: readonly Segment[];
  renderMode: RenderMode;
  options: RenderOptions;
  redactions?: PlanRegions['redactions'];
  zooms?: PlanRegions['zooms'];
}

/** What the plan may count on from this ffmpeg (ffmpeg < 5.0: no exact copy cuts, no eased zoom). */
export function capabilitiesOf(ffmpeg: Pick<ResolvedTool, 'exactCopyCuts' | 'avformatMajor'>): PlanCapabilities {
  return { exactCopyCuts: ffmpeg.exactCopyCuts, easedZoom: !needsLegacyArgs(ffmpeg.avformatMajor) };
}

function planFor(library: Library, assetId: number, edit: PlanInput, capabilities: PlanCapabilities) {
  const asset = getAsset(library, assetId);
  const probe = assetProbe(asset);
  const frames = loadFrameIndex(library, assetId);
  const regions = { redactions: edit.redactions ?? [], zooms: edit.zooms ?? [] };
  return { asset, probe, frames, plan: planRender(probe, frames, edit.segments, edit.renderMode, edit.options, capabilities, regions) };
}

/**
 * Where the cuts of this edit would really fall, for the editor to show before rendering.
 * `capabilities` come from the ffmpeg that would render (an old one makes lossless/smart accurate).
 */
export function planClip(
  library: Library,
  assetId: number,
  edit: PlanInput,
  capabilities: PlanCapabilities = { exactCopyCuts: true },
): RenderPlanSummary {
  return summarisePlan(planFor(library, assetId, edit, capabilities).plan);
}

async function storeText(library: Library, text: string, name: string): Promise<string> {
  const stored = await library.media.addBuffer(Buffer.from(text, 'utf8'), 'vtt');
  if (!findAssetBySha(library, stored.sha256)) {
    library.mutate({ action: 'media.add', entity: 'media_asset', summary: name }, (db) =>
      db
        .prepare(
          `INSERT INTO media_assets (sha256, kind, original_name, mime, ext, size, created_at, origin)
           VALUES (?, 'file', ?, 'text/vtt', 'vtt', ?, ?, 'render')`,
        )
        .run(stored.sha256, name, stored.size, library.now()),
    );
  }
  return stored.sha256;
}

function safeFileName(title: string): string {
  const printable = [...(title.trim() || 'clip')].map((c) => (c.charCodeAt(0) < 32 ? '_' : c)).join('');
  return printable.replace(/[\\/:*?"<>|]/g, '_').slice(0, 80);
}

interface Rendered {
  plan: RenderPlan;
  chapters: ReturnType<typeof outputChapters>;
  captions: ReturnType<typeof outputCaptions>;
}

async function renderEdit(
  library: Library,
  tools: FfmpegTools,
  clip: RenderableEdit,
  outputFile: string,
  workDir: string,
  progress: Progress,
): Promise<Rendered> {
  const { asset, probe, frames, plan } = planFor(library, clip.assetId, clip, capabilitiesOf(tools.ffmpeg));
  const actual = plan.segments.map((s) => ({ startS: s.startS, endS: s.endS }));
  const chapters = outputChapters(actual, clip.chapters, plan.outputDurationS);
  const captions = outputCaptions(chapters, clip.captions);
  await renderToFile({
    tools,
    sourcePath: assetPath(library, asset),
    probe,
    frames,
    plan,
    chapters: chapters.map((c) => ({ title: c.title, startS: c.startS, endS: c.endS })),
    burnCaptionsVtt: clip.options.burnCaptions && captions.length ? webVtt(captions) : null,
    title: clip.title,
    outputFile,
    workDir,
    ...(progress.signal ? { signal: progress.signal } : {}),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    ...(progress.onStep ? { onStep: progress.onStep } : {}),
  });
  return { plan, chapters, captions };
}

/** Renders a clip into the library: the MP4, its chapters and captions as WebVTT, recorded on the clip. */
export async function renderClip(library: Library, tools: FfmpegTools, clipId: number, progress: Progress = {}): Promise<Clip> {
  const clip = getClip(library, clipId);
  const scratch = scratchDir(library, 'render');
  try {
    const out = path.join(scratch.dir, 'clip.mp4');
    const { plan, chapters, captions } = await renderEdit(library, tools, clip, out, scratch.dir, progress);
    progress.onProgress?.(0.98, 'jobs:phase.store');
    const name = safeFileName(clip.title);
    const stored = await storeVideoFile(library, tools, out, {
      name: `${name}.mp4`,
      origin: 'render',
      ...(progress.signal ? { signal: progress.signal } : {}),
    });
    const chaptersVtt = await storeText(
      library,
      webVtt(chapters.map((c) => ({ startS: c.startS, endS: c.endS, text: c.title }))),
      `${name}.chapters.vtt`,
    );
    const captionsVtt = captions.length ? await storeText(library, webVtt(captions), `${name}.captions.vtt`) : null;
    const v = stored.probe.video!;
    const rendered: RenderedClip = {
      assetId: stored.assetId,
      sha256: stored.sha256,
      mode: plan.mode,
      requestedMode: plan.requestedMode,
      fallback: plan.fallback,
      segments: plan.segments.map((s) => ({ startS: s.startS, endS: s.endS })),
      chapters: chapters.map((c) => ({ title: c.title, startS: c.startS, endS: c.endS, stepId: c.stepId })),
      chaptersVtt,
      captionsVtt,
      durationS: stored.probe.durationS,
      width: v.rotation % 180 === 0 ? v.width : v.height,
      height: v.rotation % 180 === 0 ? v.height : v.width,
      renderedAt: library.now(),
    };
    return recordRender(library, clipId, rendered);
  } finally {
    scratch.remove();
  }
}

/** The CLI's trim: the same plan and render, written to a file of the user's choosing. */
export async function trimToFile(
  library: Library,
  tools: FfmpegTools,
  edit: RenderableEdit,
  outputFile: string,
  progress: Progress = {},
): Promise<RenderPlanSummary> {
  // Before minutes of rendering, not at the final rename.
  assertOutputFolder(outputFile);
  const scratch = scratchDir(library, 'trim');
  try {
    const { plan } = await renderEdit(library, tools, edit, path.resolve(outputFile), scratch.dir, progress);
    return summarisePlan(plan);
  } finally {
    scratch.remove();
  }
}
