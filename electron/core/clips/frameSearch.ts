import type { FrameIndex } from '../media';

// Searches over a frame index that the render planner (plan.ts) and the redaction/zoom planner
// (effects.ts) share. Times are frame starts in file time; indexes are display order.

const EPS = 1e-4;

/** First index whose time is >= t (times ascending): the first frame of a range starting at t. */
export function lowerBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t - EPS) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** When frame `index` starts; the end of the video for the index past the last frame. */
export function boundaryTime(frames: FrameIndex, index: number): number {
  return index < frames.times.length ? frames.times[index]! : frames.endTime;
}

/** Frames [first, end) of the source time range [startS, endS). */
export function frameRange(frames: FrameIndex, s: { startS: number; endS: number }): { first: number; end: number } {
  return { first: lowerBound(frames.times, s.startS), end: lowerBound(frames.times, s.endS) };
}

export function largestAtMost(sorted: readonly number[], value: number): number | null {
  let found: number | null = null;
  for (const v of sorted) {
    if (v <= value) found = v;
    else break;
  }
  return found;
}

export function smallestAtLeast(sorted: readonly number[], value: number): number | null {
  for (const v of sorted) if (v >= value) return v;
  return null;
}
