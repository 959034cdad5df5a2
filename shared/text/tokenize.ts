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
 * Characters NFKC and lower-casing leave as they are: ASCII other than A–Z, kana, the prolonged
 * sound mark and the unified kanji. The common case skips String.normalize (the FAQ publisher
 * tokenises megabytes of text; the result is the same, see tokenize.test.ts).
 */
function unchanged(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f && !(code >= 0x41 && code <= 0x5a)) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
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

/**
 * NFKC + lower case, character by character, remembering where each output character came from.
 * A base character is normalised together with the marks that follow it, so ｶﾞ becomes ガ.
 */
export function normalizeWithOffsets(text: string): NormalChar[] {
  const out: NormalChar[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (unchanged(code)) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (i + 1 >= n || surelyNotMark(next) || !MARK.test(String.fromCodePoint(text.codePointAt(i + 1)!))) {
        const lower = code >= 0x41 && code <= 0x5a ? code + 32 : code;
        out.push({ ch: String.fromCharCode(lower), start: i, end: i + 1 });
        i += 1;
        continue;
      }
    }
    let cluster = String.fromCodePoint(text.codePointAt(i)!);
    let j = i + cluster.length;
    while (j < n) {
      const mark = String.fromCodePoint(text.codePointAt(j)!);
      if (!MARK.test(mark)) break;
      cluster += mark;
      j += mark.length;
    }
    for (const ch of Array.from(cluster.normalize('NFKC').toLowerCase())) out.push({ ch, start: i, end: j });
    i = j;
  }
  return out;
}

export function tokenize(text: string): Token[] {
  const chars = normalizeWithOffsets(text);
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const kind = kindOf(chars[i]!.ch);
    let j = i + 1;
    while (j < chars.length && kindOf(chars[j]!.ch) === kind) j++;
    if (kind === 'word') {
      tokens.push({
        term: chars
          .slice(i, j)
          .map((c) => c.ch)
          .join(''),
        start: chars[i]!.start,
        end: chars[j - 1]!.end,
        position: tokens.length,
      });
    } else if (kind === 'cjk') {
      if (j - i === 1) {
        tokens.push({
          term: chars[i]!.ch,
          start: chars[i]!.start,
          end: chars[i]!.end,
          position: tokens.length,
        });
      } else {
        for (let k = i; k < j - 1; k++) {
          tokens.push({
            term: chars[k]!.ch + chars[k + 1]!.ch,
            start: chars[k]!.start,
            end: chars[k + 1]!.end,
            position: tokens.length,
          });
        }
      }
    }
    i = j;
  }
  return tokens;
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
