import type { Database } from 'better-sqlite3';
import type { SearchFilters, SearchHitKind } from '../../../shared/api/search';
import type { QueryPart } from '../../../shared/text/tokenize';
import { KIND_CODE, loadDocuments } from './documents';
import { kindFilter } from './filters';
import { documentImpacts } from './impacts';
import { documentCount, prepared } from './indexTables';
import { idf, KIND_PRIOR, passingFilter, type Candidate } from './candidates';

// Documents changed since they were indexed (the queue of migration 0140) are searched directly,
// so a search never waits for the indexer and never misses an edit it could see: the newest queued
// documents of the wanted kinds, up to SCAN_MAX, are read, tokenised and scored by the same impacts
// the index would give them. Their postings in the index, if any, are of an older version: those
// documents take their score from here. Beyond SCAN_MAX (a long import, a first build), the rest
// are left to the indexer and the search says how many wait (searchStatus).

/** Queued documents a search reads directly: ~10 ms of tokenising at most. */
export const SCAN_MAX = 300;

export interface ScanResult {
  candidates: Candidate[];
  /** kind:id of every queued document read (their index postings are not used). */
  scanned: Set<string>;
}

export function scanQueued(
  db: Database,
  parts: readonly QueryPart[],
  options: SearchFilters & { kinds: readonly SearchHitKind[] },
): ScanResult {
  const scanned = new Set<string>();
  const candidates: Candidate[] = [];
  // Scored as the index would: by the parts it holds, or by the character of a one-character query.
  const indexed = parts.filter((p) => !p.single);
  const terms = [...new Set(indexed.flatMap((p) => p.phrase))];
  const single = indexed.length ? null : parts[0]!.phrase[0]!;
  let weights: Map<string, number> | null = null;
  let left = SCAN_MAX;
  for (const kind of options.kinds) {
    if (left <= 0) break;
    const ids = prepared(db, 'SELECT doc_id FROM search_queue WHERE kind = ? ORDER BY doc_id DESC LIMIT ?')
      .pluck()
      .all(KIND_CODE[kind], left) as number[];
    if (!ids.length) continue;
    left -= ids.length;
    for (const id of ids) scanned.add(`${kind}:${id}`);
    const filter = kindFilter(kind, options);
    if (!filter) continue;
    const passing = passingFilter(db, filter, options, ids);
    weights ??= termWeights(db, terms);
    for (const doc of loadDocuments(db, kind, passing ? [...passing] : ids).values()) {
      const impacts = documentImpacts(doc);
      let score = 0;
      if (single) {
        for (const [term, impact] of impacts) if (term.includes(single) && impact > score) score = impact;
      } else {
        for (const term of terms) {
          const impact = impacts.get(term);
          if (!impact) {
            score = 0;
            break;
          }
          score += weights.get(term)! * impact;
        }
      }
      if (score > 0) candidates.push({ kind, id: doc.id, score: score * KIND_PRIOR[kind] });
    }
  }
  return { candidates, scanned };
}

function termWeights(db: Database, terms: readonly string[]): Map<string, number> {
  const n = documentCount(db) || 1;
  const df = new Map(
    (
      prepared(db, 'SELECT term, df FROM search_terms WHERE term IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(terms),
      ) as { term: string; df: number }[]
    ).map((r) => [r.term, r.df]),
  );
  return new Map(terms.map((t) => [t, idf(n, df.get(t) ?? 0)]));
}

export interface SearchIndexStatus {
  /** Documents changed since they were indexed (counted up to a cap). */
  queued: number;
  /** Whether every one of them is read by a search (else results may miss some). */
  complete: boolean;
}

/** How far the index is behind, for the kinds a search reads. */
export function searchStatus(db: Database, kinds: readonly SearchHitKind[]): SearchIndexStatus {
  const counts = prepared(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM search_queue WHERE kind IN (SELECT value FROM json_each(?)) LIMIT ?)`,
  ).pluck();
  const queued = counts.get(JSON.stringify(kinds.map((k) => KIND_CODE[k])), 1_000_000) as number;
  return { queued, complete: queued <= SCAN_MAX };
}
