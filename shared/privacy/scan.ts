import type { CustomerMatcher } from './customers';
import { normalizeText, toOriginal } from '../text/folded';
import { findingKey } from './key';
import { detectPatterns } from './patterns';
import type { QuoteIndex } from './quotes';
import type { PrivacyKind, TextFinding } from './types';

export interface ScanContext {
  customers: CustomerMatcher;
  /** Texts of the customers whose questions the answer served. */
  quotes?: QuoteIndex;
  /** The vendor's own addresses and hosts (findingKey form): public on purpose. */
  ignore?: { emails: readonly string[]; hosts: readonly string[] };
}

/** Kinds whose findings are single tokens: anything inside one of them is the same finding. */
const ATOMIC: ReadonlySet<PrivacyKind> = new Set(['email', 'url']);

/** Every customer detail in a text, in reading order, with offsets into the text as written. */
export function scanText(text: string, ctx: ScanContext): TextFinding[] {
  if (!text.trim()) return [];
  const n = normalizeText(text);
  const raw = [
    ...detectPatterns(n.text),
    ...ctx.customers.match(n.text),
    ...(ctx.quotes ? ctx.quotes.match(n.text).map((r) => ({ ...r, kind: 'quote' as const })) : []),
  ];
  const ignoredEmails = new Set(ctx.ignore?.emails ?? []);
  const ignoredHosts = ctx.ignore?.hosts ?? [];
  const findings: TextFinding[] = [];
  const seen = new Set<string>();
  for (const m of raw) {
    const [start, end] = toOriginal(n, m.start, m.end);
    const slice = text.slice(start, end);
    const key = findingKey(slice);
    if (!key) continue;
    if (m.kind === 'email' && (ignoredEmails.has(key) || ignoredHosts.some((h) => key.endsWith(`@${h}`))))
      continue;
    const id = `${m.kind}:${start}:${end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.push({ kind: m.kind, start, end, text: slice, key });
  }
  const kept = findings.filter(
    (f) =>
      !findings.some(
        (o) =>
          o !== f &&
          ATOMIC.has(o.kind) &&
          o.start <= f.start &&
          o.end >= f.end &&
          o.end - o.start > f.end - f.start,
      ),
  );
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
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
