import { normalizeWithOffsets } from './tokenize';

/**
 * Text as search and the privacy scanner compare it (NFKC + lower case: ０３ → 03, ＠ → @, Ｍｉｌｌｅｒ → miller) with a
 * map back to the original, so a finding found in the folded text is shown and redacted where the
 * author actually typed it.
 */
export interface NormalizedText {
  original: string;
  text: string;
  /** Original offset where the code unit at this index of `text` starts. */
  starts: number[];
  /** Original offset where it ends. */
  ends: number[];
}

export function normalizeText(original: string): NormalizedText {
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  for (const c of normalizeWithOffsets(original)) {
    text += c.ch;
    for (let i = 0; i < c.ch.length; i++) {
      starts.push(c.start);
      ends.push(c.end);
    }
  }
  return { original, text, starts, ends };
}

/** [start, end) in `text` mapped to [start, end) in the original. */
export function toOriginal(n: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) return [n.starts[start] ?? n.original.length, n.starts[start] ?? n.original.length];
  return [n.starts[start]!, n.ends[end - 1]!];
}
