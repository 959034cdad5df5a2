import { normalizeText, toOriginal } from '../../../shared/text/folded';
import { tokenize, type QueryPart, type Token } from '../../../shared/text/tokenize';

// Where a query matches a text, found with the same tokeniser as the index: a part matches where its
// terms stand in a row (a Japanese part's bigrams overlap by one character, so 画像を削除 is not
// matched by 画像 … 像を … 削除 scattered over the text). Runs only on the few final hits.

export type Range = [number, number];

function phraseAt(tokens: Token[], i: number, phrase: string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i + k];
    if (!t || t.term !== phrase[k]) return false;
    if (k > 0 && t.start >= tokens[i + k - 1]!.end) return false;
  }
  return true;
}

/** [start, end) in `text` of every match of each part; an empty list means that part is absent. */
export function matchParts(text: string, parts: QueryPart[]): Range[][] {
  const tokens = tokenize(text);
  const folded = parts.some((p) => p.single) ? normalizeText(text) : null;
  return parts.map((part) => {
    const out: Range[] = [];
    if (part.single) {
      const needle = part.phrase[0]!;
      for (let at = folded!.text.indexOf(needle); at >= 0; at = folded!.text.indexOf(needle, at + 1))
        out.push(toOriginal(folded!, at, at + needle.length));
      return out;
    }
    for (let i = 0; i < tokens.length; i++)
      if (phraseAt(tokens, i, part.phrase))
        out.push([tokens[i]!.start, tokens[i + part.phrase.length - 1]!.end]);
    return out;
  });
}

const BEFORE = 30;
const LENGTH = 140;

/** Merged, sorted ranges (highlights must not overlap). */
function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export function allRanges(matches: Range[][]): Range[] {
  return merge(matches.flat());
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
