import { CJK, FORMAT, MARK, classTable, isFormatCodePoint } from './charClass';
import { NAME_VARIANTS } from './nameVariants';

// The text as the privacy scanner compares it, with a map back to the text as written:
// NFKC (full-width ＡＢＣ and half-width ｶﾀｶﾅ become ABC and カタカナ), format characters removed
// (zero-width space and joiners, soft hyphen, bidi controls, variation selectors), lower case,
// Latin accents dropped (é → e), katakana folded to hiragana (タナカ, ﾀﾅｶ and たなか are one), and
// the variant kanji of names folded (髙 → 高). Every folded code unit remembers the original
// characters it came from, so a finding maps back to exactly what the author typed, including a
// zero-width space hidden inside it.

export interface Folded {
  original: string;
  text: string;
  /** Original offset where the code unit at each index of `text` starts. */
  start: Int32Array;
  /** Original offset where it ends. */
  end: Int32Array;
}

let latinBase: Uint16Array | null = null;

/** À–ɏ → the ASCII letter it is built on (lower case), or 0. */
function latinBaseTable(): Uint16Array {
  if (latinBase) return latinBase;
  const t = new Uint16Array(0x250 - 0xc0);
  for (let c = 0xc0; c < 0x250; c++) {
    const d = String.fromCharCode(c).normalize('NFD').toLowerCase();
    const b = d.charCodeAt(0);
    if (d.length > 1 && b >= 0x61 && b <= 0x7a) t[c - 0xc0] = b;
  }
  return (latinBase = t);
}

/** One normalised code unit, folded; -1 when it only hides (a format character). */
function foldUnit(code: number, cls: Uint8Array): number {
  if (cls[code]! & FORMAT) return -1;
  if (code >= 0x30a1 && code <= 0x30f6) return code - 0x60;
  if (code >= 0xc0 && code < 0x250) return latinBaseTable()[code - 0xc0] || code;
  if (cls[code]! & CJK) return NAME_VARIANTS.get(code) ?? code;
  return code;
}

/** Characters NFKC and lower case leave alone (apart from A–Z): the common case needs no normalize(). */
function plain(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    code === 0x0a ||
    code === 0x09 ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

class Output {
  codes: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) {
      const grow = <T extends Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2 + 16);
        b.set(a);
        return b;
      };
      this.codes = grow(this.codes, (n) => new Uint16Array(n));
      this.start = grow(this.start, (n) => new Int32Array(n));
      this.end = grow(this.end, (n) => new Int32Array(n));
    }
    this.codes[this.length] = code;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.length++;
  }

  text(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.length; i += 8192)
      parts.push(String.fromCharCode(...this.codes.subarray(i, Math.min(this.length, i + 8192))));
    return parts.join('');
  }
}

const MARK_RE = /\p{M}/u;

function isMarkAt(s: string, i: number, cls: Uint8Array): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x300) return false;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = s.codePointAt(i)!;
    return cp > 0xffff && (isFormatCodePoint(cp) || MARK_RE.test(String.fromCodePoint(cp)));
  }
  return (cls[c]! & MARK) !== 0;
}

export function fold(original: string): Folded {
  const cls = classTable();
  const n = original.length;
  const out = new Output(n + 16);
  let i = 0;
  while (i < n) {
    const code = original.charCodeAt(i);
    if (plain(code) && (i + 1 >= n || !isMarkAt(original, i + 1, cls))) {
      const lower = code >= 0x41 && code <= 0x5a ? code + 32 : code;
      const f = foldUnit(lower, cls);
      if (f >= 0) out.push(f, i, i + 1);
      i++;
      continue;
    }
    // A character with the marks that follow it (ｶﾞ, か + combining dakuten, 辻 + a variation
    // selector), normalised together.
    let j = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n && isMarkAt(original, j, cls)) j += original.charCodeAt(j) >= 0xd800 ? 2 : 1;
    const normal = original.slice(i, j).normalize('NFKC').toLowerCase();
    for (let k = 0; k < normal.length; k++) {
      const u = normal.charCodeAt(k);
      if (u >= 0xd800 && u <= 0xdbff && k + 1 < normal.length) {
        const cp = normal.codePointAt(k)!;
        k++;
        if (isFormatCodePoint(cp)) continue;
        const to = NAME_VARIANTS.get(cp) ?? cp;
        if (to <= 0xffff) out.push(to, i, j);
        else {
          out.push(0xd800 + ((to - 0x10000) >> 10), i, j);
          out.push(0xdc00 + ((to - 0x10000) & 0x3ff), i, j);
        }
        continue;
      }
      const f = foldUnit(u, cls);
      if (f >= 0) out.push(f, i, j);
    }
    i = j;
  }
  return {
    original,
    text: out.text(),
    start: out.start.subarray(0, out.length),
    end: out.end.subarray(0, out.length),
  };
}

/** The folded form of a short string (a name, a label), without the map. */
export function foldString(s: string): string {
  return fold(s).text;
}

/** [start, end) of the folded text → [start, end) of the original. */
export function toOriginal(f: Folded, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < f.start.length ? f.start[start]! : f.original.length;
    return [at, at];
  }
  return [f.start[start]!, f.end[end - 1]!];
}
