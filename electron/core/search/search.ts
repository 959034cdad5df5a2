import type { Database } from 'better-sqlite3';
import type { SearchFilters, SearchHit, SearchHitKind } from '../../../shared/api/search';
import { parseQuery, type QueryPart } from '../../../shared/text/tokenize';
import { charCandidates, indexCandidates, knownTerms, type Candidate } from './candidates';
import { loadDocuments } from './documents';
import { filterParams, hasFilters, kindFilter } from './filters';
import { prepared } from './indexTables';
import { scanQueued } from './queuedScan';
import { allRanges, matchParts, snippetOf } from './snippet';

// A query (issue 4, issue 20): candidates from the compact index (candidates.ts) and from the
// documents still waiting to be indexed (queuedScan.ts), merged by score; only the best are read
// back from the domain tables, where every part is checked against the current text (phrase order
// of bigrams included) and the snippet cut. A search only reads: it never indexes, so it answers at
// once whatever the indexer is doing, on any connection, read-only ones included.

/** Candidates per kind in the first round; a round that fills too few hits asks for 4× more. */
const FIRST_BUDGET = 80;
const MAX_BUDGET = 5000;
/** Candidates read back and checked before giving up on filling the page. */
const VERIFY_MAX = 500;

export interface SearchOptions extends SearchFilters {
  query: string;
  kinds: readonly SearchHitKind[];
  limit: number;
}

export function searchLibrary(db: Database, options: SearchOptions): SearchHit[] {
  const parts = parseQuery(options.query);
  if (!parts.length) return hasFilters(options) ? filteredListing(db, options) : [];
  const queued = scanQueued(db, parts, options);
  const merge = (fromIndex: Candidate[]) =>
    [...fromIndex.filter((c) => !queued.scanned.has(`${c.kind}:${c.id}`)), ...queued.candidates].sort(
      (a, b) => b.score - a.score,
    );
  const indexed = parts.filter((p) => !p.single);
  if (!indexed.length)
    return verify(db, merge(charCandidates(db, parts[0]!.phrase[0]!, options)), parts, options.limit);
  const terms = knownTerms(db, indexed);
  if (!terms) return verify(db, merge([]), parts, options.limit);
  for (let take = Math.max(FIRST_BUDGET, options.limit * 4); ; take *= 4) {
    const { candidates, truncated } = indexCandidates(db, terms, options, take);
    const hits = verify(db, merge(candidates), parts, options.limit);
    if (hits.length >= options.limit || !truncated || take >= MAX_BUDGET) return hits;
  }
}

/** An empty query with filters: the filtered documents, newest first. */
function filteredListing(db: Database, options: SearchOptions): SearchHit[] {
  const params = filterParams(options);
  const rows: { kind: SearchHitKind; id: number; at: string }[] = [];
  for (const kind of options.kinds) {
    const filter = kindFilter(kind, options);
    if (!filter) continue;
    const where = filter.conditions.length ? `WHERE ${filter.conditions.join(' AND ')}` : '';
    const sql = `SELECT s.id, s.${filter.dateColumn} AS at FROM ${filter.table} s ${where}
      ORDER BY s.${filter.dateColumn} DESC, s.id DESC LIMIT @take`;
    for (const row of prepared(db, sql).all({ ...params, take: options.limit }) as {
      id: number;
      at: string;
    }[])
      rows.push({ kind, ...row });
  }
  rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return verify(
    db,
    rows.slice(0, options.limit).map((r) => ({ ...r, score: 0 })),
    [],
    options.limit,
  );
}

/** Reads the best candidates back, keeps those whose current text matches every part, cuts snippets. */
function verify(db: Database, candidates: Candidate[], parts: QueryPart[], limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  // Most candidates pass (a one-term query's all do): read a page's worth first, more if some fail.
  let step = limit + 5;
  for (
    let from = 0;
    from < Math.min(candidates.length, VERIFY_MAX) && hits.length < limit;
    from += step, step *= 2
  ) {
    const slice = candidates.slice(from, Math.min(from + step, VERIFY_MAX));
    const byKind = new Map<SearchHitKind, number[]>();
    for (const c of slice) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.id]);
    const docs = new Map([...byKind].map(([kind, ids]) => [kind, loadDocuments(db, kind, ids)] as const));
    for (const c of slice) {
      const doc = docs.get(c.kind)?.get(c.id);
      if (!doc) continue; // deleted since it was indexed
      const inTitle = matchParts(doc.title, parts);
      const inBody = matchParts(doc.body, parts);
      if (!parts.every((_, i) => inTitle[i]!.length || inBody[i]!.length)) continue;
      const bodyHasMatch = inBody.some((m) => m.length);
      const { snippet, ranges } = snippetOf(doc.body, bodyHasMatch ? inBody : []);
      hits.push({
        kind: c.kind,
        id: c.id,
        title: doc.title,
        snippet,
        ranges,
        titleRanges: allRanges(inTitle),
      });
      if (hits.length >= limit) break;
    }
  }
  return hits;
}
