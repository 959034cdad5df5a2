import type {
  FallbackReason,
  RenderMode,
  RenderOptions,
  RenderPlanSummary,
  Segment,
} from '../../../shared/domain/clip';
import type { MediaProbe } from '../../../shared/domain/video';
import { KotaeError } from '../../../shared/errors';
import type { FrameIndex } from '../media/frames';
import { BROWSER_MAX_HEIGHT, BROWSER_MAX_WIDTH } from '../media/probe';

// Where every cut really falls, before anything runs. Pure: frame index + edit + mode in, plan
// out. The trim editor shows the summary (lossless snapping, smart's copied and re-encoded parts,
// why smart fell back); the renderer executes the plan exactly.
//
// A segment keeps display frames [first, end). Stream copy can only START at a clean keyframe
// (no later packet shows earlier) and only END at a clean boundary (frames before it are exactly a
// prefix of the packets in decode order); otherwise B-frames would lose their references or
// frames past the cut would show.

export interface EncodePart {
  kind: 'encode';
  first: number;
  end: number;
  startS: number;
  endS: number;
  /** Keyframe the decoder starts from. */
  seekS: number;
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
}

const EPS = 1e-4;
const AUDIO_KBPS = 160;

/** First index whose time is >= t (times ascending). */
function lowerBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t - EPS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function boundaryTime(frames: FrameIndex, index: number): number {
  return index < frames.times.length ? frames.times[index]! : frames.endTime;
}

function largestAtMost(sorted: readonly number[], value: number): number | null {
  let found: number | null = null;
  for (const v of sorted) {
    if (v <= value) found = v;
    else break;
  }
  return found;
}

function smallestAtLeast(sorted: readonly number[], value: number): number | null {
  for (const v of sorted) if (v >= value) return v;
  return null;
}

/** Midpoint between the last dts copied and the first left out, for a copy ending at boundary c. */
export function dtsCutFor(frames: FrameIndex, boundary: number): number | null {
  if (boundary >= frames.dtsDecode.length) return null;
  return (frames.dtsDecode[boundary - 1]! + frames.dtsDecode[boundary]!) / 2;
}

/** Display size after rotation, scaled to the chosen height and always within 4K, even numbers. */
export function outputSize(
  probe: MediaProbe,
  resolution: RenderOptions['resolution'],
): { width: number; height: number; scaled: boolean } {
  const v = probe.video!;
  let w = v.rotation % 180 === 0 ? v.width : v.height;
  let h = v.rotation % 180 === 0 ? v.height : v.width;
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  let scale = 1;
  if (resolution !== 'source') scale = Math.min(scale, Number(resolution) / h);
  scale = Math.min(scale, BROWSER_MAX_WIDTH / Math.max(w, h), BROWSER_MAX_HEIGHT / Math.min(w, h));
  if (scale < 1) {
    w = even(w * scale);
    h = even(h * scale);
    return { width: w, height: h, scaled: true };
  }
  return { width: even(w), height: even(h), scaled: even(w) !== w || even(h) !== h };
}

function x264Profile(profile: string | null): VideoEncodeSettings['profile'] {
  const p = (profile ?? '').toLowerCase();
  if (p.includes('baseline')) return 'baseline';
  if (p === 'main') return 'main';
  return 'high';
}

/** Why smart or lossless cannot copy this source as asked, or null. */
export function copyBlocker(probe: MediaProbe, options: RenderOptions, scaled: boolean): FallbackReason | null {
  const v = probe.video!;
  if (v.codec !== 'h264') return 'notH264';
  if (v.width > BROWSER_MAX_WIDTH * 1.0001 || v.height > BROWSER_MAX_WIDTH * 1.0001 || Math.min(v.width, v.height) > BROWSER_MAX_HEIGHT)
    return 'tooLarge';
  if (scaled) return 'resize';
  if (options.targetSizeMb !== null) return 'targetSize';
  if (options.burnCaptions) return 'burnCaptions';
  if (v.pixelFormat !== 'yuv420p' && v.pixelFormat !== 'yuvj420p') return 'pixelFormat';
  if (v.fieldOrder && v.fieldOrder !== 'progressive' && v.fieldOrder !== 'unknown') return 'interlaced';
  return null;
}

