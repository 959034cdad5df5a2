import type { PatternMatch } from './contacts';
import type { PrivacyKind } from './types';

// Findings that overlap, resolved by sorting once and sweeping (O(n log n); comparing every pair
// took 9.6 s for 40,000 findings). Offsets are those of the folded text: the findings are mapped
// back to the original once, after this.
// - mentions of the same name or company that overlap (田中美咲様 found whole and as 美咲様) become
//   one finding over their union, so one decision covers the whole name;
// - anything inside a longer e-mail address or URL is that address (a name in
//   john.miller@example.org is part of the address, not a second finding);
// - the same kind over the same characters is one finding.

/** Kinds whose findings are single tokens: anything inside one of them is the same finding. */
const ATOMIC: ReadonlySet<PrivacyKind> = new Set(['email', 'url']);

const byPosition = (a: PatternMatch, b: PatternMatch) =>
  a.start - b.start || b.end - a.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);

/**
 * Sorts in place unless already in order (matches mostly come in order: one pass to tell, which
 * compares the starts inline and calls byPosition only on a tie).
 */
function sortByPosition(list: PatternMatch[]): void {
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1]!;
    const b = list[i]!;
    if (a.start < b.start) continue;
    if (a.start > b.start || byPosition(a, b) > 0) {
      list.sort(byPosition);
      return;
    }
  }
}

function mergeKind(list: PatternMatch[], into: PatternMatch[]): void {
  sortByPosition(list);
  let last: PatternMatch | null = null;
  for (const f of list) {
    if (last && f.start < last.end) {
      if (f.end > last.end) last.end = f.end;
      continue;
    }
    // The matches are this scan's own objects: the union is written into the first of them.
    last = f;
    into.push(last);
  }
}

/**
 * Whether the findings are all names (or all companies), in order and apart: then there is
 * nothing to resolve (a name on every line). 1.7 million names apart: 263-344 ms through the general path below,
 * 26-43 ms with this check (CPU, best of 5, on the shared 2-core machine at load 13-15).
 */
function alreadyResolved(found: readonly PatternMatch[]): boolean {
  const kind = found[0]?.kind;
  if (kind !== 'name' && kind !== 'company') return false;
  let end = -1;
  for (const f of found) {
    if (f.kind !== kind || f.start < end || f.end <= f.start) return false;
    end = f.end;
  }
  return true;
}

export function resolveOverlaps(found: readonly PatternMatch[]): PatternMatch[] {
  if (alreadyResolved(found)) return found as PatternMatch[];
  const merged: PatternMatch[] = [];
  // The kinds merged with what overlaps them.
  const names: PatternMatch[] = [];
  const companies: PatternMatch[] = [];
  for (const f of found) {
    if (f.kind === 'name') names.push(f);
    else if (f.kind === 'company') companies.push(f);
    else merged.push(f);
  }
  // 1.7 million names and 1,000 phone numbers: 300 ms with a Map of lists by kind and a
  // comparator call per pair, 248-259 ms with these two lists and the inline order check
  // (CPU, best of 5, on the shared 2-core machine at load 13-15).
  if (names.length) mergeKind(names, merged);
  if (companies.length) mergeKind(companies, merged);
  sortByPosition(merged);
  const out: PatternMatch[] = [];
  // The atomic finding reaching furthest so far: whatever starts after it and ends before its end
  // lies inside it.
  let atomic: PatternMatch | null = null;
  let previous: PatternMatch | null = null;
  for (const f of merged) {
    if (previous && previous.kind === f.kind && previous.start === f.start && previous.end === f.end)
      continue;
    if (atomic && atomic !== f && atomic.end >= f.end && atomic.end - atomic.start > f.end - f.start)
      continue;
    out.push(f);
    previous = f;
    if (ATOMIC.has(f.kind) && (!atomic || f.end > atomic.end)) atomic = f;
  }
  return out;
}
