import type { Database, Statement } from 'better-sqlite3';
import type { SearchFilters, SearchHit, SearchHitKind } from '../../../shared/api/search';
import { parseQuery, type QueryPart } from '../../../shared/text/tokenize';
import { KIND_CODE, loadDocuments } from './documents';
import { filterParams, hasFilters, kindFilter } from './filters';
import { refreshSearchIndex } from './indexer';
import { allRanges, matchParts, snippetOf } from './snippet';

// A query against the inverted index (migration 0070). Every part of the query must match; the
// work stays bounded whatever the terms: the rarest term drives, its postings come out best first
// (index on term, kind, impact DESC), a budget of them per kind (80, then 4× more while the page is
// not full, up to 5,000); the other terms are point lookups on the primary key; only the best
// candidates are read back from the domain tables, where the phrase (adjacent bigrams) is checked
// and the snippet cut. A term found in most documents
// costs a range scan of `limit` rows, not a sort of all of them.

/** Candidates per kind in the first round; a round that fills too few hits asks for 4× more. */
const FIRST_BUDGET = 80;
const MAX_BUDGET = 5000;
/** Candidates read back and checked before giving up on filling the page. */
const VERIFY_MAX = 500;
/** Bigrams a one-character query reads (those most used first). */
const CHAR_TERMS = 40;

export interface SearchOptions extends SearchFilters {
  query: string;
  kinds: readonly SearchHitKind[];
  limit: number;
}

/**
 * A prior per kind when hits of several kinds are merged. Capabilities are a catalogue of short
 * entries whose descriptions repeat their titles' words, which BM25's length normalisation rewards;
 * without this, ショップ・決済 outranks the question 決済ボタンを押すとエラーになる.
 */
const KIND_PRIOR: Record<SearchHitKind, number> = { question: 1, answer: 1, customer: 1, capability: 0.6 };

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
  if (!indexed.length)
    return verify(db, charCandidates(db, parts[0]!.phrase[0]!, options), parts, options.limit);
  for (let take = Math.max(FIRST_BUDGET, options.limit * 4); ; take *= 4) {
    const { candidates, truncated } = indexCandidates(db, indexed, options, take);
    const hits = verify(db, candidates, parts, options.limit);
    if (hits.length >= options.limit || !truncated || take >= MAX_BUDGET) return hits;
  }
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function indexCandidates(
  db: Database,
  parts: QueryPart[],
  options: SearchOptions,
  budget: number,
): { candidates: Candidate[]; truncated: boolean } {
  const wanted = [...new Set(parts.flatMap((p) => p.phrase))];
  const found = prepared(
    db,
    'SELECT id, term, df FROM search_terms WHERE term IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(wanted)) as { id: number; term: string; df: number }[];
  // Every part must match: one term nobody uses and nothing can.
  if (found.length < wanted.length || found.some((t) => t.df <= 0))
    return { candidates: [], truncated: false };
  const n =
    (prepared(db, "SELECT value FROM search_stats WHERE key = 'doc_count'").pluck().get() as number) || 1;
  const terms = found.sort((a, b) => a.df - b.df);
  const weights = terms.map((t) => idf(n, t.df));
  // One term: its best postings are the answer (a phrase of one bigram needs no adjacency check).
  // (It grows by round too: a filter or a stale posting may leave the first page short.)
  const take = terms.length === 1 ? Math.max(options.limit + 10, budget / 4) : budget;
  let truncated = false;
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
    // Whether the driver had more postings than were read (then a bigger budget may find more).
    truncated ||= terms[0]!.df > take;
    for (const row of prepared(db, sql).all(bind) as Record<string, number>[]) {
      let score = 0;
      for (let i = 0; i < terms.length; i++) score += weights[i]! * row[`i${i}`]!;
      out.push({ kind, id: row.id!, score: score * KIND_PRIOR[kind] });
    }
  }
  return { candidates: out.sort((a, b) => b.score - a.score), truncated };
}

/**
 * One-character queries (画, 円): the bigram index has no such term, so the query reads the most used
 * bigrams that start or end with the character (画像, 画面, 企画, 録画…), best postings first.
 */
function charCandidates(db: Database, ch: string, options: SearchOptions): Candidate[] {
  const next = String.fromCodePoint(ch.codePointAt(0)! + 1);
  const terms = prepared(
    db,
    `SELECT id FROM (
       SELECT id, df FROM search_terms WHERE term >= @ch AND term < @next AND length(term) <= 2
       UNION SELECT id, df FROM search_terms WHERE substr(term, -1) = @ch AND length(term) = 2)
     WHERE df > 0 ORDER BY df DESC LIMIT ${CHAR_TERMS}`,
  )
    .pluck()
    .all({ ch, next }) as number[];
  if (!terms.length) return [];
  const params = filterParams(options);
  const out: Candidate[] = [];
  for (const kind of options.kinds) {
    const filter = kindFilter(kind, options);
    if (!filter) continue;
    const join = filter.conditions.length
      ? `JOIN ${filter.table} s ON s.id = p.doc_id AND ${filter.conditions.join(' AND ')}`
      : '';
    const perTerm = terms
      .map(
        (_, i) => `SELECT * FROM (SELECT p.doc_id, p.impact FROM search_postings p ${join}
          WHERE p.term_id = @t${i} AND p.kind = @kind ORDER BY p.impact DESC LIMIT @take)`,
      )
      .join(' UNION ALL ');
    const sql = `SELECT doc_id AS id, max(impact) AS impact FROM (${perTerm})
      GROUP BY doc_id ORDER BY impact DESC LIMIT @take`;
    const bind: Record<string, string | number> = { ...params, kind: KIND_CODE[kind], take: options.limit };
    terms.forEach((id, i) => (bind[`t${i}`] = id));
    for (const row of prepared(db, sql).all(bind) as { id: number; impact: number }[])
      out.push({ kind, id: row.id, score: row.impact * KIND_PRIOR[kind] });
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
  const step = Math.max(20, limit * 2);
  for (let from = 0; from < Math.min(candidates.length, VERIFY_MAX) && hits.length < limit; from += step) {
    const slice = candidates.slice(from, Math.min(from + step, VERIFY_MAX));
    const byKind = new Map<SearchHitKind, number[]>();
    for (const c of slice) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.id]);
    const docs = new Map([...byKind].map(([kind, ids]) => [kind, loadDocuments(db, kind, ids)] as const));
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
