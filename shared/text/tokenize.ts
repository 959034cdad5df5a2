// The one tokeniser of the app. Search in the library (SQLite), the FAQ site's index, and the FAQ's
// search box in the browser all call it, at index time and at query time alike: a search engine
// that tokenises the two ends differently misses Japanese compound words.
//
// Text is normalised (NFKC: full-width ＡＢＣ → ABC, half-width ｴﾗｰ → エラー; lower case), then split
// into runs. A run of Latin letters or digits is one word. A run of Japanese (kanji, kana, the
// prolonged sound mark) becomes its overlapping character bigrams: 画像を削除 → 画像 像を を削 削除.
// Bigrams need no dictionary, so any two-character word (決済, 画像) is found inside longer text,
// and a longer query matches when its bigrams stand next to each other (a phrase). A run of one
// Japanese character is kept as a unigram; a one-character query falls back to a scan of titles.

export interface Token {
  /** The normalised term, as indexed. */
  term: string;
  /** [start, end) in the ORIGINAL text, for highlighting. */
  start: number;
  end: number;
  /** Position of the token in the text, for phrase matching. */
  position: number;
}

type Kind = 'word' | 'cjk' | 'other';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆ヶ]/u;
const WORD = /[\p{L}\p{N}_]/u;
const MARK = /[\p{M}\uFF9E\uFF9F]/u;

/** The kind of one (normalised) character; ASCII and the usual Japanese ranges without a regex. */
export function kindOf(ch: string): Kind {
  const code = ch.charCodeAt(0);
  if (ch.length === 1) {
    if (code < 0x80) {
      const lower = code | 0x20;
      return (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f
        ? 'word'
        : 'other';
    }
    if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc)
      return 'cjk';
    if (code >= 0x4e00 && code <= 0x9fff) return 'cjk';
  }
  if (CJK.test(ch)) return 'cjk';
  if (WORD.test(ch)) return 'word';
  return 'other';
}

interface NormalChar {
  ch: string;
  start: number;
  end: number;
}

/**
 * Characters NFKC and lower-casing leave as they are: ASCII other than A–Z (control characters
 * included), kana, the prolonged sound mark and the unified kanji. The common case skips
 * String.normalize (the FAQ publisher and the library index tokenise megabytes of text; the result
 * is the same, see tokenize.test.ts).
 */
function unchanged(code: number): boolean {
  return (
    (code < 0x80 && !(code >= 0x41 && code <= 0x5a)) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

/**
 * What NFKC + lower case make of a character that stands alone (no mark after it), for the common
 * characters whose result is known without String.normalize: A–Z, full-width ASCII (ＡＢＣ０１２！),
 * the ideographic space. -1 for any other character.
 */
function simpleFold(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = code - 0xfee0;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
  }
  if (code === 0x3000) return 0x20;
  return -1;
}

/** Code units that cannot be a combining mark, so the character before them stands alone. */
function surelyNotMark(code: number): boolean {
  return (
    code < 0x300 ||
    (code >= 0x3000 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xff01 && code <= 0xff5e)
  );
}

/** Where each UTF-16 unit of the normalised text came from: [start, end) in the original. */
interface Offsets {
  starts: number[];
  ends: number[];
}

/**
 * NFKC + lower case, character by character: a base character is normalised together with the
 * marks that follow it, so ｶﾞ becomes ガ. With `offsets`, records where every unit of the result
 * came from. The one normalisation of the tokeniser; tokenize, termsOf and normalizeWithOffsets
 * all read its result.
 */
function normalizeCore(text: string, offsets: Offsets | null): string {
  const n = text.length;
  let out = '';
  // Characters that stay as they are are copied a run at a time.
  let copyFrom = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const alone =
      i + 1 >= n || surelyNotMark(next) || !MARK.test(String.fromCodePoint(text.codePointAt(i + 1)!));
    if (alone && unchanged(code)) {
      if (offsets) {
        offsets.starts.push(i);
        offsets.ends.push(i + 1);
      }
      i += 1;
      continue;
    }
    if (copyFrom < i) out += text.slice(copyFrom, i);
    const folded = alone ? simpleFold(code) : -1;
    if (folded >= 0) {
      out += String.fromCharCode(folded);
      if (offsets) {
        offsets.starts.push(i);
        offsets.ends.push(i + 1);
      }
      i += 1;
      copyFrom = i;
      continue;
    }
    let cluster = String.fromCodePoint(text.codePointAt(i)!);
    let j = i + cluster.length;
    while (j < n) {
      const mark = String.fromCodePoint(text.codePointAt(j)!);
      if (!MARK.test(mark)) break;
      cluster += mark;
      j += mark.length;
    }
    const normal = cluster.normalize('NFKC').toLowerCase();
    out += normal;
    if (offsets) {
      for (let k = 0; k < normal.length; k++) {
        offsets.starts.push(i);
        offsets.ends.push(j);
      }
    }
    i = j;
    copyFrom = i;
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}

/**
 * NFKC + lower case, character by character, remembering where each output character came from.
 * A base character is normalised together with the marks that follow it, so ｶﾞ becomes ガ.
 */
export function normalizeWithOffsets(text: string): NormalChar[] {
  const offsets: Offsets = { starts: [], ends: [] };
  const normal = normalizeCore(text, offsets);
  const out: NormalChar[] = [];
  for (let i = 0; i < normal.length;) {
    const len = unitsAt(normal, i);
    out.push({ ch: normal.slice(i, i + len), start: offsets.starts[i]!, end: offsets.ends[i]! });
    i += len;
  }
  return out;
}

/** 2 where a surrogate pair starts at i, else 1 (a lone surrogate is a character of its own). */
function unitsAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

const KIND_OTHER = 0;
const KIND_WORD = 1;
const KIND_JAPANESE = 2;
const KIND_CODE: Record<Kind, number> = { other: KIND_OTHER, word: KIND_WORD, cjk: KIND_JAPANESE };

/** kindOf for the character at i, as a number, without making a string for the common characters. */
function kindAt(text: string, i: number, len: number): number {
  if (len === 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const lower = code | 0x20;
      return (lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f
        ? KIND_WORD
        : KIND_OTHER;
    }
    if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc)
      return KIND_JAPANESE;
    if (code >= 0x4e00 && code <= 0x9fff) return KIND_JAPANESE;
  }
  return KIND_CODE[kindOf(text.slice(i, i + len))];
}

