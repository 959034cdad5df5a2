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
  const findings: TextFinding[] = [];
  // The same text found again has the same key: a text with a name on every line folds it once.
  const keys = new Map<PrivacyKind, Map<string, string>>();
  for (const m of resolveOverlaps(raw)) {
    if (m.end <= m.start) continue;
    const start = folded.start[m.start]!;
    const end = originalEnd(folded, m.end - 1);
    const slice = t.slice(m.start, m.end);
    let byText = keys.get(m.kind);
    if (!byText) keys.set(m.kind, (byText = new Map()));
    let key = byText.get(slice);
    if (key === undefined) byText.set(slice, (key = keyOfFolded(slice, m.kind)));
    if (!key) continue;
    if (m.kind === 'email' && (ignoredEmails.has(key) || ignoredHosts.some((h) => key.endsWith(`@${h}`))))
      continue;
    findings.push({ kind: m.kind, start, end, text: text.slice(start, end), key });
  }
  return findings;
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
