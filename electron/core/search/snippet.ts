import { normalizeText, toOriginal } from '../../../shared/text/folded';
import { normalizeForSearch } from '../../../shared/text/normalize';
import { kindOf, type QueryPart } from '../../../shared/text/tokenize';

// Where a query matches a text, by the rules of the one tokeniser without running it (it costs
// ~0.3 ms for a long mail; this runs on every candidate): in the text as search folds it (NFKC,
// lower case), a Latin word matches a whole word, and a Japanese part matches wherever its
// characters stand together, which is exactly where its chain of overlapping bigrams occurs in
// one run (画像を削除 is not matched by 画像 … 削除 apart). Offsets map back to the original text.

export type Range = [number, number];

/** The text of a part as it stands in folded text: 決済方法 from 決済 済方 方法. */
export function partText(part: QueryPart): string {
  return (
    part.phrase[0]! +
    part.phrase
      .slice(1)
      .map((bigram) => bigram.slice(-1))
      .join('')
  );
}

interface Folded {
  text: string;
  toOriginal: (start: number, end: number) => Range;
}

function fold(text: string): Folded {
  const folded = normalizeForSearch(text);
  // The common case: folding kept every character's length (full-width → ASCII, kana, kanji), so
  // offsets are the same. Otherwise map them back character by character.
  if (folded.length === text.length) return { text: folded, toOriginal: (s, e) => [s, e] };
  const mapped = normalizeText(text);
  return { text: mapped.text, toOriginal: (s, e) => toOriginal(mapped, s, e) };
}

const isWordAt = (text: string, i: number) => i >= 0 && i < text.length && kindOf(text[i]!) === 'word';

/** [start, end) in `text` of every match of each part; an empty list means that part is absent. */
export function matchParts(text: string, parts: QueryPart[]): Range[][] {
  if (!text) return parts.map(() => []);
  const folded = fold(text);
  return parts.map((part) => {
    const needle = partText(part);
    const word = kindOf(needle[0]!) === 'word';
    const out: Range[] = [];
    for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + 1)) {
      if (word && (isWordAt(folded.text, at - 1) || isWordAt(folded.text, at + needle.length))) continue;
      out.push(folded.toOriginal(at, at + needle.length));
    }
    return out;
  });
}

const BEFORE = 30;
const LENGTH = 140;

/** Sorted ranges, overlapping ones merged (highlights must not overlap). */
export function allRanges(matches: Range[][]): Range[] {
  const sorted = matches.flat().sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * Plain text around the best match: the window that shows the most parts of the query (then the
 * earliest), with ranges relative to the snippet. Without a match, the start of the text.
 */
export function snippetOf(text: string, matches: Range[][]): { snippet: string; ranges: Range[] } {
  const ranges = allRanges(matches);
  let bestStart = 0;
  let bestScore = -1;
  for (const [start] of ranges) {
    const from = Math.max(0, start - BEFORE);
    const to = from + LENGTH;
    const score = matches.filter((m) => m.some(([s, e]) => s >= from && e <= to)).length;
    if (score > bestScore) {
      bestScore = score;
      bestStart = from;
    }
  }
  // Do not cut a surrogate pair in half.
  if (bestStart > 0 && /[\uDC00-\uDFFF]/.test(text[bestStart] ?? '')) bestStart--;
  let end = Math.min(text.length, bestStart + LENGTH);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
  const lead = bestStart > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  // Each whitespace character becomes one space, so offsets stay valid.
  const snippet = lead + text.slice(bestStart, end).replace(/\s/g, ' ') + tail;
  const shift = lead.length - bestStart;
  const inside = ranges
    .filter(([s, e]) => s >= bestStart && e <= end)
    .map(([s, e]): Range => [s + shift, e + shift]);
  return { snippet, ranges: inside };
}