function frameRange(frames: FrameIndex, s: Segment): { first: number; end: number } {
  return { first: lowerBound(frames.times, s.startS), end: lowerBound(frames.times, s.endS) };
}

/** What the ffmpeg in use can do (ffmpeg/binaries.ts); a plan without it assumes ffmpeg 5.0+. */
export interface PlanCapabilities {
  /** False for ffmpeg < 5.0: lossless and smart fall back to accurate (reason 'oldFfmpeg'). */
  exactCopyCuts: boolean;
}

export function planRender(
  probe: MediaProbe,
  frames: FrameIndex,
  segments: readonly Segment[],
  requestedMode: RenderMode,
  options: RenderOptions,
  capabilities: PlanCapabilities = { exactCopyCuts: true },
): RenderPlan {
  if (!probe.video) throw new KotaeError('MEDIA_INVALID', { reason: 'noVideo' }, undefined, 'videos:errors.noVideo');
  const size = outputSize(probe, options.resolution);
  const ranges = segments
    .map((s) => ({ requested: s, ...frameRange(frames, s) }))
    .filter((r) => r.end > r.first);
  if (ranges.length === 0) {
    throw new KotaeError('INVALID_INPUT', { detail: 'empty edit' }, 'no frames in the edit', 'videos:errors.emptyEdit');
  }

  let mode: RenderMode = requestedMode;
  let fallback: FallbackReason | null = null;
  let refused = false;
  const blocker = copyBlocker(probe, options, size.scaled);
  if (requestedMode !== 'accurate') {
    let reason = blocker;
    if (!reason && probe.video.rotation !== 0 && (requestedMode === 'smart' || ranges.length > 1)) reason = 'rotated';
    if (!reason && requestedMode === 'smart' && probe.video.reorderDelay > 2) reason = 'reordering';
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
      const encode = (first: number, end: number): EncodePart => {
        const startS = boundaryTime(frames, first);
        return {
          kind: 'encode',
          first,
          end,
          startS,
          endS: boundaryTime(frames, end),
          seekS: boundaryTime(frames, largestAtMost(frames.keyframes, first) ?? frames.keyframes[0]!),
        };
      };
      const k1 = smallestAtLeast(frames.keyframes, r.first);
      const copyEnd = largestAtMost(frames.cleanEnds, r.end);
      if (mode === 'smart' && k1 !== null && copyEnd !== null && copyEnd > k1) {
        if (r.first < k1) seg.parts.push(encode(r.first, k1));
        seg.parts.push({
          kind: 'copy',
          first: k1,
          end: copyEnd,
          startS: boundaryTime(frames, k1),
          endS: boundaryTime(frames, copyEnd),
          dtsCutS: dtsCutFor(frames, copyEnd),
        });
        if (copyEnd < r.end) seg.parts.push(encode(copyEnd, r.end));
      } else {
        seg.parts.push(encode(r.first, r.end));
      }
      planned.push(seg);
    }
  }

  const outputDurationS = planned.reduce((sum, s) => sum + (s.endS - s.startS), 0);
  const a = probe.audio;
  let audio: RenderPlan['audio'] = 'none';
  if (a) {
    const copyable =
      mode !== 'accurate' &&
      a.codec === 'aac' &&
      (frames.audio?.regular ?? false) &&
      // A later part that starts before the sound does would need silence we cannot copy.
      planned.slice(1).every((s) => s.startS >= a.startS);
    const direct = mode === 'lossless' && planned.length === 1 && a.codec === 'aac';
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
      parts: s.parts.map((p) => ({ kind: p.kind, startS: p.startS, endS: p.endS })),
    })),
    outputDurationS: plan.outputDurationS,
    audio: plan.audio,
    width: plan.width,
    height: plan.height,
    reencodedShare: plan.outputDurationS > 0 ? Math.min(1, encoded / plan.outputDurationS) : 0,
  };
}
