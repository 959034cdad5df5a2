// Numbers as people write them: groups of digits joined by short separators (03-1234-5678,
// 03 - 1234 - 5678, (03) 1234-5678, 03ー1234ー5678, +81 3 1234 5678). One pass over the folded
// text; phone numbers, postal codes and addresses are read from these runs, each with a bounded
// look at the characters around them, so the whole scan stays linear whatever the input.

export interface DigitRun {
  /**
   * Where each group of digits starts and ends. Two arrays of numbers, not an object per group:
   * "1-1-1-…" over 5 MB is one run of 2.5 million groups. digitRuns and findPhones on it:
   * 252-267 ms with an object per group, 152-158 ms with typed arrays sized by the first pass
   * (CPU, best of 5, on the shared 2-core machine at load 13-15).
   */
  starts: Int32Array;
  ends: Int32Array;
  /** strong[k]: 1 when group k is joined to group k - 1 by a dash, dot or bracket (see Join). */
  strong: Uint8Array;
  /** A + right before the first group (international number). */
  plus: number;
  /** Start of the run: the + or ( before the first group, or the first digit. */
  start: number;
}

/** Hyphen-likes people type between digit groups (after NFKC), the prolonged sound mark included. */
export const isDash = (c: number) =>
  c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0x30fc || c === 0xff70;
export const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0;

/** 'strong': a dash, dot or bracket joins the groups; 'weak': only spaces (may be two numbers). */
export type Join = 'strong' | 'weak';

let lastJoin: Join = 'weak';

/** The separator after a group (at most three characters): where the next group starts, or -1. */
function separator(t: string, at: number): number {
  let blanks = 0;
  let marks = 0;
  let p = at;
  while (p < t.length && p - at < 3) {
    const c = t.charCodeAt(p);
    if (isBlank(c)) blanks++;
    else if (isDash(c) || c === 0x2e || c === 0x28 || c === 0x29) marks++;
    else break;
    p++;
  }
  if (p === at || p >= t.length || !isDigit(t.charCodeAt(p)) || blanks > 2 || marks > 2) return -1;
  lastJoin = marks > 0 ? 'strong' : 'weak';
  return p;
}

/**
 * Runs that may be a phone number (eight digits or more) or a postal code (3-4 or 7 digits in
 * Japan, 5 or 5-4 in the US): everything else (versions, dates, prices, hex dumps) is passed over
 * without keeping anything.
 */
function mayBeNumber(digits: number, groups: number, first: number, last: number): boolean {
  if (digits >= 8) return true;
  if (groups === 1) return first === 7 || first === 5;
  return groups === 2 && ((first === 3 && last === 4) || (first === 5 && last === 4));
}

/** A run right after kanji or kana (渋谷区神宮前1-2-3): may be the number of an address. */
function afterJapanese(t: string, first: number): boolean {
  const before = t.charCodeAt(first - 1);
  return before >= 0x3000 || (before === 0x20 && t.charCodeAt(first - 2) >= 0x3000);
}

export interface DigitRuns {
  runs: DigitRun[];
  /** Where the runs right after Japanese text start. */
  afterJapanese: number[];
}

/** Every run of digit groups in the text that may matter, in order. */
export function digitRuns(t: string): DigitRuns {
  const runs: DigitRun[] = [];
  const starts: number[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(t.charCodeAt(i))) {
      i++;
      continue;
    }
    // First pass: how many digits and where the run ends, keeping nothing (a hex dump is a
    // million short runs that do not matter).
    const first = i;
    let digits = 0;
    let count = 0;
    let firstLength = 0;
    let lastLength: number;
    let at = i;
    for (;;) {
      let e = at;
      while (e < n && isDigit(t.charCodeAt(e))) e++;
      digits += e - at;
      if (count++ === 0) firstLength = e - at;
      lastLength = e - at;
      const next = separator(t, e);
      if (next < 0) {
        i = e;
        break;
      }
      at = next;
    }
    if (afterJapanese(t, first)) starts.push(first);
    if (!mayBeNumber(digits, count, firstLength, lastLength)) continue;
    // Second pass over the few that may: the groups and how they are joined.
    // Sized by the first pass, so nothing grows.
    const groupStarts = new Int32Array(count);
    const groupEnds = new Int32Array(count);
    const strong = new Uint8Array(count);
    let k = 0;
    at = first;
    for (;;) {
      let e = at;
      while (e < n && isDigit(t.charCodeAt(e))) e++;
      groupStarts[k] = at;
      groupEnds[k] = e;
      const next = separator(t, e);
      if (next < 0) break;
      strong[++k] = lastJoin === 'strong' ? 1 : 0;
      at = next;
    }
    let start = first;
    let plus = -1;
    let p = first - 1;
    if (p >= 0 && t.charCodeAt(p) === 0x28) start = p--;
    while (p >= 0 && first - p <= 2 && isBlank(t.charCodeAt(p))) p--;
    if (p >= 0 && t.charCodeAt(p) === 0x2b) start = plus = p;
    runs.push({ starts: groupStarts, ends: groupEnds, strong, plus, start });
  }
  return { runs, afterJapanese: starts };
}

export const digitCount = (run: DigitRun, a: number, b: number) => {
  let d = 0;
  for (let k = a; k <= b; k++) d += run.ends[k]! - run.starts[k]!;
  return d;
};
