// What each UTF-16 code unit is, as far as the privacy scanner cares, from one table built once
// (65,536 entries; about 30 ms at first use). The scanner looks a character up instead of testing a
// regular expression per character, which keeps a scan of megabytes linear and fast.

/** Invisible characters that only hide what a text says: \p{Cf}, variation selectors, fillers. */
export const FORMAT = 1;
/** Combining marks (and the half-width voiced sound marks) that belong to the character before. */
export const MARK = 2;
/** White space of any width. */
export const SPACE = 4;
/**
 * What may stand between the parts of a name or a company: spaces and punctuation, except what
 * ends a sentence, brackets and quotes, and the characters of addresses (@ # & % *).
 */
export const GAP = 8;
/** A Latin letter or a digit: a Latin name must not continue into one (john ≠ johnson). */
export const LATIN = 16;
/** Kanji, kana, the prolonged sound mark and the iteration marks. */
export const CJK = 32;
/** Any letter or digit. */
export const WORD = 64;

let table: Uint8Array | null = null;

const NOT_GAP = new Set([...'@#&%*!?。！？｡']);

function build(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const cf = /\p{Cf}/u;
  const mark = /\p{M}/u;
  const space = /\s/u;
  const punct = /\p{P}/u;
  const bracket = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}]/u;
  const latin = /[\p{Script=Latin}\p{Nd}]/u;
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]/u;
  const word = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    let k = 0;
    if (cf.test(ch)) k |= FORMAT;
    if (mark.test(ch) || c === 0xff9e || c === 0xff9f) k |= MARK;
    if (space.test(ch)) k |= SPACE | GAP;
    else if (punct.test(ch) && !bracket.test(ch) && !NOT_GAP.has(ch)) k |= GAP;
    if (latin.test(ch)) k |= LATIN;
    if (cjk.test(ch)) k |= CJK;
    if (word.test(ch)) k |= WORD;
    t[c] = k;
  }
  // Variation selectors and joiners are marks, but they only hide: drop them like format characters.
  for (let c = 0xfe00; c <= 0xfe0f; c++) t[c] = t[c]! | FORMAT;
  for (const c of [0x034f, 0x180b, 0x180c, 0x180d, 0x180f]) t[c] = t[c]! | FORMAT;
  // Letters that show nothing (Hangul fillers), used to split a word invisibly.
  for (const c of [0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]) t[c] = FORMAT;
  // The surrogates of the supplementary ideograph planes (CJK extensions B to H): kanji.
  for (let c = 0xd840; c <= 0xd8bf; c++) t[c] = CJK | WORD;
  return t;
}

/** The class bits of one code unit. */
export function classOf(code: number): number {
  return (table ??= build())[code]!;
}

/** The whole table, for loops that look up every character. */
export function classTable(): Uint8Array {
  return (table ??= build());
}

/** Supplementary code points that only hide: variation selectors 17–256 and the tag characters. */
export function isFormatCodePoint(cp: number): boolean {
  return (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0xe0000 && cp <= 0xe007f) || cp === 0x1bca0;
}
