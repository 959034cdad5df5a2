import type {
  EncodeReason,
  FallbackReason,
  Redaction,
  RenderMode,
  RenderOptions,
  RenderPlanSummary,
  Segment,
  ZoomRegion,
} from '../../../shared/domain/clip';
import type { MediaProbe } from '../../../shared/domain/video';
import { KotaeError } from '../../../shared/errors';
import type { FrameIndex } from '../media';
import { effectsIn, planEffects, smartEncodeIntervals, type PlannedEffects } from './effects';
import { boundaryTime, frameRange, largestAtMost, smallestAtLeast } from './frameSearch';
import { copyBlocker, outputSize, x264Profile } from './sourceLimits';

export { boundaryTime } from './frameSearch';

// Where every cut really falls, before anything runs. Pure: frame index + edit + mode in, plan
// out. The trim editor shows the summary (lossless snapping, smart's copied and re-encoded parts,
// why smart fell back); the renderer executes the plan exactly.
//
// A segment keeps display frames [first, end). Stream copy can only START at a clean keyframe
// (no later packet shows earlier) and only END at a clean boundary (frames before it are exactly a
// prefix of the packets in decode order); otherwise B-frames would lose their references or
// frames past the cut would show. Redactions and zooms (effects.ts) need their frames re-encoded:
// smart mode re-encodes around them as around a cut, lossless refuses them.

export interface EncodePart {
  kind: 'encode';
  first: number;
  end: number;
  startS: number;
  endS: number;
  /** Keyframe the decoder starts from. */
  seekS: number;
  /** Smart mode: why these frames are re-encoded. */
  why: EncodeReason[];
}

export interface CopyPart {
  kind: 'copy';
  first: number;
  end: number;
  startS: number;
  endS: number;
  /** Packets whose dts is at or after this (file time) are left out; null copies to the end. */
  dtsCutS: number | null;
}

export type Part = EncodePart | CopyPart;

export interface PlannedSegment {
  requested: Segment;
  first: number;
  end: number;
  startS: number;
  endS: number;
  parts: Part[];
}

export interface VideoEncodeSettings {
  /** x264 profile matching the source for smart cuts; 'high' otherwise. */
  profile: 'baseline' | 'main' | 'high';
  level: string | null;
  /** Frames of B-frame reordering to produce (must equal the source's for smart cuts). */
  reorderDelay: 0 | 1 | 2;
  pixelFormat: 'yuv420p' | 'yuvj420p';
  /** Output picture size (display orientation), or null to keep the source's. */
  scale: { width: number; height: number } | null;
  /** kbit/s when aiming for a file size; null means constant quality. */
  videoKbps: number | null;
}

export interface RenderPlan {
  requestedMode: RenderMode;
  mode: RenderMode;
  fallback: FallbackReason | null;
  refused: boolean;
  segments: PlannedSegment[];
  outputDurationS: number;
  audio: 'copy' | 'encode' | 'none';
  width: number;
  height: number;
  video: VideoEncodeSettings;
  audioKbps: number;
  /** Redactions and zooms that show in the kept frames, snapped to frames (source time). */
  effects: PlannedEffects;
  /** Zooms ease in and out (ffmpeg 5.0+); otherwise they cut in and out. */
  zoomEased: boolean;
  /** The sound is cleaned (highpass, afftdn, two-pass loudnorm) and re-encoded. */
  cleanNarration: boolean;
}

const AUDIO_KBPS = 160;

/** Midpoint between the last dts copied and the first left out, for a copy ending at boundary c. */
export function dtsCutFor(frames: FrameIndex, boundary: number): number | null {
  if (boundary >= frames.dtsDecode.length) return null;
  return (frames.dtsDecode[boundary - 1]! + frames.dtsDecode[boundary]!) / 2;
}

