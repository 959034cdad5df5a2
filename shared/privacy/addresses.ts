import { CJK, classTable } from './charClass';
import type { PatternMatch } from './contacts';
import { isDash, isDigit } from './digitRuns';
import { foldString } from './fold';

// Street addresses. Japanese: a municipality (渋谷区, 大阪市北区) followed within a few characters
// by block numbers (神宮前1-2-3, 梅田3丁目1番1号), read backwards and forwards from each run of
// digits with bounded looks. English: a house number, up to three words and a street type, as a
// pattern whose every part is bounded (at most about 80 characters per attempt).

const MUNICIPALITY = new Set([...'市区町村郡'].map((c) => c.charCodeAt(0)));
/**
 * Between the municipality and the number: kanji, and the kana of place names (霞ヶ関, 三ノ輪,
 * folded to ゖ and の); not running hiragana, which is a sentence (区切り線を2番目に).
 */
const isPlaceName = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  c === 0x30fc ||
  c === 0x3005 ||
  c === 0x3096 ||
  c === 0x3095 ||
  c === 0x306e;
const BLOCK_SUFFIXES = ['丁目', '番地', '番', '号'].map(foldString);

/** The block numbers starting at `at`: their end, or -1 unless they look like an address. */
function blockNumbersEnd(t: string, at: number): number {
  let e = at;
  let address = false;
  for (let group = 0; group < 4; group++) {
    let d = e;
    while (d < t.length && d - e < 4 && isDigit(t.charCodeAt(d))) d++;
    if (d === e || isDigit(t.charCodeAt(d))) break;
    const suffix = BLOCK_SUFFIXES.find((s) => t.startsWith(s, d));
    if (suffix) {
      if (suffix !== '号') address = true;
      e = d + suffix.length;
      continue;
    }
    if (isDash(t.charCodeAt(d)) && isDigit(t.charCodeAt(d + 1))) {
      address = true;
      e = d + 1;
      continue;
    }
    e = d;
    break;
  }
  return address ? e : -1;
}

export function findJapaneseAddresses(t: string, numberStarts: readonly number[]): PatternMatch[] {
  const cls = classTable();
  const isCjk = (i: number) => i >= 0 && i < t.length && (cls[t.charCodeAt(i)]! & CJK) !== 0;
  const out: PatternMatch[] = [];
  for (const s of numberStarts) {
    let p = s;
    if (t[p - 1] === ' ') p--;
    // The municipality: the last 市/区/町/村/郡 within ten kanji or kana before the number.
    let m = -1;
    for (let q = p - 1; q >= 0 && p - q <= 11 && isPlaceName(t.charCodeAt(q)); q--) {
      if (MUNICIPALITY.has(t.charCodeAt(q))) {
        m = q;
        break;
      }
    }
    if (m < 0) continue;
    let start = m;
    while (start > 0 && m - start < 6 && isCjk(start - 1)) start--;
    if (start === m) continue;
    const end = blockNumbersEnd(t, s);
    if (end > 0) out.push({ kind: 'address', start, end });
  }
  return out;
}

const STREET =
  /\b\d{1,5} {1,2}(?:[a-z][a-z'.-]{0,24} {1,2}){1,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|parkway|pkwy)\b\.?/g;

export function findEnglishAddresses(t: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const m of t.matchAll(STREET))
    out.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  return out;
}
