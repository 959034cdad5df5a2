import { GAP, classTable } from './charClass';

/**
 * The folded text without its gaps (spaces and punctuation), so 田中 美咲, 田中・美咲 and
 * 田中美咲 read the same to the automaton; each unit remembers where it stands in the folded text
 * and whether a gap stood before it (a Latin name needs one between its words, and none inside).
 */
export interface CompactView {
  codes: Uint16Array;
  length: number;
  /** Index in the folded text of each unit. */
  toFolded: Int32Array;
  /** 1 when one or more gap characters stood between this unit and the one before. */
  gapBefore: Uint8Array;
}

/** Arrays the scanner's compact views reuse (see FoldScratch: fresh pages cost more than the loop). */
export class CompactScratch {
  codes: Uint16Array = new Uint16Array(0);
  toFolded: Int32Array = new Int32Array(0);
  gapBefore: Uint8Array = new Uint8Array(0);
}

export function compactView(folded: string): CompactView {
  const codes = new Uint16Array(folded.length);
  for (let i = 0; i < folded.length; i++) codes[i] = folded.charCodeAt(i);
  return compactCodes(codes, codes.length);
}

/**
 * The compact view of folded code units. With `scratch`, its arrays are views into it, good until
 * the next view built into the same scratch.
 */
export function compactCodes(folded: Uint16Array, n: number, scratch?: CompactScratch): CompactView {
  const cls = classTable();
  let codes: Uint16Array;
  let toFolded: Int32Array;
  let gapBefore: Uint8Array;
  if (scratch && scratch.codes.length >= n) ({ codes, toFolded, gapBefore } = scratch);
  else {
    codes = new Uint16Array(n);
    toFolded = new Int32Array(n);
    gapBefore = new Uint8Array(n);
    if (scratch) Object.assign(scratch, { codes, toFolded, gapBefore });
  }
  let length = 0;
  let gap = 0;
  for (let i = 0; i < n; i++) {
    const c = folded[i]!;
    if (cls[c]! & GAP) {
      gap = 1;
      continue;
    }
    codes[length] = c;
    toFolded[length] = i;
    gapBefore[length] = gap;
    gap = 0;
    length++;
  }
  return { codes, length, toFolded, gapBefore };
}
