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

export function compactView(folded: string): CompactView {
  const cls = classTable();
  const n = folded.length;
  const codes = new Uint16Array(n);
  const toFolded = new Int32Array(n);
  const gapBefore = new Uint8Array(n);
  let length = 0;
  let gap = 0;
  for (let i = 0; i < n; i++) {
    const c = folded.charCodeAt(i);
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
