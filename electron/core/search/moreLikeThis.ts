import type { Database } from 'better-sqlite3';
import type { SearchHitKind } from '../../../shared/api/search';
import { termsOf } from '../../../shared/text/tokenize';
import { documentIds } from './candidates';
import { KIND_CODE, KIND_OF_CODE, loadDocuments } from './documents';
import { documentImpacts } from './impacts';
import { documentCount, prepared } from './indexTables';
import { topByImpact } from './postings/reader';
import { SCAN_MAX } from './queuedScan';

// "Documents like this text" (a question's subject and body → capabilities, answers): the text's
// terms that are rare in the library weigh most, a term in more than half of the documents says
// nothing and is dropped (the product name, です). Each term reads at most POSTINGS_PER_TERM
// postings, best first, so a long text costs a bounded number of short range scans.

const MAX_TERMS = 40;
/** A bigram of hiragana only is grammar (ます, した), not topic: it would make any two texts alike. */
const GRAMMAR = /^\p{Script=Hiragana}+$/u;
const POSTINGS_PER_TERM = 200;

export interface SimilarDocument {
  kind: SearchHitKind;
  id: number;
  title: string;
  /** Sum over shared terms of rarity (IDF) × the term's weight in the document. */
  score: number;
  /** The shared terms that weigh most, best first (up to 5). */
  terms: string[];
}

export function moreLikeThis(
  db: Database,
  text: string,
  kinds: readonly SearchHitKind[],
  limit: number,
): SimilarDocument[] {
  const counts = new Map<string, number>();
  for (const t of termsOf(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  if (!counts.size || !kinds.length) return [];
  const n = documentCount(db) || 1;
  const known = prepared(
    db,
    'SELECT id, term, df FROM search_terms WHERE df > 0 AND term IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify([...counts.keys()])) as { id: number; term: string; df: number }[];
  const chosen = known
    .filter((t) => t.df <= n / 2 && !GRAMMAR.test(t.term))
    .map((t) => ({ ...t, weight: Math.log(1 + n / t.df) * (1 + Math.log(counts.get(t.term)!)) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_TERMS);
  const scores = new Map<
    string,
    { kind: number; id: number; score: number; terms: { term: string; w: number }[] }
  >();
  const add = (code: number, id: number, term: { term: string; weight: number }, impact: number) => {
    const key = `${code}:${id}`;
    const entry = scores.get(key) ?? { kind: code, id, score: 0, terms: [] };
    const w = (term.weight * impact) / 50;
    entry.score += w;
    entry.terms.push({ term: term.term, w });
    scores.set(key, entry);
  };
  for (const kind of kinds) {
    const code = KIND_CODE[kind];
    // Documents changed since they were indexed are read as they are now (up to SCAN_MAX, as a
    // search does): a capability added a moment ago is suggested at once.
    const queued = new Set(
      prepared(db, 'SELECT doc_id FROM search_queue WHERE kind = ? ORDER BY doc_id DESC LIMIT ?')
        .pluck()
        .all(code, SCAN_MAX) as number[],
    );
    const found = chosen.map((term) => ({ term, top: topByImpact(db, [term.id], code, POSTINGS_PER_TERM) }));
    // Postings of retired versions have no document: they drop out here.
    const ids = documentIds(db, code, [...new Set(found.flatMap((f) => [...f.top.keys()]))]);
    for (const { term, top } of found) {
      for (const [docno, impact] of top) {
        const id = ids.get(docno);
        if (id !== undefined && !queued.has(id)) add(code, id, term, impact);
      }
    }
    for (const doc of loadDocuments(db, kind, [...queued]).values()) {
      const impacts = documentImpacts(doc);
      for (const term of chosen) {
        const impact = impacts.get(term.term);
        if (impact) add(code, doc.id, term, impact);
      }
    }
  }
  const best = [...scores.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  const titles = new Map<number, Map<number, { title: string }>>();
  for (const code of new Set(best.map((b) => b.kind)))
    titles.set(
      code,
      loadDocuments(
        db,
        KIND_OF_CODE[code]!,
        best.filter((b) => b.kind === code).map((b) => b.id),
      ),
    );
  return best.flatMap((b) => {
    const doc = titles.get(b.kind)?.get(b.id);
    if (!doc) return [];
    return [
      {
        kind: KIND_OF_CODE[b.kind]!,
        id: b.id,
        title: doc.title,
        score: Math.round(b.score * 100) / 100,
        terms: b.terms
          .sort((x, y) => y.w - x.w)
          .slice(0, 5)
          .map((t) => t.term),
      },
    ];
  });
}

/**
 * How rare each term is in the library (IDF over all indexed documents): log(1 + N / df). A term
 * the index does not hold as such (a whole katakana word; the index keeps its bigrams) is at most
 * as common as its rarest bigram; a term found nowhere counts as found once.
 */
export function termRarity(db: Database, terms: Iterable<string>): (term: string) => number {
  const wanted = new Set(terms);
  const parts = new Map<string, string[]>();
  for (const term of wanted) parts.set(term, [...new Set(termsOf(term))]);
  const all = new Set([...wanted, ...[...parts.values()].flat()]);
  const n = documentCount(db) || 1;
  const df = new Map(
    (
      db
        .prepare(
          'SELECT term, df FROM search_terms WHERE df > 0 AND term IN (SELECT value FROM json_each(?))',
        )
        .all(JSON.stringify([...all])) as { term: string; df: number }[]
    ).map((r) => [r.term, r.df]),
  );
  const rarity = new Map<string, number>();
  for (const term of wanted) {
    const own = df.get(term);
    const fromParts = (parts.get(term) ?? []).map((p) => df.get(p) ?? 1);
    const count = own ?? (fromParts.length ? Math.min(...fromParts) : 1);
    rarity.set(term, Math.log(1 + n / count));
  }
  return (term) => rarity.get(term) ?? Math.log(1 + n);
}
