import type { Database } from 'better-sqlite3';
import type { SearchFilters, SearchHitKind } from '../../../shared/api/search';
import type { QueryPart } from '../../../shared/text/tokenize';
import { KIND_CODE } from './documents';
import { filterParams, kindFilter, type KindFilter } from './filters';
import { documentCount, prepared } from './indexTables';
import { impactsOf, topByImpact, type Scored } from './postings/reader';

// Candidates from the index for a query, per kind of document. Every part must match; the work
// stays bounded whatever the terms: the rarest term drives, its best postings by impact come out
// first (a budget of them, grown by the caller while the page is not full), the other terms are
// looked up for those documents only. With a filter that leaves few documents (one customer's,
// one status), the filtered documents are the candidates instead, so a selective filter never
// misses what a budget would not reach.

export interface Candidate {
  kind: SearchHitKind;
  id: number;
  score: number;
}

/**
 * A prior per kind when hits of several kinds are merged. Capabilities are a catalogue of short
 * entries whose descriptions repeat their titles' words, which BM25's length normalisation rewards;
 * without this, ショップ・決済 outranks the question 決済ボタンを押すとエラーになる.
 */
export const KIND_PRIOR: Record<SearchHitKind, number> = {
  question: 1,
  answer: 1,
  customer: 1,
  capability: 0.6,
};

/** Filtered documents read as a list, up to this many; more, and the filter applies to candidates. */
const FILTERED_LIST_MAX = 5000;
/** Driving postings read whole rather than by a growing budget (the budget's last round reads 5,000). */
const WHOLE_DRIVER = 5000;
/** Bigrams a one-character query reads (those most used first). */
const CHAR_TERMS = 40;

export interface CandidateOptions extends SearchFilters {
  kinds: readonly SearchHitKind[];
  limit: number;
}

/** BM25's rarity. df counts retired versions until a compaction: never above n, so never 0. */
export function idf(n: number, df: number): number {
  const d = Math.min(df, n);
  return Math.log(1 + (n - d + 0.5) / (d + 0.5));
}

export interface QueryTerm {
  id: number;
  term: string;
  df: number;
}

