// Numbers as people write them: groups of digits joined by short separators (03-1234-5678,
// 03 - 1234 - 5678, (03) 1234-5678, 03ー1234ー5678, +81 3 1234 5678). One pass over the folded
// text; phone numbers, postal codes and addresses are read from these runs, each with a bounded
// look at the characters around them, so the whole scan stays linear whatever the input.

export interface DigitGroup {
  start: number;
  end: number;
}

export interface DigitRun {
  groups: DigitGroup[];
  /** seps[k]: how group k is joined to group k - 1 (seps[0] is unused). */
  seps: Join[];
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

/** The separator after a group (at most three characters), or null when the run ends there. */
function separator(t: string, at: number): { join: Join; next: number } | null {
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
  if (p === at || p >= t.length || !isDigit(t.charCodeAt(p)) || blanks > 2 || marks > 2) return null;
  return { join: marks > 0 ? 'strong' : 'weak', next: p };
}

/** Every run of digit groups in the text, in order. */
export function digitRuns(t: string): DigitRun[] {
  const runs: DigitRun[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(t.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    let plus = -1;
    let p = i - 1;
    if (p >= 0 && t.charCodeAt(p) === 0x28) start = p--;
    while (p >= 0 && i - p <= 2 && isBlank(t.charCodeAt(p))) p--;
    if (p >= 0 && t.charCodeAt(p) === 0x2b) start = plus = p;
    const groups: DigitGroup[] = [];
    const seps: Join[] = ['weak'];
    let at = i;
    for (;;) {
      let e = at;
      while (e < n && isDigit(t.charCodeAt(e))) e++;
      groups.push({ start: at, end: e });
      const sep = separator(t, e);
      if (!sep) {
        i = e;
        break;
      }
      seps.push(sep.join);
      at = sep.next;
    }
    runs.push({ groups, seps, plus, start });
  }
  return runs;
}

export const digitCount = (run: DigitRun, a: number, b: number) => {
  let d = 0;
  for (let k = a; k <= b; k++) d += run.groups[k]!.end - run.groups[k]!.start;
  return d;
};
