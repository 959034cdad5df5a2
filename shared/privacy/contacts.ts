import { CJK, classTable } from './charClass';
import { digitCount, digitRuns, isDash, type DigitRun } from './digitRuns';
import { foldString } from './fold';
import type { PrivacyKind } from './types';

// E-mail addresses, phone numbers and postal codes in the folded text (so full-width, zero-width
// and soft-hyphen tricks are already gone). Hand-written scanners: each looks at a bounded number
// of characters around an @ or a run of digits, so no input makes them slow. They err on the side
// of flagging: a false alarm costs the vendor one click, a miss publishes a customer's details.

export interface PatternMatch {
  kind: PrivacyKind;
  start: number;
  end: number;
}

const isLocal = (c: number) =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x2e ||
  c === 0x5f ||
  c === 0x25 ||
  c === 0x2b ||
  c === 0x2d;
const isLabel = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
const isLetter = (c: number) => c >= 0x61 && c <= 0x7a;

/** Spellings of @ and of the dot that people use to hide an address from robots. */
const AT_WORDS = ['[at]', '(at)'];
const DOT_WORDS = ['.', '[.]', '(.)', '[dot]', '(dot)'];

function wordAt(t: string, at: number, words: readonly string[]): number {
  for (const w of words) if (t.startsWith(w, at)) return w.length;
  return 0;
}

/** The domain after an @: labels joined by dots; its end, or -1. */
function domainEnd(t: string, from: number): number {
  let p = from;
  if (t.charCodeAt(p) === 0x20) p++;
  let labels = 0;
  let lastStart = -1;
  let end = -1;
  while (p < t.length && p - from < 255) {
    const s = p;
    while (p < t.length && p - s < 63 && isLabel(t.charCodeAt(p))) p++;
    if (p === s || t.charCodeAt(s) === 0x2d) break;
    labels++;
    lastStart = s;
    end = p;
    const dot = wordAt(t, p, DOT_WORDS);
    if (!dot || !isLabel(t.charCodeAt(p + dot))) break;
    p += dot;
  }
  if (labels < 2) return -1;
  // The top-level domain: two or more letters (example.jp, not 1.5).
  for (let k = lastStart; k < end; k++) if (!isLetter(t.charCodeAt(k))) return -1;
  return end - lastStart >= 2 ? end : -1;
}

export function findEmails(t: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  let resume = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const atLen = c === 0x40 ? 1 : c === 0x5b || c === 0x28 ? wordAt(t, i, AT_WORDS) : 0;
    if (!atLen) continue;
    let p = i;
    if (atLen === 1 && p > 0 && t.charCodeAt(p - 1) === 0x20) p--;
    let q = p;
    while (q > resume && p - q < 64 && isLocal(t.charCodeAt(q - 1))) q--;
    while (q < p && t.charCodeAt(q) === 0x2e) q++;
    if (q === p) continue;
    const end = domainEnd(t, i + atLen);
    if (end < 0) continue;
    out.push({ kind: 'email', start: q, end });
    resume = end;
    i = end - 1;
  }
  return out;
}

function isPhone(t: string, run: DigitRun, a: number, b: number): boolean {
  const digits = digitCount(run, a, b);
  const first = t.charCodeAt(run.starts[a]!);
  if (a === 0 && run.plus >= 0) return digits >= 8 && digits <= 15;
  // Japanese: 03-1234-5678, 090-1234-5678, 0120-123-456, 0312345678.
  if (first === 0x30 && (digits === 10 || digits === 11) && b - a <= 3) return true;
  // North American: (555) 123-4567, 555-123-4567, 555.123.4567.
  if (b - a !== 2 || first < 0x32) return false;
  const { starts, ends } = run;
  return (
    ends[a]! - starts[a]! === 3 &&
    ends[a + 1]! - starts[a + 1]! === 3 &&
    ends[b]! - starts[b]! === 4 &&
    run.strong[b] === 1
  );
}

