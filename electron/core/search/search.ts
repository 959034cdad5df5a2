import type { Database, Statement } from 'better-sqlite3';
import type { SearchFilters, SearchHit, SearchHitKind } from '../../../shared/api/search';
import { parseQuery, type QueryPart } from '../../../shared/text/tokenize';
import { KIND_CODE, loadDocuments } from './documents';
import { filterParams, hasFilters, kindFilter } from './filters';
import { refreshSearchIndex } from './indexer';
import { allRanges, matchParts, snippetOf } from './snippet';

// A query against the inverted index (migration 0070). Every part of the query must match; the
// work stays bounded whatever the terms: the rarest term drives, its postings come out best first
// (index on term, kind, impact DESC), at most BUDGET of them per kind; the other terms are point
// lookups on the primary key; only the best candidates are read back from the domain tables, where
// the phrase (adjacent bigrams) is checked and the snippet cut. A term found in most documents
// costs a range scan of `limit` rows, not a sort of all of them.

/** Candidates per kind for a query of several terms. */
const BUDGET = 1000;
/** Candidates read back and checked before giving up on filling the page. */
const VERIFY_MAX = 300;

export interface SearchOptions extends SearchFilters {
  query: string;
  kinds: readonly SearchHitKind[];
  limit: number;
}

interface Candidate {
  kind: SearchHitKind;
  id: number;
  score: number;
}

const statements = new WeakMap<Database, Map<string, Statement>>();
function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** Drains the queue of changed documents when this connection may write (the app, a CLI writer). */
export function ensureFresh(db: Database): void {
  if (!db.readonly) refreshSearchIndex(db);
}

export function searchLibrary(db: Database, options: SearchOptions): SearchHit[] {
  ensureFresh(db);
  const parts = parseQuery(options.query);
  if (!parts.length) return hasFilters(options) ? filteredListing(db, options) : [];
  const indexed = parts.filter((p) => !p.single);
  const candidates = indexed.length ? indexCandidates(db, indexed, options) : titleScan(db, parts, options);
  return verify(db, candidates, parts, options.limit);
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function indexCandidates(db: Database, parts: QueryPart[], options: SearchOptions): Candidate[] {
  const wanted = [...new Set(parts.flatMap((p) => p.phrase))];
  const found = prepared(db, 'SELECT id, term, df FROM search_terms WHERE term IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(wanted)) as { id: number; term: string; df: number }[];
  // Every part must match: one term nobody uses and nothing can.
  if (found.length < wanted.length || found.some((t) => t.df <= 0)) return [];
  const n = (prepared(db, "SELECT value FROM search_stats WHERE key = 'doc_count'").pluck().get() as number) || 1;
  const terms = found.sort((a, b) => a.df - b.df);
  const weights = terms.map((t) => idf(n, t.df));
  // One term: its best postings are the answer (a phrase of one bigram needs no adjacency check).
  const take = terms.length === 1 ? options.limit + 10 : BUDGET;
  const params = filterParams(options);
  const out: Candidate[] = [];
  for (const kind of options.kinds) {
    const filter = kindFilter(kind, options);
    if (!filter) continue;
    const join = filter.conditions.length
      ? `JOIN ${filter.table} s ON s.id = p.doc_id AND ${filter.conditions.join(' AND ')}`
      : '';
    const others = terms.slice(1);
    const sql = `WITH d AS MATERIALIZED (
        SELECT p.doc_id, p.impact FROM search_postings p ${join}
        WHERE p.term_id = @t0 AND p.kind = @kind ORDER BY p.impact DESC LIMIT @take)
      SELECT d.doc_id AS id, d.impact AS i0${others.map((_, i) => `, p${i + 1}.impact AS i${i + 1}`).join('')}
      FROM d ${others
        .map(
          (_, i) =>
            `JOIN search_postings p${i + 1} ON p${i + 1}.term_id = @t${i + 1} AND p${i + 1}.kind = @kind AND p${i + 1}.doc_id = d.doc_id`,
        )
        .join(' ')}`;
    const bind: Record<string, string | number> = { ...params, kind: KIND_CODE[kind], take };
    terms.forEach((t, i) => (bind[`t${i}`] = t.id));
    for (const row of prepared(db, sql).all(bind) as Record<string, number>[]) {
      let score = 0;
      for (let i = 0; i < terms.length; i++) score += weights[i]! * row[`i${i}`]!;
      out.push({ kind, id: row.id!, score });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** One-character queries (画, 円): too short for a bigram index, so a scan of titles. */
function titleScan(db: Database, parts: QueryPart[], options: SearchOptions): Candidate[] {
  const params = filterParams(options);
  const out: Candidate[] = [];
  for (const kind of options.kinds) {
    const filter = kindFilter(kind, options);
    if (!filter) continue;
    const join = filter.conditions.length
      ? `JOIN ${filter.table} s ON s.id = d.doc_id AND ${filter.conditions.join(' AND ')}`
      : '';
    const sql = `SELECT d.doc_id AS id, length(d.title_norm) AS len FROM search_docs d ${join}
      WHERE d.kind = @kind ${parts.map((_, i) => `AND instr(d.title_norm, @c${i}) > 0`).join(' ')}
      ORDER BY d.doc_id DESC LIMIT @take`;
    const bind: Record<string, string | number> = { ...params, kind: KIND_CODE[kind], take: options.limit };
    parts.forEach((p, i) => (bind[`c${i}`] = p.phrase[0]!));
    // Shorter titles first: the character is more of what they are about.
    for (const row of prepared(db, sql).all(bind) as { id: number; len: number }[])
      out.push({ kind, id: row.id, score: 1 / (1 + row.len) });
  }
  return out.sort((a, b) => b.score - a.score);
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
    for (const row of prepared(db, sql).all({ ...params, take: options.limit }) as { id: number; at: string }[])
      rows.push({ kind, ...row });
  }
  rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return verify(db, rows.slice(0, options.limit).map((r) => ({ ...r, score: 0 })), [], options.limit);
}

/** Reads the best candidates back, keeps those whose current text matches every part, cuts snippets. */
function verify(db: Database, candidates: Candidate[], parts: QueryPart[], limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  const step = Math.max(20, limit * 2);
  for (let from = 0; from < Math.min(candidates.length, VERIFY_MAX) && hits.length < limit; from += step) {
    const slice = candidates.slice(from, Math.min(from + step, VERIFY_MAX));
    const byKind = new Map<SearchHitKind, number[]>();
    for (const c of slice) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.id]);
    const docs = new Map(
      [...byKind].map(([kind, ids]) => [kind, loadDocuments(db, kind, ids)] as const),
    );
    for (const c of slice) {
      const doc = docs.get(c.kind)?.get(c.id);
      if (!doc) continue; // deleted since it was indexed (read-only connection, queue not drained)
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
