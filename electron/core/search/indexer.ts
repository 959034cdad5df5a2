import type { Database } from 'better-sqlite3';
import { tokenize } from '../../../shared/text/tokenize';
import { KIND_CODE, KIND_OF_CODE, loadDocuments, type SearchDocument } from './documents';

// Keeps the inverted index (migration 0070) in step with the library: triggers queue every changed
// document in search_dirty within the writer's transaction; refreshSearchIndex re-reads and
// re-tokenises the queued documents. Search calls it first, so a query never sees stale postings.

// BM25's term-frequency part with a fixed average length (a library's average drifts slowly and
// postings must not be rewritten when it does), plus a flat bonus for a term in the title: a title
// match outranks any body match of the same term.
const K1 = 1.2;
const B = 0.75;
const AVERAGE_LENGTH = 300;
const TITLE_BONUS = 2.5;
/** Impacts are stored as small integers: 0..~240. */
const SCALE = 50;

export function termImpact(bodyCount: number, titleCount: number, length: number): number {
  const body = bodyCount
    ? (bodyCount * (K1 + 1)) / (bodyCount + K1 * (1 - B + (B * length) / AVERAGE_LENGTH))
    : 0;
  return Math.max(1, Math.round((body + (titleCount ? TITLE_BONUS : 0)) * SCALE));
}

/** Term → impact of one document. */
export function documentImpacts(doc: Pick<SearchDocument, 'title' | 'body'>): Map<string, number> {
  const counts = new Map<string, { title: number; body: number }>();
  const title = tokenize(doc.title);
  const body = tokenize(doc.body);
  for (const t of title) {
    const c = counts.get(t.term);
    if (c) c.title++;
    else counts.set(t.term, { title: 1, body: 0 });
  }
  for (const t of body) {
    const c = counts.get(t.term);
    if (c) c.body++;
    else counts.set(t.term, { title: 0, body: 1 });
  }
  const length = title.length + body.length;
  const out = new Map<string, number>();
  for (const [term, c] of counts) out.set(term, termImpact(c.body, c.title, length));
  return out;
}

/** Documents read and tokenised at a time: big enough to amortise, small enough to keep memory flat. */
const CHUNK = 5000;
/**
 * Past this many queued documents (a first build, a rebuild) postings are bulk-loaded: appended to
 * a temporary table, then copied into the index in key order with the impact index built after,
 * all in one transaction. Inserting them straight into a term-ordered b-tree batch after batch
 * rewrites most of its pages every batch and gets slower as it grows (~100 docs/s at 100,000).
 */
const BULK = 5000;
const IMPACT_INDEX =
  'CREATE INDEX IF NOT EXISTS search_postings_impact ON search_postings(term_id, kind, impact DESC)';
/** Postings per INSERT statement: fewer calls from JavaScript into SQLite. */
const ROWS_PER_INSERT = 100;

export interface RefreshProgress {
  done: number;
  total: number;
}

/** Re-indexes every queued document; returns how many. Must run outside a read-only connection. */
export function refreshSearchIndex(
  db: Database,
  onProgress?: (p: RefreshProgress) => void,
  { bulkAbove = BULK }: { bulkAbove?: number } = {},
): number {
  const total = (db.prepare('SELECT count(*) AS n FROM search_dirty').get() as { n: number }).n;
  if (!total) return 0;
  const next = db.prepare('SELECT kind, doc_id FROM search_dirty ORDER BY kind, doc_id LIMIT ?');
  const terms = new TermTable(db);
  let done = 0;
  const drain = (target: string) => {
    for (;;) {
      const batch = next.all(CHUNK) as { kind: number; doc_id: number }[];
      if (!batch.length) break;
      reindexBatch(db, terms, batch, target);
      done += batch.length;
      onProgress?.({ done, total });
    }
  };
  if (total <= bulkAbove) {
    db.exec(IMPACT_INDEX); // a bulk load interrupted before its end leaves it missing
    db.transaction(() => drain('search_postings'))();
    return done;
  }
  db.transaction(() => {
    db.exec(`DROP INDEX IF EXISTS search_postings_impact;
      CREATE TEMP TABLE search_stage (term_id INTEGER, kind INTEGER, doc_id INTEGER, impact INTEGER);`);
    drain('temp.search_stage');
    db.exec(`INSERT INTO search_postings SELECT * FROM temp.search_stage ORDER BY term_id, kind, doc_id;
      DROP TABLE temp.search_stage;`);
    db.exec(IMPACT_INDEX);
  })();
  return done;
}

