import type { Part } from './plan';

// In which order the parts of a smart or multi-part render run. Two run at a time, each taking the
// next when it is done, so the render ends when the later of the two does: the costliest parts go
// first (longest processing time first), and the short ones fill in beside the last long one.
// Measured on the redact bench (1080p, veryfast, two at a time, in plan order): the zoom part, last
// in time, started when the other worker had little left and ran alone for a third of the phase.

/** Seconds of decoding (before a part's first frame) cost about a fifth of a second of encoding. */
const DECODE_SHARE = 0.2;
/**
 * A zoomed second costs about twice an unzoomed one: the picture is scaled up before it is encoded
 * and moves 2–3 times as far from frame to frame. Measured on the redact bench's zoom part (11.5 s
 * of frames, 5 of them zoomed, 5.2 s decoded before them): 21.4 CPU s, against 15.0 for the same
 * frames unzoomed.
 */
const ZOOM_EXTRA = 1;
/** Copying a second costs about a thirtieth of encoding one (as the progress bar counts it). */
const COPY_SHARE = 0.03;

function overlapS(a: { startS: number; endS: number }, b: { startS: number; endS: number }): number {
  return Math.max(0, Math.min(a.endS, b.endS) - Math.max(a.startS, b.startS));
}

/** Estimated cost of a part, in seconds of encoding. */
export function partCost(part: Part, zooms: readonly { startS: number; endS: number }[]): number {
  const length = part.endS - part.startS;
  if (part.kind === 'copy') return length * COPY_SHARE;
  const zoomed = zooms.reduce((sum, z) => sum + overlapS(z, part), 0);
  return length + (part.startS - part.seekS) * DECODE_SHARE + zoomed * ZOOM_EXTRA;
}

/** Indexes of `parts`, costliest first (ties keep the plan's order). */
export function runOrder(parts: readonly Part[], zooms: readonly { startS: number; endS: number }[]): number[] {
  const costs = parts.map((p) => partCost(p, zooms));
  return parts.map((_, i) => i).sort((a, b) => costs[b]! - costs[a]! || a - b);
}
