import { z } from 'zod';
import { Id, Sha256, Timestamp } from './common';

// A clip is an edit of one source video: the parts kept, chapters (optionally linked to answer
// steps), captions per chapter, and how it is rendered. Times in `segments`, `chapters` and the
// plan are seconds in SOURCE time, measured as ffmpeg's `-ss` measures them: from the start of the
// file (first timestamp of any stream). Times in `rendered` are seconds in the OUTPUT file.
// Bundles (issue 7) and the FAQ read clips through these schemas.

/** A kept range [startS, endS): the frames whose timestamp t satisfies startS <= t < endS. */
export const Segment = z
  .object({ startS: z.number().min(0), endS: z.number().min(0) })
  .refine((s) => s.endS > s.startS, 'a segment must end after it starts');
export type Segment = z.infer<typeof Segment>;

export const Chapter = z.object({
  id: z.string().min(1).max(40),
  title: z.string().max(200),
  /** Where the chapter starts, in source time; it ends where the next one starts. */
  startS: z.number().min(0),
  /** The `stepId` of a `kotae-step` in the clip's answer, when the chapter shows that step. */
  stepId: z.string().max(100).nullable().default(null),
});
export type Chapter = z.infer<typeof Chapter>;

/** One caption per chapter: shown while the chapter plays. Prefilled from the linked step's text. */
export const Caption = z.object({
  chapterId: z.string().min(1).max(40),
  text: z.string().max(2000),
});
export type Caption = z.infer<typeof Caption>;

export const RenderMode = z.enum(['lossless', 'accurate', 'smart']);
export type RenderMode = z.infer<typeof RenderMode>;

/** Largest output height; the width follows the source's shape. 'source' keeps the size. */
export const OutputResolution = z.enum(['source', '2160', '1080', '720', '480']);
export type OutputResolution = z.infer<typeof OutputResolution>;

export const RenderOptions = z.object({
  resolution: OutputResolution.default('source'),
  /** Aim for a file of about this size (megabytes) for sending; null = quality first. */
  targetSizeMb: z.number().min(1).max(4000).nullable().default(null),
  /** Draw the captions into the picture (needs a full re-encode). */
  burnCaptions: z.boolean().default(false),
});
export type RenderOptions = z.infer<typeof RenderOptions>;

export const ClipEdit = z.object({
  title: z.string().max(200),
  answerId: Id.nullable(),
  segments: z.array(Segment).min(1).max(500),
  chapters: z.array(Chapter).max(200),
  captions: z.array(Caption).max(200),
  renderMode: RenderMode,
  options: RenderOptions,
});
export type ClipEdit = z.infer<typeof ClipEdit>;

/** A chapter of a rendered file, in output time. */
export const RenderedChapter = z.object({
  title: z.string(),
  startS: z.number(),
  endS: z.number(),
  stepId: z.string().nullable(),
});
export type RenderedChapter = z.infer<typeof RenderedChapter>;

/** What the last render produced: the file, its chapters and the sidecar WebVTT files. */
export const RenderedClip = z.object({
  assetId: Id,
  sha256: Sha256,
  /** The mode that really ran (smart may fall back to accurate). */
  mode: RenderMode,
  requestedMode: RenderMode,
  fallback: z.string().nullable(),
  /** Kept source ranges as rendered (lossless: snapped to keyframes). */
  segments: z.array(z.object({ startS: z.number(), endS: z.number() })),
  chapters: z.array(RenderedChapter),
  chaptersVtt: Sha256,
  captionsVtt: Sha256.nullable(),
  durationS: z.number(),
  width: z.number().int(),
  height: z.number().int(),
  renderedAt: Timestamp,
});
export type RenderedClip = z.infer<typeof RenderedClip>;

export const Clip = ClipEdit.extend({
  id: Id,
  assetId: Id,
  /** The edit changed after the last render: the output no longer matches it. */
  stale: z.boolean(),
  rendered: RenderedClip.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Clip = z.infer<typeof Clip>;

export const ClipSummary = z.object({
  id: Id,
  assetId: Id,
  title: z.string(),
  sourceName: z.string(),
  sourceSha256: Sha256,
  sourceDurationS: z.number().nullable(),
  editDurationS: z.number(),
  renderMode: RenderMode,
  chapterCount: z.number().int(),
  rendered: z.boolean(),
  stale: z.boolean(),
  answerId: Id.nullable(),
  updatedAt: Timestamp,
});
export type ClipSummary = z.infer<typeof ClipSummary>;

// ---- the plan: where each cut really falls, before anything is rendered ----

/** Why smart or lossless cannot run as asked (an i18n key under `videos:fallback.`). */
export const FallbackReason = z.enum([
  'notH264',
  'pixelFormat',
  'interlaced',
  'rotated',
  'reordering',
  'resize',
  'targetSize',
  'burnCaptions',
  'tooLarge',
  'noVideoIndex',
  /** The ffmpeg in use is older than 5.0: its stream copy cannot start exactly at a cut. */
  'oldFfmpeg',
]);
export type FallbackReason = z.infer<typeof FallbackReason>;

export const PlanPart = z.object({
  kind: z.enum(['copy', 'encode']),
  startS: z.number(),
  endS: z.number(),
});
export type PlanPart = z.infer<typeof PlanPart>;

export const PlanSegment = z.object({
  /** What the vendor asked for. */
  requested: z.object({ startS: z.number(), endS: z.number() }),
  /** Where the cuts really fall (lossless snaps to keyframes; the others are frame-exact). */
  actual: z.object({ startS: z.number(), endS: z.number() }),
  parts: z.array(PlanPart),
});
export type PlanSegment = z.infer<typeof PlanSegment>;

export const RenderPlanSummary = z.object({
  requestedMode: RenderMode,
  mode: RenderMode,
  /** Set when the requested mode cannot run: smart falls back to accurate; lossless is refused. */
  fallback: FallbackReason.nullable(),
  /** Lossless only: true when it cannot run at all for this source (the UI disables it). */
  refused: z.boolean(),
  segments: z.array(PlanSegment),
  outputDurationS: z.number(),
  audio: z.enum(['copy', 'encode', 'none']),
  width: z.number().int(),
  height: z.number().int(),
  /** Share of the output that is re-encoded (0 for lossless, 1 for accurate). */
  reencodedShare: z.number(),
});
export type RenderPlanSummary = z.infer<typeof RenderPlanSummary>;
