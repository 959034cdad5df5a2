import type { Database, Statement } from 'better-sqlite3';

// Small shared pieces over the index tables of migration 0140: prepared statements kept per
// connection, the counters in search_stats, and the term dictionary.

const statements = new WeakMap<Database, Map<string, Statement>>();

/** A statement prepared once per connection (queries run many times a second while typing). */
export function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

export type StatKey = 'doc_count' | 'next_docno' | 'postings' | 'fresh_postings' | 'dead_postings';
export type IndexStats = Record<StatKey, number>;

export function readStats(db: Database): IndexStats {
  const out: IndexStats = { doc_count: 0, next_docno: 1, postings: 0, fresh_postings: 0, dead_postings: 0 };
  for (const row of prepared(db, 'SELECT key, value FROM search_stats').all() as {
    key: StatKey;
    value: number;
  }[])
    out[row.key] = row.value;
  return out;
}

export function addStats(db: Database, delta: Partial<IndexStats>): void {
  const add = prepared(db, 'UPDATE search_stats SET value = value + ? WHERE key = ?');
  for (const [key, by] of Object.entries(delta)) if (by) add.run(by, key);
}

export function setStats(db: Database, values: Partial<IndexStats>): void {
  const set = prepared(db, 'INSERT OR REPLACE INTO search_stats (key, value) VALUES (?, ?)');
  for (const [key, value] of Object.entries(values)) set.run(key, value);
}

/** The number of live documents: the N of the IDF. */
export function documentCount(db: Database): number {
  return (
    (prepared(db, "SELECT value FROM search_stats WHERE key = 'doc_count'").pluck().get() as number) || 0
  );
}

/**
 * Term ids (created on first use) and document-frequency changes. An indexer keeps one for its
 * life: only the indexer writes search_terms, and a term's id never changes, so the cache stays
 * right (a rollback is the exception: forget()). Lookups and updates go by the batch: one edited
 * answer has ~450 terms, one statement each cost more than the rest of its indexing.
 */
export class TermTable {
  private readonly ids = new Map<string, number>();
  private readonly delta = new Map<number, number>();

  constructor(private readonly db: Database) {}

  /** Makes idOf() of these terms a cache hit (one query for those not cached yet). */
  resolve(terms: Iterable<string>): void {
    const missing = [...new Set(terms)].filter((t) => !this.ids.has(t));
    for (let i = 0; i < missing.length; i += 5000)
      for (const [term, id] of prepared(
        this.db,
        'SELECT term, id FROM search_terms WHERE term IN (SELECT value FROM json_each(?))',
      )
        .raw()
        .all(JSON.stringify(missing.slice(i, i + 5000))) as [string, number][])
        this.ids.set(term, id);
  }

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id =
        (prepared(this.db, 'SELECT id FROM search_terms WHERE term = ?').pluck().get(term) as
          number | undefined) ??
        (prepared(this.db, 'INSERT INTO search_terms (term, df) VALUES (?, 0) RETURNING id')
          .pluck()
          .get(term) as number);
      this.ids.set(term, id);
    }
    return id;
  }

  /** Forgets cached ids: after a rollback, ids created in it no longer exist. */
  forget(): void {
    this.ids.clear();
    this.delta.clear();
  }

  count(termId: number, by: number): void {
    this.delta.set(termId, (this.delta.get(termId) ?? 0) + by);
  }

  /** Writes the document-frequency changes (inside the caller's transaction), one statement per amount. */
  flush(): void {
    const byAmount = new Map<number, number[]>();
    for (const [id, by] of this.delta) {
      if (!by) continue;
      const ids = byAmount.get(by);
      if (ids) ids.push(id);
      else byAmount.set(by, [id]);
    }
    const update = prepared(
      this.db,
      'UPDATE search_terms SET df = max(0, df + ?) WHERE id IN (SELECT value FROM json_each(?))',
    );
    for (const [by, ids] of byAmount) update.run(by, JSON.stringify(ids));
    this.delta.clear();
  }
}
