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
  /**
   * The moment (source time) whose rendered frame becomes the linked step's picture; null = the
   * last frame before the next chapter starts (the step's result is on screen by then).
   */
  pictureS: z.number().min(0).nullable().default(null),
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
  /**
   * Remove hum and steady noise from the narration and even its loudness (two-pass loudnorm to
   * -16 LUFS, true peak -1.5 dBTP). The sound is re-encoded in every mode; the picture is not.
   */
  cleanNarration: z.boolean().default(false),
});
export type RenderOptions = z.infer<typeof RenderOptions>;

// ---- redaction and zoom (issue 21): rectangles over time ranges of the source ----

/**
 * A rectangle on the picture as shares of its displayed width and height (0..1, top left origin,
 * after rotation): it means the same place at any render size.
 */
export const Rect = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    w: z.number().min(0.005).max(1),
    h: z.number().min(0.005).max(1),
  })
  .refine((r) => r.x + r.w <= 1 + 1e-6 && r.y + r.h <= 1 + 1e-6, 'the rectangle must lie inside the picture');
export type Rect = z.infer<typeof Rect>;

export const RedactionStyle = z.enum(['blur', 'pixelate', 'box']);
export type RedactionStyle = z.infer<typeof RedactionStyle>;

const spanEnds = (s: { startS: number; endS: number }) => s.endS > s.startS;

/**
 * A part of the picture hidden over [startS, endS) of source time (the frames whose timestamp t
 * satisfies startS <= t < endS, as a segment), frame-exact at both ends.
 */
export const Redaction = z
  .object({
    id: z.string().min(1).max(40),
    startS: z.number().min(0),
    endS: z.number().min(0),
    rect: Rect,
    /**
     * Where the rectangle is on the span's last frame when it follows something that moves: it
     * travels in a straight line from `rect`; null = it stays put. The hidden box is as large as
     * the larger of the two, so neither position is ever uncovered.
     */
    rectTo: Rect.nullable().default(null),
    style: RedactionStyle.default('blur'),
  })
  .refine(spanEnds, 'a redaction must end after it starts');
export type Redaction = z.infer<typeof Redaction>;

/**
 * A part of the picture enlarged to fill it over [startS, endS) of source time, easing in from the
 * whole picture and back out. The rectangle is widened to the picture's shape around its centre.
 */
export const ZoomRegion = z
  .object({
    id: z.string().min(1).max(40),
    startS: z.number().min(0),
    endS: z.number().min(0),
    rect: Rect,
    /** Seconds to zoom in at the start and out at the end (shortened to half a short span). */
    easeS: z.number().min(0).max(5).default(0.5),
  })
  .refine(spanEnds, 'a zoom must end after it starts');
export type ZoomRegion = z.infer<typeof ZoomRegion>;

export const ClipEdit = z.object({
  title: z.string().max(200),
  answerId: Id.nullable(),
  segments: z.array(Segment).min(1).max(500),
  chapters: z.array(Chapter).max(200),
  captions: z.array(Caption).max(200),
  renderMode: RenderMode,
  options: RenderOptions,
  redactions: z.array(Redaction).max(200).default([]),
  /** Zoom regions never overlap in time (one picture cannot show two enlargements). */
  zooms: z.array(ZoomRegion).max(200).default([]),
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

/** A caption of a rendered file, in output time, its text as written (shown as text, never markup). */
export const CaptionCue = z.object({ startS: z.number(), endS: z.number(), text: z.string() });
export type CaptionCue = z.infer<typeof CaptionCue>;

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
  /** Lossless only: hiding part of the picture needs its frames re-encoded (smart or accurate). */
  'redaction',
  /** Lossless only: a zoom needs its frames re-encoded (smart or accurate). */
  'zoom',
]);
export type FallbackReason = z.infer<typeof FallbackReason>;

/** Why a part of a smart render is re-encoded (an i18n key under `videos:render.why.`). */
export const EncodeReason = z.enum(['inPoint', 'outPoint', 'redaction', 'zoom']);
export type EncodeReason = z.infer<typeof EncodeReason>;

export const PlanPart = z.object({
  kind: z.enum(['copy', 'encode']),
  startS: z.number(),
  endS: z.number(),
  /** Smart mode: what made this part re-encoded (empty for copies and for accurate renders). */
  why: z.array(EncodeReason).default([]),
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
  /** The sound is cleaned (and therefore re-encoded) before it is written. */
  cleanNarration: z.boolean().default(false),
  /** Redactions and zooms that fall inside the kept parts (others are not in the output). */
  redactions: z.number().int().default(0),
  zooms: z.number().int().default(0),
  /** False with an ffmpeg older than 5.0: zooms cut in and out instead of easing. */
  zoomEased: z.boolean().default(true),
});
export type RenderPlanSummary = z.infer<typeof RenderPlanSummary>;

// ---- step pictures: frames of the rendered output put into the answer's steps ----

export const StepPicture = z.object({
  stepId: z.string().max(100),
  clipId: Id,
  /** Where in the rendered file the frame was taken (output time). */
  atS: z.number(),
  screenshot: z.object({ sha256: Sha256, ext: z.enum(['png', 'jpg']), alt: z.string().max(300) }),
});
export type StepPicture = z.infer<typeof StepPicture>;

/** A rendered clip copied to a file the vendor chose ("Save video as…"). */
export const SavedVideo = z.object({ file: z.string(), bytes: z.number().int() });
export type SavedVideo = z.infer<typeof SavedVideo>;

export const StepPicturesResult = z.object({
  pictures: z.array(StepPicture),
  /** Clips of the answer whose chapters link steps but whose file cannot be used, and why. */
  skipped: z.array(z.object({ clipId: Id, title: z.string(), reason: z.enum(['notRendered', 'stale']) })),
});
export type StepPicturesResult = z.infer<typeof StepPicturesResult>;
