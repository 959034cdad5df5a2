import type { EncodeReason, Redaction, ZoomRegion } from '../../../shared/domain/clip';
import { redactionBoxes, zoomBox, zoomEase } from '../../../shared/clips/regions';
import type { PictureEffects, FrameIndex } from '../media';
import { boundaryTime, frameRange, largestAtMost, smallestAtLeast } from './frameSearch';

// Redactions and zooms on the frame index: each span snapped to the frames it covers (frame-exact,
// as a segment is), and, for smart renders, which frames of a kept segment must be re-encoded.
//
// Smart mode re-encodes a span the way it re-encodes around a cut: from the last clean boundary at
// or before the span's first frame (where the copy before it can stop) to the first keyframe at or
// after its end (where copying can start again). Everything else is copied.

interface PlannedSpan {
  /** Display frames [first, end) the span covers. */
  first: number;
  end: number;
  /** Start of its first frame and of the first frame after it (file time). */
  startS: number;
  endS: number;
  /** Start of its last frame: where a followed rectangle arrives. */
  lastS: number;
}

export interface PlannedRedaction extends PlannedSpan {
  redaction: Redaction;
}

export interface PlannedZoom extends PlannedSpan {
  zoom: ZoomRegion;
}

export interface PlannedEffects {
  redactions: PlannedRedaction[];
  zooms: PlannedZoom[];
}

function snap<T extends { startS: number; endS: number }>(frames: FrameIndex, span: T): PlannedSpan | null {
  const { first, end } = frameRange(frames, span);
  if (end <= first) return null;
  return { first, end, startS: boundaryTime(frames, first), endS: boundaryTime(frames, end), lastS: boundaryTime(frames, end - 1) };
}

/** Every redaction and zoom snapped to its frames; spans with no frame in them are left out. */
export function planEffects(frames: FrameIndex, redactions: readonly Redaction[], zooms: readonly ZoomRegion[]): PlannedEffects {
  const planned: PlannedEffects = { redactions: [], zooms: [] };
  for (const redaction of redactions) {
    const s = snap(frames, redaction);
    if (s) planned.redactions.push({ ...s, redaction });
  }
  for (const zoom of zooms) {
    const s = snap(frames, zoom);
    if (s) planned.zooms.push({ ...s, zoom });
  }
  return planned;
}

/** The effects that show at least one frame of these kept ranges. */
export function effectsIn(effects: PlannedEffects, ranges: readonly { first: number; end: number }[]): PlannedEffects {
  const touches = (s: PlannedSpan) => ranges.some((r) => s.first < r.end && s.end > r.first);
  return { redactions: effects.redactions.filter(touches), zooms: effects.zooms.filter(touches) };
}

export interface EncodeInterval {
  first: number;
  end: number;
  why: EncodeReason[];
}

/**
 * Frames of the kept segment [first, end) that a smart render re-encodes, in order, merged, each
 * with its reasons. The frames between them are copied: each gap starts at a keyframe and ends at
 * a clean boundary, because every interval starts at one and ends at the other.
 */
export function smartEncodeIntervals(
  frames: FrameIndex,
  segment: { first: number; end: number },
  effects: PlannedEffects,
): EncodeInterval[] {
  const { first, end } = segment;
  const k1 = smallestAtLeast(frames.keyframes, first);
  const copyEnd = largestAtMost(frames.cleanEnds, end);
  if (k1 === null || copyEnd === null || copyEnd <= k1) {
    // No stretch between a keyframe and a clean end to copy: the whole segment is re-encoded.
    return [{ first, end, why: ['inPoint', 'outPoint'] }];
  }
  const raw: EncodeInterval[] = [];
  if (first < k1) raw.push({ first, end: k1, why: ['inPoint'] });
  if (copyEnd < end) raw.push({ first: copyEnd, end, why: ['outPoint'] });
  const add = (span: PlannedSpan, why: EncodeReason) => {
    const from = Math.max(first, span.first);
    const to = Math.min(end, span.end);
    if (to <= from) return;
    raw.push({
      first: Math.max(first, largestAtMost(frames.cleanEnds, from) ?? first),
      end: Math.min(end, smallestAtLeast(frames.keyframes, to) ?? end),
      why: [why],
    });
  };
  effects.redactions.forEach((r) => add(r, 'redaction'));
  effects.zooms.forEach((z) => add(z, 'zoom'));
  raw.sort((a, b) => a.first - b.first);
  const merged: EncodeInterval[] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last && iv.first <= last.end) {
      last.end = Math.max(last.end, iv.end);
      for (const w of iv.why) if (!last.why.includes(w)) last.why.push(w);
    } else merged.push({ ...iv, why: [...iv.why] });
  }
  return merged;
}

/**
 * The redactions and zooms that show in the frames [startS, endS) of one rendered part, as ffmpeg
 * filter input: whole pixels of the picture (width × height, after rotation), times relative to the
 * part's first frame. Null when none does.
 */
export function partEffects(
  effects: PlannedEffects,
  part: { startS: number; endS: number },
  size: { width: number; height: number },
  eased: boolean,
): PictureEffects | null {
  const inPart = (s: PlannedSpan) => s.startS < part.endS - 1e-6 && s.endS > part.startS + 1e-6;
  const rel = (t: number) => t - part.startS;
  const redactions = effects.redactions.filter(inPart).map((r) => {
    const { from, to } = redactionBoxes(r.redaction, size.width, size.height);
    return { startS: rel(r.startS), lastS: rel(r.lastS), endS: rel(r.endS), from, to, style: r.redaction.style };
  });
  const zooms = effects.zooms.filter(inPart).map((z) => ({
    startS: rel(z.startS),
    endS: rel(z.endS),
    easeS: zoomEase({ startS: z.startS, endS: z.endS, easeS: z.zoom.easeS }),
    box: zoomBox(z.zoom.rect, size.width, size.height),
  }));
  if (!redactions.length && !zooms.length) return null;
  return { width: size.width, height: size.height, redactions, zooms, eased };
}
