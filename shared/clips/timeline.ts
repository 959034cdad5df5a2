import type { Caption, Chapter, RenderedChapter, Segment } from '../domain/clip';

// The edit as pure data: kept source ranges, and how source time maps to output time. The trim
// editor, the render planner and the CLI all use these, so the preview and the file agree.

/** Below this, two times are the same instant (timestamps are printed to the microsecond). */
export const TIME_EPSILON = 1e-4;

/** Sorted, overlaps and touching ranges merged, empty ranges dropped. */
export function normalizeSegments(segments: readonly Segment[]): Segment[] {
  const sorted = segments
    .filter((s) => s.endS - s.startS > TIME_EPSILON)
    .map((s) => ({ startS: Math.max(0, s.startS), endS: s.endS }))
    .sort((a, b) => a.startS - b.startS);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.startS <= last.endS + TIME_EPSILON) last.endS = Math.max(last.endS, s.endS);
    else out.push({ ...s });
  }
  return out;
}

export function editDuration(segments: readonly Segment[]): number {
  return segments.reduce((sum, s) => sum + (s.endS - s.startS), 0);
}

/** Kept ranges for "from A to B, without these cuts" (the CLI's --from/--to/--cut). */
export function segmentsFromCuts(fromS: number, toS: number, cuts: readonly Segment[]): Segment[] {
  let kept: Segment[] = [{ startS: fromS, endS: toS }];
  for (const cut of cuts) kept = removeRange(kept, cut.startS, cut.endS);
  return normalizeSegments(kept);
}

/** Removes [startS, endS) from the kept ranges. */
export function removeRange(segments: readonly Segment[], startS: number, endS: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (endS <= s.startS || startS >= s.endS) {
      out.push({ ...s });
      continue;
    }
    if (startS > s.startS) out.push({ startS: s.startS, endS: startS });
    if (endS < s.endS) out.push({ startS: endS, endS: s.endS });
  }
  return out.filter((s) => s.endS - s.startS > TIME_EPSILON);
}

/** Index of the kept segment that contains source time t, or -1. */
export function segmentAt(segments: readonly Segment[], t: number): number {
  return segments.findIndex((s) => t >= s.startS - TIME_EPSILON && t < s.endS - TIME_EPSILON);
}

/** Splits the segment containing t in two at t (no change when t is at a boundary or outside). */
export function splitAt(segments: readonly Segment[], t: number): Segment[] {
  const i = segmentAt(segments, t);
  if (i < 0) return segments.map((s) => ({ ...s }));
  const s = segments[i]!;
  if (t - s.startS < TIME_EPSILON || s.endS - t < TIME_EPSILON) return segments.map((x) => ({ ...x }));
  return [...segments.slice(0, i), { startS: s.startS, endS: t }, { startS: t, endS: s.endS }, ...segments.slice(i + 1)];
}

/** Moves the in point: everything before t is dropped, the first kept range starts at t. */
export function setInPoint(segments: readonly Segment[], t: number): Segment[] {
  const kept = removeRange(segments, -Infinity, t);
  const first = segments.find((s) => s.endS > t);
  if (kept.length === 0 || !first) return segments.map((s) => ({ ...s }));
  if (first.startS > t) kept[0] = { startS: t, endS: kept[0]!.endS };
  return normalizeSegments(kept);
}

/** Moves the out point: everything from t on is dropped, the last kept range ends at t. */
export function setOutPoint(segments: readonly Segment[], t: number): Segment[] {
  const kept = removeRange(segments, t, Infinity);
  const last = [...segments].reverse().find((s) => s.startS < t);
  if (kept.length === 0 || !last) return segments.map((s) => ({ ...s }));
  if (last.endS < t) kept[kept.length - 1] = { startS: kept[kept.length - 1]!.startS, endS: t };
  return normalizeSegments(kept);
}

/** Output time of source time t; a time inside a removed part maps to where the next part starts. */
export function sourceToOutput(segments: readonly Segment[], t: number): number {
  let out = 0;
  for (const s of segments) {
    if (t < s.startS) return out;
    if (t < s.endS) return out + (t - s.startS);
    out += s.endS - s.startS;
  }
  return out;
}

/** Source time shown at output time o (the end of the edit maps to the end of the last part). */
export function outputToSource(segments: readonly Segment[], o: number): number {
  let acc = 0;
  for (const s of segments) {
    const d = s.endS - s.startS;
    if (o < acc + d) return s.startS + Math.max(0, o - acc);
    acc += d;
  }
  return segments.length ? segments[segments.length - 1]!.endS : 0;
}

/**
 * Where playback should continue when the playhead is at source time t: t itself inside a kept
 * part, the start of the next part inside a removed one, or null after the end of the edit.
 */
export function nextPlayableTime(segments: readonly Segment[], t: number): number | null {
  for (const s of segments) {
    if (t < s.startS - TIME_EPSILON) return s.startS;
    if (t < s.endS - TIME_EPSILON) return t;
  }
  return null;
}

/**
 * Chapters of the output: each starts at its mapped time and ends where the next begins (or at the
 * end). Chapters that fall after the end, or collapse onto a later chapter, are dropped.
 */
export function outputChapters(
  segments: readonly Segment[],
  chapters: readonly Pick<Chapter, 'id' | 'title' | 'stepId' | 'startS'>[],
  outputDurationS = editDuration(segments),
): (RenderedChapter & { id: string })[] {
  const mapped = [...chapters]
    .sort((a, b) => a.startS - b.startS)
    .map((c) => ({ id: c.id, title: c.title, stepId: c.stepId, startS: sourceToOutput(segments, c.startS) }))
    .filter((c) => c.startS < outputDurationS - TIME_EPSILON);
  const unique = mapped.filter((c, i) => {
    const next = mapped[i + 1];
    return !next || next.startS - c.startS > TIME_EPSILON;
  });
  return unique.map((c, i) => ({
    ...c,
    endS: i + 1 < unique.length ? unique[i + 1]!.startS : outputDurationS,
  }));
}

/** Captions in output time: one cue per chapter with text. */
export function outputCaptions(
  chapters: readonly (RenderedChapter & { id: string })[],
  captions: readonly Caption[],
): { startS: number; endS: number; text: string }[] {
  const byChapter = new Map(captions.map((c) => [c.chapterId, c.text.trim()]));
  return chapters
    .map((c) => ({ startS: c.startS, endS: c.endS, text: byChapter.get(c.id) ?? '' }))
    .filter((c) => c.text !== '');
}

/** Index of the frame that shows at time t (the last frame starting at or before t). */
export function frameIndexAt(frameTimes: readonly number[], t: number): number {
  let lo = 0;
  let hi = frameTimes.length - 1;
  if (hi < 0) return -1;
  if (t < frameTimes[0]! - TIME_EPSILON) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frameTimes[mid]! <= t + TIME_EPSILON) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The start of the frame showing at t: cut points always sit on a frame boundary. */
export function snapToFrame(frameTimes: readonly number[], t: number): number {
  const i = frameIndexAt(frameTimes, t);
  return i < 0 ? t : frameTimes[i]!;
}

/** Last value <= t in a sorted list (keyframe at or before t), or null. */
export function atOrBefore(sorted: readonly number[], t: number): number | null {
  let found: number | null = null;
  for (const v of sorted) {
    if (v <= t + TIME_EPSILON) found = v;
    else break;
  }
  return found;
}

/** First value >= t in a sorted list, or null. */
export function atOrAfter(sorted: readonly number[], t: number): number | null {
  for (const v of sorted) if (v >= t - TIME_EPSILON) return v;
  return null;
}
