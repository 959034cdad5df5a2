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
  /** Original offset where it ends; null when each unit ends one after its start. */
  end: Int32Array | null;
  /** `text` as code units (what the detectors that read arrays start from). */
  codes: Uint16Array;
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

let variants: Uint16Array | null = null;

/** NAME_VARIANTS of the basic plane as a flat table (a Map lookup per kanji cost a fifth of a scan). */
function variantTable(): Uint16Array {
  if (variants) return variants;
  const t = new Uint16Array(0x10000);
  for (const [from, to] of NAME_VARIANTS) if (from <= 0xffff && to <= 0xffff) t[from] = to;
  return (variants = t);
}

/** One normalised code unit, folded; -1 when it only hides (a format character). */
function foldUnit(code: number, cls: Uint8Array): number {
  if (cls[code]! & FORMAT) return -1;
  if (code >= 0x30a1 && code <= 0x30f6) return code - 0x60;
  if (code >= 0xc0 && code < 0x250) return latinBaseTable()[code - 0xc0] || code;
  if (cls[code]! & CJK) return variantTable()[code] || code;
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

/**
 * Arrays one scan after another folds into, instead of allocating them afresh: a scan of 5 MB
 * wrote 50 MB of new arrays. Writing three new arrays of 5 million units: 29-31 ms; the same
 * three arrays reused: 16-18 ms (CPU, best of 6, shared 2-core machine at load 15). Only the
 * scanner passes one (scanText is never re-entered); the arrays stay as large as the largest text
 * scanned by the thread.
 */
export class FoldScratch {
  codes: Uint16Array = new Uint16Array(0);
  start: Int32Array = new Int32Array(0);
  end: Int32Array = new Int32Array(0);
}

/** Folded code units and where each came from; grows only when a character expands (㈱ → (株)). */
class Output {
  codes: Uint16Array;
  start: Int32Array;
  /** Null while every unit so far ends one after it starts (the common case: no array to fill). */
  end: Int32Array | null = null;
  length = 0;

  constructor(
    capacity: number,
    private readonly scratch: FoldScratch | undefined,
  ) {
    if (scratch && scratch.codes.length >= capacity) {
      this.codes = scratch.codes;
      this.start = scratch.start;
    } else {
      this.codes = new Uint16Array(capacity);
      this.start = new Int32Array(capacity);
      if (scratch) {
        scratch.codes = this.codes;
        scratch.start = this.start;
      }
    }
  }

  reserve(extra: number): void {
    if (this.length + extra <= this.codes.length) return;
    const size = (this.length + extra) * 2;
    const codes = new Uint16Array(size);
    const start = new Int32Array(size);
    codes.set(this.codes);
    start.set(this.start);
    this.codes = codes;
    this.start = start;
    if (this.end) {
      const end = new Int32Array(size);
      end.set(this.end);
      this.end = end;
    }
    if (this.scratch) {
      this.scratch.codes = codes;
      this.scratch.start = start;
      if (this.end) this.scratch.end = this.end;
    }
  }

  /** The array of ends, filled in for the units so far (each ends one after its start). */
  ends(): Int32Array {
    if (this.end) return this.end;
    const size = this.codes.length;
    const scratch = this.scratch;
    const end = scratch && scratch.end.length >= size ? scratch.end : new Int32Array(size);
    if (scratch) scratch.end = end;
    for (let k = 0; k < this.length; k++) end[k] = this.start[k]! + 1;
    return (this.end = end);
  }

  push(code: number, start: number, end: number): void {
    this.reserve(1);
    if (!this.end && end !== start + 1) this.ends();
    this.codes[this.length] = code;
    this.start[this.length] = start;
    if (this.end) this.end[this.length] = end;
    this.length++;
  }

  /**
   * The folded string. TextDecoder is native and about ten times faster than String.fromCharCode
   * over chunks; it turns a lone surrogate into U+FFFD, one code unit for one, so offsets hold.
   */
  text(): string {
    return utf16.decode(this.codes.subarray(0, this.length));
  }
}

const utf16 = new TextDecoder('utf-16le');
const halfKana = new Map<number, number>();

/** The folded form of a half-width katakana (and its voiced sound mark), or 0 if it has several units. */
function halfWidthKana(code: number, mark: number): number {
  const key = code * 0x10000 + mark;
  let to = halfKana.get(key);
  if (to === undefined) {
    const s = String.fromCharCode(code, ...(mark ? [mark] : [])).normalize('NFKC');
    to = s.length === 1 ? foldUnit(s.charCodeAt(0), classTable()) : 0;
    halfKana.set(key, to < 0 ? 0 : to);
  }
  return to < 0 ? 0 : to;
}

const MARK_RE = /\p{M}/u;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function isMarkAt(s: string, i: number, cls: Uint8Array): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x300) return false;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = s.codePointAt(i)!;
    return cp > 0xffff && (isFormatCodePoint(cp) || MARK_RE.test(String.fromCodePoint(cp)));
  }
  return (cls[c]! & MARK) !== 0;
}

let simple: Int32Array | null = null;