export function findPhones(t: string, runs: readonly DigitRun[]): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const run of runs) {
    const m = run.starts.length;
    // A number starts and ends where only spaces join it to its neighbours: never inside
    // 2026-11-23 or 4.2.1, but 2026 年 03 1234 5678 holds one.
    for (let a = 0; a < m; a++) {
      if (a > 0 && run.strong[a] === 1) continue;
      for (let b = Math.min(m - 1, a + 5); b >= a; b--) {
        if (b < m - 1 && run.strong[b + 1] === 1) continue;
        if (!isPhone(t, run, a, b)) continue;
        out.push({
          kind: 'phone',
          start: a === 0 ? run.start : run.starts[a]!,
          end: run.ends[b]!,
        });
        a = b;
        break;
      }
    }
  }
  return out;
}

const POSTAL_LABELS = ['〒', '郵便番号', '郵便', 'postal code', 'postcode', 'post code', 'zip code', 'zip'];
const PREFECTURES = (
  '北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 ' +
  '新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 ' +
  '奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 ' +
  '熊本県 大分県 宮崎県 鹿児島県 沖縄県'
)
  .split(' ')
  .map(foldString);
const MUNICIPALITY = new Set([...'市区町村郡'].map((c) => c.charCodeAt(0)));
const US_STATES = new Set(
  (
    'al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny ' +
    'nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc'
  ).split(' '),
);

export const startsWithPrefecture = (t: string, at: number) => PREFECTURES.some((p) => t.startsWith(p, at));

/** A municipality within the next few characters: 渋谷区, 大阪市 (an address follows). */
function municipalityAhead(t: string, at: number): boolean {
  const cls = classTable();
  for (let p = at; p < t.length && p - at < 7; p++) {
    const c = t.charCodeAt(p);
    if (!(cls[c]! & CJK)) return false;
    if (p > at && MUNICIPALITY.has(c)) return true;
  }
  return false;
}

export function findPostalCodes(t: string, runs: readonly DigitRun[]): PatternMatch[] {
  const out: PatternMatch[] = [];
  const len = (g: readonly { start: number; end: number }[], k: number) => g[k]!.end - g[k]!.start;
  for (const run of runs) {
    // Postal codes are one group or two.
    if (run.starts.length > 2) continue;
    const g = Array.from(run.starts, (start, k) => ({ start, end: run.ends[k]! }));
    // Japanese: 〒150-0001, 郵便番号 1500001, or 150-0001 right before an address.
    const jp =
      (g.length === 2 && len(g, 0) === 3 && len(g, 1) === 4 && isDash(t.charCodeAt(g[0]!.end))) ||
      (g.length === 1 && len(g, 0) === 7);
    if (jp && run.plus < 0) {
      let p = g[0]!.start;
      while (p > 0 && g[0]!.start - p < 3 && /[\s:]/.test(t[p - 1]!)) p--;
      const label = POSTAL_LABELS.find((l) => p - l.length >= 0 && t.startsWith(l, p - l.length));
      let q = g[g.length - 1]!.end;
      while (q < t.length && q - g[g.length - 1]!.end < 2 && t[q] === ' ') q++;
      const before = label !== undefined;
      const after = g.length === 2 && (startsWithPrefecture(t, q) || municipalityAhead(t, q));
      if (before || after)
        out.push({ kind: 'postal', start: label === '〒' ? p - 1 : g[0]!.start, end: g[g.length - 1]!.end });
      continue;
    }
    // US ZIP after a state: ", CA 94105", ", NY 10001-1234".
    if ((g.length === 1 && len(g, 0) === 5) || (g.length === 2 && len(g, 0) === 5 && len(g, 1) === 4)) {
      const s = g[0]!.start;
      if (t[s - 1] !== ' ' || s < 4) continue;
      const state = t.slice(s - 3, s - 1);
      const lead = t[s - 4]!;
      if (
        US_STATES.has(state) &&
        (lead === ' ' || lead === ',') &&
        /,\s{0,2}$/.test(t.slice(Math.max(0, s - 7), s - 3))
      )
        out.push({ kind: 'postal', start: s - 3, end: g[g.length - 1]!.end });
    }
  }
  return out;
}

/** UK postcodes (SW1A 1AA): a bounded pattern, at most eight characters per attempt. */
const UK_POSTCODE = /\b[a-z]{1,2}\d[a-z\d]? {1,2}\d(?!st|nd|rd|th)[a-z]{2}\b/g;

export function findUkPostcodes(t: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const m of t.matchAll(UK_POSTCODE))
    out.push({ kind: 'postal', start: m.index, end: m.index + m[0].length });
  return out;
}

export { digitRuns };