function reindexBatch(
  db: Database,
  terms: TermTable,
  batch: { kind: number; doc_id: number }[],
  target: string,
): void {
  const oldDoc = db.prepare('SELECT term_ids FROM search_docs WHERE kind = ? AND doc_id = ?').pluck();
  const removePosting = db.prepare(
    'DELETE FROM search_postings WHERE term_id = ? AND kind = ? AND doc_id = ?',
  );
  const removeDoc = db.prepare('DELETE FROM search_docs WHERE kind = ? AND doc_id = ?');
  const putDoc = db.prepare('INSERT OR REPLACE INTO search_docs (kind, doc_id, term_ids) VALUES (?, ?, ?)');
  const addPosting = db.prepare(`INSERT INTO ${target} (term_id, kind, doc_id, impact) VALUES (?, ?, ?, ?)`);
  const addPostings = db.prepare(
    `INSERT INTO ${target} (term_id, kind, doc_id, impact) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?, ?, ?)').join(', ')}`,
  );
  const unqueue = db.prepare('DELETE FROM search_dirty WHERE kind = ? AND doc_id = ?');

  // New postings of the whole batch, inserted in key order: neighbouring b-tree pages, fewer writes.
  const postings: [number, number, number, number][] = [];
  let docCount = 0;
  const byKind = new Map<number, number[]>();
  for (const { kind, doc_id } of batch) {
    const ids = byKind.get(kind);
    if (ids) ids.push(doc_id);
    else byKind.set(kind, [doc_id]);
  }
  for (const [kind, ids] of byKind) {
    const docs = loadDocuments(db, KIND_OF_CODE[kind]!, ids);
    for (const id of ids) {
      const before = oldDoc.get(kind, id) as Buffer | undefined;
      if (before !== undefined) {
        docCount--;
        for (const termId of termIdsOf(before)) {
          removePosting.run(termId, kind, id);
          terms.count(termId, -1);
        }
      }
      const doc = docs.get(id);
      if (!doc) {
        if (before !== undefined) removeDoc.run(kind, id);
      } else {
        docCount++;
        const termIds: number[] = [];
        for (const [term, impact] of documentImpacts(doc)) {
          const termId = terms.idOf(term);
          terms.count(termId, 1);
          termIds.push(termId);
          postings.push([termId, kind, id, impact]);
        }
        putDoc.run(kind, id, Buffer.from(Int32Array.from(termIds).buffer));
      }
      unqueue.run(kind, id);
    }
  }
  if (target === 'search_postings') postings.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  let i = 0;
  for (; i + ROWS_PER_INSERT <= postings.length; i += ROWS_PER_INSERT)
    addPostings.run(postings.slice(i, i + ROWS_PER_INSERT).flat());
  for (; i < postings.length; i++) addPosting.run(postings[i]!);
  terms.flush();
  if (docCount) db.prepare("UPDATE search_stats SET value = value + ? WHERE key = 'doc_count'").run(docCount);
}

function termIdsOf(blob: Buffer): Int32Array {
  // A copy: the Buffer may sit at an offset that is not a multiple of 4 in a shared pool.
  return new Int32Array(new Uint8Array(blob).buffer);
}

/** Term ids (cached for one refresh) and document-frequency changes written once per batch. */
class TermTable {
  private readonly ids = new Map<string, number>();
  private readonly delta = new Map<number, number>();
  private readonly find;
  private readonly insert;
  private readonly update;

  constructor(db: Database) {
    this.find = db.prepare('SELECT id FROM search_terms WHERE term = ?').pluck();
    this.insert = db.prepare('INSERT INTO search_terms (term, df) VALUES (?, 0) RETURNING id').pluck();
    this.update = db.prepare('UPDATE search_terms SET df = df + ? WHERE id = ?');
  }

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = (this.find.get(term) as number | undefined) ?? (this.insert.get(term) as number);
      this.ids.set(term, id);
    }
    return id;
  }

  count(termId: number, by: number): void {
    this.delta.set(termId, (this.delta.get(termId) ?? 0) + by);
  }

  flush(): void {
    for (const [id, by] of this.delta) if (by) this.update.run(by, id);
    this.delta.clear();
  }
}

/** Queues every document and rebuilds the index from scratch (a repair; the bench's build). */
export function rebuildSearchIndex(
  db: Database,
  onProgress?: (p: RefreshProgress) => void,
  options: { bulkAbove?: number } = {},
): number {
  db.transaction(() => {
    db.exec(`DELETE FROM search_postings; DELETE FROM search_docs; DELETE FROM search_terms; DELETE FROM search_dirty;
      UPDATE search_stats SET value = 0 WHERE key = 'doc_count';`);
    for (const [kind, table] of [
      [KIND_CODE.question, 'questions'],
      [KIND_CODE.answer, 'answers'],
      [KIND_CODE.customer, 'customers'],
      [KIND_CODE.capability, 'capabilities'],
    ] as const)
      db.prepare(`INSERT INTO search_dirty SELECT ?, id FROM ${table}`).run(kind);
  })();
  return refreshSearchIndex(db, onProgress, options);
}