/** The query's terms as the index knows them; null when one is unknown (then no document has it). */
export function knownTerms(db: Database, parts: readonly QueryPart[]): QueryTerm[] | null {
  const wanted = [...new Set(parts.flatMap((p) => p.phrase))];
  const found = prepared(
    db,
    'SELECT id, term, df FROM search_terms WHERE term IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(wanted)) as QueryTerm[];
  if (found.length < wanted.length || found.some((t) => t.df <= 0)) return null;
  return found.sort((a, b) => a.df - b.df);
}

export function indexCandidates(
  db: Database,
  terms: readonly QueryTerm[],
  options: CandidateOptions,
  budget: number,
): { candidates: Candidate[]; truncated: boolean } {
  const n = documentCount(db) || 1;
  const weights = terms.map((t) => idf(n, t.df));
  // One term: its best postings are the answer (a phrase of one bigram needs no adjacency check).
  // A driver rare enough is read whole at once: the others are looked up for all its documents,
  // in one round, where a budget would grow round by round to the same end when few match
  // (独自ドメイン, "domain backup": a few hits among a few hundred documents).
  const whole = terms.length > 1 && terms[0]!.df <= WHOLE_DRIVER;
  const take = whole ? terms[0]!.df : terms.length === 1 ? Math.max(options.limit + 10, budget / 4) : budget;
  let truncated = false;
  const out: Candidate[] = [];
  for (const kind of options.kinds) {
    const filter = kindFilter(kind, options);
    if (!filter) continue;
    const code = KIND_CODE[kind];
    const listed = filteredDocnos(db, kind, filter, options);
    let docnos: number[];
    let scores: number[];
    if (listed) {
      docnos = listed;
      const first = impactsOf(db, terms[0]!.id, code, docnos, terms[0]!.df);
      scores = Array.from(first, (impact) => weights[0]! * impact);
    } else {
      const top = topByImpact(db, [terms[0]!.id], code, take);
      // Whether the driver had more postings than were read (then a bigger budget may find more).
      truncated ||= terms[0]!.df > take;
      docnos = [...top.keys()].sort((a, b) => a - b);
      scores = docnos.map((d) => weights[0]! * top.get(d)!);
    }
    for (let t = 1; t < terms.length && docnos.length; t++) {
      ({ docnos, scores } = keepPositive(docnos, scores));
      const impacts = impactsOf(db, terms[t]!.id, code, docnos, terms[t]!.df);
      scores = scores.map((s, i) => (impacts[i] ? s + weights[t]! * impacts[i]! : 0));
    }
    ({ docnos, scores } = keepPositive(docnos, scores));
    const ids = documentIds(db, code, docnos);
    const passing = listed ? null : passingFilter(db, filter, options, [...ids.values()]);
    docnos.forEach((d, i) => {
      const id = ids.get(d);
      if (id !== undefined && (!passing || passing.has(id)))
        out.push({ kind, id, score: scores[i]! * KIND_PRIOR[kind] });
    });
  }
  return { candidates: out.sort((a, b) => b.score - a.score), truncated };
}

/**
 * One-character queries (画, 円): the bigram index has no such term, so the query reads the most used
 * bigrams that start or end with the character (画像, 画面, 企画, 録画…), best postings first.
 */
export function charCandidates(db: Database, ch: string, options: CandidateOptions): Candidate[] {
  const terms = charTerms(db, ch);
  if (!terms.length) return [];
  const out: Candidate[] = [];
  for (const kind of options.kinds) {
    const filter = kindFilter(kind, options);
    if (!filter) continue;
    const code = KIND_CODE[kind];
    const listed = filteredDocnos(db, kind, filter, options);
    let best: Scored;
    if (listed) {
      best = new Map();
      for (const termId of terms) {
        const impacts = impactsOf(db, termId, code, listed);
        listed.forEach((d, i) => {
          if (impacts[i]! > (best.get(d) ?? 0)) best.set(d, impacts[i]!);
        });
      }
    } else best = topByImpact(db, terms, code, options.limit);
    const ids = documentIds(db, code, [...best.keys()]);
    const passing = listed ? null : passingFilter(db, filter, options, [...ids.values()]);
    for (const [docno, impact] of best) {
      const id = ids.get(docno);
      if (id !== undefined && (!passing || passing.has(id)))
        out.push({ kind, id, score: impact * KIND_PRIOR[kind] });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, options.limit);
}

/** The terms holding a character: bigrams that start or end with it, and the character alone. */
export function charTerms(db: Database, ch: string): number[] {
  const next = String.fromCodePoint(ch.codePointAt(0)! + 1);
  return prepared(
    db,
    `SELECT id FROM (
       SELECT id, df FROM search_terms WHERE term >= @ch AND term < @next AND length(term) <= 2
       UNION SELECT id, df FROM search_terms WHERE substr(term, -1) = @ch AND length(term) = 2)
     WHERE df > 0 ORDER BY df DESC LIMIT ${CHAR_TERMS}`,
  )
    .pluck()
    .all({ ch, next }) as number[];
}

function keepPositive(docnos: number[], scores: number[]): { docnos: number[]; scores: number[] } {
  const d: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < docnos.length; i++)
    if (scores[i]! > 0) {
      d.push(docnos[i]!);
      s.push(scores[i]!);
    }
  return { docnos: d, scores: s };
}

/** Live document numbers → document ids (numbers of retired versions are absent). */
export function documentIds(db: Database, code: number, docnos: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (!docnos.length) return out;
  for (const [docno, id] of prepared(
    db,
    // json_each first, then the primary key: with "docno IN (…) AND kind = ?" SQLite prefers the
    // (kind, doc_id) index and reads every document of the kind (1.5 ms at 20,000 documents).
    'SELECT d.docno, d.doc_id FROM json_each(?) j CROSS JOIN search_docs d ON d.docno = j.value WHERE d.kind = ?',
  )
    .raw()
    .all(JSON.stringify(docnos), code) as [number, number][])
    out.set(docno, id);
  return out;
}

/** The document numbers a selective filter leaves, in order; null without a filter or when many. */
function filteredDocnos(
  db: Database,
  kind: SearchHitKind,
  filter: KindFilter,
  options: SearchFilters,
): number[] | null {
  if (!filter.conditions.length) return null;
  const ids = prepared(
    db,
    `SELECT s.id FROM ${filter.table} s WHERE ${filter.conditions.join(' AND ')} LIMIT ${FILTERED_LIST_MAX + 1}`,
  )
    .pluck()
    .all(filterParams(options)) as number[];
  if (ids.length > FILTERED_LIST_MAX) return null;
  if (!ids.length) return [];
  return prepared(
    db,
    `SELECT docno FROM search_docs WHERE kind = ? AND doc_id IN (SELECT value FROM json_each(?)) ORDER BY docno`,
  )
    .pluck()
    .all(KIND_CODE[kind], JSON.stringify(ids)) as number[];
}

/** Which of these documents pass the filter (null: no filter, all do). */
export function passingFilter(
  db: Database,
  filter: KindFilter,
  options: SearchFilters,
  ids: readonly number[],
): Set<number> | null {
  if (!filter.conditions.length) return null;
  return new Set(
    prepared(
      db,
      `SELECT s.id FROM ${filter.table} s
       WHERE s.id IN (SELECT value FROM json_each(@ids)) AND ${filter.conditions.join(' AND ')}`,
    )
      .pluck()
      .all({ ...filterParams(options), ids: JSON.stringify(ids) }) as number[],
  );
}