/** What the ffmpeg in use can do (ffmpeg/binaries.ts); a plan without it assumes ffmpeg 5.0+. */
export interface PlanCapabilities {
  /** False for ffmpeg < 5.0: lossless and smart fall back to accurate (reason 'oldFfmpeg'). */
  exactCopyCuts: boolean;
  /** False for ffmpeg < 5.0 (its scale filter has no per-frame time): zooms cut in and out. */
  easedZoom?: boolean;
}

export interface PlanRegions {
  redactions: readonly Redaction[];
  zooms: readonly ZoomRegion[];
}

export function planRender(
  probe: MediaProbe,
  frames: FrameIndex,
  segments: readonly Segment[],
  requestedMode: RenderMode,
  options: RenderOptions,
  capabilities: PlanCapabilities = { exactCopyCuts: true },
  regions: PlanRegions = { redactions: [], zooms: [] },
): RenderPlan {
  if (!probe.video) throw new KotaeError('MEDIA_INVALID', { reason: 'noVideo' }, undefined, 'videos:errors.noVideo');
  const size = outputSize(probe, options.resolution);
  const ranges = segments
    .map((s) => ({ requested: s, ...frameRange(frames, s) }))
    .filter((r) => r.end > r.first);
  if (ranges.length === 0) {
    throw new KotaeError('INVALID_INPUT', { detail: 'empty edit' }, 'no frames in the edit', 'videos:errors.emptyEdit');
  }

  const effects = effectsIn(planEffects(frames, regions.redactions, regions.zooms), ranges);
  let mode: RenderMode = requestedMode;
  let fallback: FallbackReason | null = null;
  let refused = false;
  const blocker = copyBlocker(probe, options, size.scaled);
  if (requestedMode !== 'accurate') {
    let reason = blocker;
    if (!reason && probe.video.rotation !== 0 && (requestedMode === 'smart' || ranges.length > 1)) reason = 'rotated';
    if (!reason && requestedMode === 'smart' && probe.video.reorderDelay > 2) reason = 'reordering';
    // Copying keeps every pixel: a redaction or zoom needs smart or accurate, and the plan says so.
    if (!reason && requestedMode === 'lossless' && effects.redactions.length) reason = 'redaction';
    if (!reason && requestedMode === 'lossless' && effects.zooms.length) reason = 'zoom';
    if (reason) {
      fallback = reason;
      if (requestedMode === 'lossless') refused = true;
      mode = 'accurate';
    } else if (!capabilities.exactCopyCuts) {
      // Not the source's fault: lossless is not refused (the editor keeps it selectable) but
      // renders frame-exact by re-encoding, as smart does, and the plan says why.
      fallback = 'oldFfmpeg';
      mode = 'accurate';
    }
  }

  const planned: PlannedSegment[] = [];
  if (mode === 'lossless') {
    for (const r of ranges) {
      const first = largestAtMost(frames.keyframes, r.first) ?? frames.keyframes[0]!;
      const end = smallestAtLeast(frames.cleanEnds, r.end) ?? frames.times.length;
      const last = planned[planned.length - 1];
      if (last && first <= last.end) {
        last.end = Math.max(last.end, end);
      } else {
        planned.push({ requested: r.requested, first, end, startS: 0, endS: 0, parts: [] });
      }
    }
    for (const p of planned) {
      p.startS = boundaryTime(frames, p.first);
      p.endS = boundaryTime(frames, p.end);
      p.parts = [{ kind: 'copy', first: p.first, end: p.end, startS: p.startS, endS: p.endS, dtsCutS: dtsCutFor(frames, p.end) }];
    }
  } else {
    for (const r of ranges) {
      const seg: PlannedSegment = {
        requested: r.requested,
        first: r.first,
        end: r.end,
        startS: boundaryTime(frames, r.first),
        endS: boundaryTime(frames, r.end),
        parts: [],
      };
      const encode = (first: number, end: number, why: EncodeReason[]): EncodePart => ({
        kind: 'encode',
        first,
        end,
        startS: boundaryTime(frames, first),
        endS: boundaryTime(frames, end),
        seekS: boundaryTime(frames, largestAtMost(frames.keyframes, first) ?? frames.keyframes[0]!),
        why,
      });
      const copy = (first: number, end: number): CopyPart => ({
        kind: 'copy',
        first,
        end,
        startS: boundaryTime(frames, first),
        endS: boundaryTime(frames, end),
        dtsCutS: dtsCutFor(frames, end),
      });
      if (mode === 'smart') {
        let at = r.first;
        for (const iv of smartEncodeIntervals(frames, r, effects)) {
          if (iv.first > at) seg.parts.push(copy(at, iv.first));
          seg.parts.push(encode(iv.first, iv.end, iv.why));
          at = iv.end;
        }
        if (at < r.end) seg.parts.push(copy(at, r.end));
      } else {
        seg.parts.push(encode(r.first, r.end, []));
      }
      planned.push(seg);
    }
  }

  const outputDurationS = planned.reduce((sum, s) => sum + (s.endS - s.startS), 0);
  const a = probe.audio;
  let audio: RenderPlan['audio'] = 'none';
  if (a) {
    const copyable =
      !options.cleanNarration &&
      mode !== 'accurate' &&
      a.codec === 'aac' &&
      (frames.audio?.regular ?? false) &&
      // A later part that starts before the sound does would need silence we cannot copy.
      planned.slice(1).every((s) => s.startS >= a.startS);
    const direct = !options.cleanNarration && mode === 'lossless' && planned.length === 1 && a.codec === 'aac';
    audio = copyable || direct ? 'copy' : 'encode';
  }
  const delay = Math.min(2, Math.max(0, probe.video.reorderDelay)) as 0 | 1 | 2;
  const audioKbps = AUDIO_KBPS;
  const videoKbps =
    options.targetSizeMb !== null
      ? Math.max(150, Math.floor((options.targetSizeMb * 8 * 1000 * 0.95) / Math.max(outputDurationS, 0.1) - (audio === 'none' ? 0 : audioKbps)))
      : null;
  return {
    requestedMode,
    mode,
    fallback,
    refused,
    segments: planned,
    outputDurationS,
    audio,
    width: size.width,
    height: size.height,
    video: {
      profile: mode === 'smart' ? x264Profile(probe.video.profile) : 'high',
      level: mode === 'smart' && probe.video.level ? (probe.video.level / 10).toFixed(1) : null,
      reorderDelay: mode === 'smart' ? delay : 2,
      pixelFormat: probe.video.pixelFormat === 'yuvj420p' && mode === 'smart' ? 'yuvj420p' : 'yuv420p',
      scale: size.scaled ? { width: size.width, height: size.height } : null,
      videoKbps,
    },
    audioKbps,
    effects,
    zoomEased: capabilities.easedZoom ?? true,
    cleanNarration: options.cleanNarration && audio !== 'none',
  };
}

export function summarisePlan(plan: RenderPlan): RenderPlanSummary {
  const encoded = plan.segments
    .flatMap((s) => s.parts)
    .filter((p) => p.kind === 'encode')
    .reduce((sum, p) => sum + (p.endS - p.startS), 0);
  return {
    requestedMode: plan.requestedMode,
    mode: plan.mode,
    fallback: plan.fallback,
    refused: plan.refused,
    segments: plan.segments.map((s) => ({
      requested: { startS: s.requested.startS, endS: s.requested.endS },
      actual: { startS: s.startS, endS: s.endS },
      parts: s.parts.map((p) => ({ kind: p.kind, startS: p.startS, endS: p.endS, why: p.kind === 'encode' ? p.why : [] })),
    })),
    outputDurationS: plan.outputDurationS,
    audio: plan.audio,
    width: plan.width,
    height: plan.height,
    reencodedShare: plan.outputDurationS > 0 ? Math.min(1, encoded / plan.outputDurationS) : 0,
    cleanNarration: plan.cleanNarration,
    redactions: plan.effects.redactions.length,
    zooms: plan.effects.zooms.length,
    zoomEased: plan.zoomEased,
  };
}