/**
 * The rules of the tokeniser over normalised text: where every term stands ([from, to) in
 * `normal`; the term is that slice). A run of word characters is one term; a run of Japanese becomes its overlapping
 * bigrams, or one unigram when the run is a single character.
 */
function scanTerms(normal: string, emit: (from: number, to: number) => void): void {
  const n = normal.length;
  let i = 0;
  while (i < n) {
    let len = unitsAt(normal, i);
    const kind = kindAt(normal, i, len);
    let j = i + len;
    if (kind === KIND_JAPANESE) {
      let previous = i;
      while (j < n) {
        len = unitsAt(normal, j);
        if (kindAt(normal, j, len) !== KIND_JAPANESE) break;
        emit(previous, j + len);
        previous = j;
        j += len;
      }
      if (previous === i) emit(i, j);
    } else {
      while (j < n) {
        len = unitsAt(normal, j);
        if (kindAt(normal, j, len) !== kind) break;
        j += len;
      }
      if (kind === KIND_WORD) emit(i, j);
    }
    i = j;
  }
}

export function tokenize(text: string): Token[] {
  const offsets: Offsets = { starts: [], ends: [] };
  const normal = normalizeCore(text, offsets);
  const tokens: Token[] = [];
  scanTerms(normal, (from, to) =>
    tokens.push({
      term: normal.slice(from, to),
      start: offsets.starts[from]!,
      end: offsets.ends[to - 1]!,
      position: tokens.length,
    }),
  );
  return tokens;
}

/** The terms of a text in order, as tokenize gives them, without their places (what an index needs). */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  const normal = normalizeCore(text, null);
  scanTerms(normal, (from, to) => terms.push(normal.slice(from, to)));
  return terms;
}

/**
 * The terms of a text as spans of its normalised form (`normal.slice(from, to)` is the term), for
 * the index build's hot loop: a two-character term is looked up by its two char codes, with no
 * string made for it (~90% of Japanese text's terms).
 */
export function forEachTermSpan(
  text: string,
  emit: (normal: string, from: number, to: number) => void,
): void {
  const normal = normalizeCore(text, null);
  scanTerms(normal, (from, to) => emit(normal, from, to));
}

/** The terms of a text, space-separated: what goes into a full-text index column. */
export function indexText(text: string): string {
  return tokenize(text)
    .map((t) => t.term)
    .join(' ');
}

export interface QueryPart {
  /** Terms that must stand next to each other, in this order (one term for a word). */
  phrase: string[];
  /** A single Japanese character: too short for the bigram index. */
  single: boolean;
}

/**
 * A query as the index sees it: one part per run (a word, or the bigram chain of a Japanese run).
 * Every part must match; ranking is up to the caller.
 */
export function parseQuery(query: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const tokens = tokenize(query);
  let current: Token[] = [];
  const flush = () => {
    if (!current.length) return;
    const single = current.length === 1 && [...current[0]!.term].length === 1 && CJK.test(current[0]!.term);
    parts.push({ phrase: current.map((t) => t.term), single });
    current = [];
  };
  for (const token of tokens) {
    const prev = current[current.length - 1];
    // Bigrams of one run overlap by a character (their offsets overlap); a new run starts a new part.
    const sameRun = prev !== undefined && CJK.test(token.term[0] ?? '') && token.start < prev.end;
    if (!sameRun) flush();
    current.push(token);
  }
  flush();
  return parts;
}
