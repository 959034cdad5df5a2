import { findEnglishAddresses, findJapaneseAddresses } from './addresses';
import { CompactScratch, compactCodes } from './compact';
import {
  digitRuns,
  findEmails,
  findPhones,
  findPostalCodes,
  findUkPostcodes,
  type PatternMatch,
} from './contacts';
import type { CustomerMatcher } from './customers';
import { FoldScratch, fold, originalEnd } from './fold';
import { keyOfFolded } from './key';
import type { QuoteIndex } from './quotes';
import { findReferences } from './references';
import { resolveOverlaps } from './resolve';
import type { PrivacyKind, TextFinding } from './types';

export interface ScanContext {
  customers: CustomerMatcher;
  /** Texts of the customers whose questions the answer served. */
  quotes?: QuoteIndex;
  /** The vendor's own addresses and hosts (findingKey form): public on purpose. */
  ignore?: { emails: readonly string[]; hosts: readonly string[] };
}

const NOT_BLANK = /\S/;
/** The fold's and the compact view's arrays, reused by every scan of this thread (fold.ts says why). */
const foldScratch = new FoldScratch();
const compactScratch = new CompactScratch();
const HAS_DIGIT = /[0-9]/;

/**
 * Every customer detail in a text, in reading order, with offsets into the text as written.
 * Linear in the length of the text: one fold, one pass per kind of detail (automata and
 * hand-written scanners with bounded looks), and an O(n log n) resolution of overlaps.
 */
export function scanText(text: string, ctx: ScanContext): TextFinding[] {
  if (!NOT_BLANK.test(text)) return [];
  const folded = fold(text, foldScratch);
  const t = folded.text;
  const view = compactCodes(folded.codes, folded.codes.length, compactScratch);
  const raw: PatternMatch[] = [];
  const add = (list: readonly PatternMatch[]) => {
    for (const m of list) raw.push(m);
  };
  ctx.customers.match(t, view, raw);
  if (t.includes('@') || t.includes('[at]') || t.includes('(at)')) add(findEmails(t));
  // Every remaining detector needs a digit: most sentences have none and skip them all.
  if (HAS_DIGIT.test(t)) {
    const { runs, afterJapanese } = digitRuns(t);
    add(findPhones(t, runs));
    add(findPostalCodes(t, runs));
    add(findJapaneseAddresses(t, afterJapanese));
    add(findUkPostcodes(t));
    add(findEnglishAddresses(t));
    add(findReferences(t, view));
  }
  if (ctx.quotes) for (const r of ctx.quotes.match(t)) raw.push({ kind: 'quote', ...r });

  const ignoredEmails = new Set(ctx.ignore?.emails ?? []);
  const ignoredHosts = ctx.ignore?.hosts ?? [];
  // A text can name a customer millions of times (1.7 million in the bench's worst input), and
  // what each finding allocates decides how long its first scan takes (the heap grows to hold
  // them). So the resolved list becomes the findings in place (it is this scan's own array, and
  // each match is in it once), a name mention is already shaped as a finding and is filled in, not
  // copied, and a finding that repeats the one before reuses its key and text instead of slicing
  // and looking them up. First scan in a process of 5 MB of 田中様 repeated: 1.07-1.60 s without
  // these, 0.72-1.10 s with them (CPU, 5 runs each, shared 2-core machine at load 13-15).
  const findings = resolveOverlaps(raw) as (PatternMatch | TextFinding)[];
  let kept = 0;
  // The same text found again has the same key: a text with a name on every line folds it once.
  const keys = new Map<PrivacyKind, Map<string, string>>();
  let lastKind: PrivacyKind | null = null;
  let lastSlice = '';
  let lastKey = '';
  let lastText = '';
  for (let i = 0; i < findings.length; i++) {
    const m = findings[i]!;
    if (m.end <= m.start) continue;
    const start = folded.start[m.start]!;
    const end = originalEnd(folded, m.end - 1);
    let key: string | undefined;
    if (m.kind === lastKind && m.end - m.start === lastSlice.length && t.startsWith(lastSlice, m.start))
      key = lastKey;
    else {
      const slice = t.slice(m.start, m.end);
      let byText = keys.get(m.kind);
      if (!byText) keys.set(m.kind, (byText = new Map()));
      key = byText.get(slice);
      if (key === undefined) byText.set(slice, (key = keyOfFolded(slice, m.kind)));
      lastKind = m.kind;
      lastSlice = slice;
      lastKey = key;
    }
    if (!key) continue;
    if (m.kind === 'email' && (ignoredEmails.has(key) || ignoredHosts.some((h) => key.endsWith(`@${h}`))))
      continue;
    const same = end - start === lastText.length && text.startsWith(lastText, start);
    if (!same) lastText = text.slice(start, end);
    if ('key' in m) {
      m.start = start;
      m.end = end;
      m.text = lastText;
      m.key = key;
      findings[kept++] = m;
    } else findings[kept++] = { kind: m.kind, start, end, text: lastText, key };
  }
  findings.length = kept;
  return findings as TextFinding[];
}

/**
 * The text with the given findings replaced by `placeholder`; overlapping findings become one
 * replacement, so nothing of either survives.
 */
export function redactText(
  text: string,
  findings: readonly { start: number; end: number }[],
  placeholder: string,
): string {
  const ranges = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (let i = 0; i < ranges.length; i++) {
    let { start, end } = ranges[i]!;
    while (i + 1 < ranges.length && ranges[i + 1]!.start < end) end = Math.max(end, ranges[++i]!.end);
    if (start < at) start = at;
    out += text.slice(at, start) + placeholder;
    at = end;
  }
  return out + text.slice(at);
}