/**
 * What each code unit folds to when no mark follows it, from one table: the folded unit + 1, -1
 * for a unit that only hides (a format character), 0 where the slow path must decide (surrogates,
 * what NFKC makes several units of: ㈱, ﬁ). Built from the very rules of the slow path, so both
 * paths agree. Fold of 5 MB of ordinary answer text: 133-151 ms with a plain()/foldUnit() test per
 * character and new arrays, 64-68 ms with this table and FoldScratch; 5 MB of 田中様 repeated:
 * 116-152 ms → 67-72 ms (CPU, best of 5, on the shared 2-core machine at load 13-15).
 */
function simpleTable(): Int32Array {
  if (simple) return simple;
  const cls = classTable();
  const t = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (plain(c)) {
      const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      const f = c < 0x80 ? lower : foldUnit(lower, cls);
      t[c] = f >= 0 ? f + 1 : -1;
      continue;
    }
    if (cls[c]! & FORMAT) {
      t[c] = -1;
      continue;
    }
    if (c >= 0xff61 && c <= 0xff9f) {
      const f = halfWidthKana(c, 0);
      if (f) {
        t[c] = f + 1;
        continue;
      }
    }
    const normal = String.fromCharCode(c).normalize('NFKC').toLowerCase();
    if (normal.length !== 1) continue;
    const u = normal.charCodeAt(0);
    if (u >= 0xd800 && u <= 0xdfff) continue;
    const f = foldUnit(u, cls);
    t[c] = f >= 0 ? f + 1 : -1;
  }
  return (simple = t);
}

/**
 * The folded text and its map. With `scratch` (the scanner's), the arrays of the result are views
 * into it, good until the next fold into the same scratch.
 */
export function fold(original: string, scratch?: FoldScratch): Folded {
  const cls = classTable();
  const table = simpleTable();
  const n = original.length;
  const out = new Output(n + 16, scratch);
  let codes = out.codes;
  let starts = out.start;
  let ends = out.end;
  let k = 0;
  let i = 0;
  let code = n > 0 ? original.charCodeAt(0) : 0;
  while (i < n) {
    const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
    const f = table[code]!;
    // The common case: a unit the table knows, and no mark after it to compose with. At most one
    // unit out per unit in, and the slow path always leaves room for that.
    if (
      f !== 0 &&
      (next < 0x300 ||
        (next >= 0xd800 && next <= 0xdbff ? !isMarkAt(original, i + 1, cls) : (cls[next]! & MARK) === 0))
    ) {
      if (f > 0) {
        codes[k] = f - 1;
        starts[k] = i;
        if (ends) ends[k] = i + 1;
        k++;
      }
      i++;
      code = next;
      continue;
    }
    out.length = k;
    i = foldCluster(original, i, next, out, cls);
    k = out.length;
    codes = out.codes;
    starts = out.start;
    ends = out.end;
    code = i < n ? original.charCodeAt(i) : 0;
  }
  out.length = k;
  const codesOut = out.codes.subarray(0, k);
  return {
    original,
    text: out.text(),
    codes: codesOut,
    start: out.start.subarray(0, k),
    end: out.end ? out.end.subarray(0, k) : null,
  };
}

/** The slow path at `i`: a character with the marks after it, or one NFKC makes several units of. */
function foldCluster(original: string, i: number, next: number, out: Output, cls: Uint8Array): number {
  const n = original.length;
  const code = original.charCodeAt(i);
  const nextIsMark =
    next >= 0x300 &&
    (next >= 0xd800 && next <= 0xdbff ? isMarkAt(original, i + 1, cls) : (cls[next]! & MARK) !== 0);
  // Invisible characters alone: nothing to normalise, nothing to keep.
  if (cls[code]! & FORMAT && !nextIsMark) return i + 1;
  // Half-width katakana, with a voiced sound mark after it or not (ﾀﾞ → だ), from a table.
  if (code >= 0xff61 && code <= 0xff9f) {
    const voiced = next === 0xff9e || next === 0xff9f;
    const folded = halfWidthKana(code, voiced ? next : 0);
    if (folded) {
      const len = voiced ? 2 : 1;
      out.reserve(1 + n - i - len);
      out.push(folded, i, i + len);
      return i + len;
    }
  }
  // A character with the marks that follow it (ｶﾞ, か + combining dakuten, 辻 + a variation
  // selector), normalised together.
  let j = i + (isHighSurrogate(code) && isLowSurrogate(original.charCodeAt(i + 1)) ? 2 : 1);
  while (j < n && isMarkAt(original, j, cls)) j += isHighSurrogate(original.charCodeAt(j)) ? 2 : 1;
  const normal = original.slice(i, j).normalize('NFKC').toLowerCase();
  // Room for what the cluster became, plus what is left of the text one unit for one.
  out.reserve(normal.length + (n - j));
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
  return j;
}

/** The folded form of a short string (a name, a label), without the map. */
export function foldString(s: string): string {
  return fold(s).text;
}

/** Original offset where the folded unit at `k` ends. */
export const originalEnd = (f: Folded, k: number): number => (f.end ? f.end[k]! : f.start[k]! + 1);

/** [start, end) of the folded text → [start, end) of the original. */
export function toOriginal(f: Folded, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < f.start.length ? f.start[start]! : f.original.length;
    return [at, at];
  }
  return [f.start[start]!, originalEnd(f, end - 1)];
}
