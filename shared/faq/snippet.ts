import { normalizeText } from '../text/folded';
import { tokenize } from '../text/tokenize';
import type { QueryPlan } from './searchQuery';

export interface Segment {
  text: string;
  hit: boolean;
}

/** Where the query matches a text: [start, end) ranges in the text as written, merged and sorted. */
export function matchRanges(text: string, plan: QueryPlan): [number, number][] {
  const ranges: [number, number][] = [];
  const folded = normalizeText(text);
  for (const part of plan.parts) {
    if (part.kind === 'word') continue;
    for (let at = folded.text.indexOf(part.text); at >= 0; at = folded.text.indexOf(part.text, at + 1))
      ranges.push([folded.starts[at]!, folded.ends[at + part.text.length - 1]!]);
  }
  const words = new Set(
    plan.parts.filter((p) => p.kind === 'word').flatMap((p) => p.terms.map((t) => t.term)),
  );
  if (words.size) for (const t of tokenize(text)) if (words.has(t.term)) ranges.push([t.start, t.end]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function segmentsOf(text: string, ranges: readonly [number, number][]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/**
 * The part of a text around its best cluster of matches, about `length` characters, as segments
 * to show with the matches highlighted. Starts at a sentence or line start when one is near.
 */
export function snippet(text: string, plan: QueryPlan, length = 150): Segment[] {
  const ranges = matchRanges(text, plan);
  let start = 0;
  if (ranges.length) {
    // The window that covers the most matches.
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < ranges.length; i++) {
      let count = 0;
      for (let j = i; j < ranges.length && ranges[j]![1] <= ranges[i]![0] + length; j++) count++;
      if (count > bestCount) {
        bestCount = count;
        best = i;
      }
    }
    const first = ranges[best]![0];
    start = Math.max(0, first - 40);
    const boundary = Math.max(
      text.lastIndexOf('\n', first),
      text.lastIndexOf('。', first - 1),
      text.lastIndexOf('. ', first - 1),
    );
    if (boundary >= start) start = boundary + 1;
    while (start < first && /\s/.test(text[start]!)) start++;
  }
  let end = Math.min(text.length, start + length);
  // Do not cut a surrogate pair in two.
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
  const window = text.slice(start, end).replace(/\n/g, ' ');
  const local = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s - start, e - start]);
  const segments = segmentsOf(window, local);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < text.length) segments.push({ text: '…', hit: false });
  return segments;
}
