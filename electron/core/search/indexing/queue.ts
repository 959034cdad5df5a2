import type { Database } from 'better-sqlite3';
import { prepared } from '../indexTables';

// The queue of documents to (re)index (search_queue, filled by the triggers of migration 0140).

export interface QueuedDocument {
  kind: number;
  docId: number;
  version: number;
}

/** The oldest queued documents first (the worker's order; searches scan the newest). */
export function nextQueued(db: Database, limit: number): QueuedDocument[] {
  return prepared(
    db,
    'SELECT kind, doc_id AS docId, version FROM search_queue ORDER BY kind, doc_id LIMIT ?',
  ).all(limit) as QueuedDocument[];
}

/** How many documents wait, counted up to `cap` (a count of a long queue costs a scan of it). */
export function queuedCount(db: Database, cap = Number.MAX_SAFE_INTEGER): number {
  return prepared(db, 'SELECT count(*) FROM (SELECT 1 FROM search_queue LIMIT ?)').pluck().get(cap) as number;
}

/**
 * Takes a document off the queue if it was not changed again since `version` was read (the indexed
 * text is then the current one); false when it was, and it stays queued for the next round.
 */
export function dequeue(db: Database, doc: QueuedDocument): boolean {
  return (
    prepared(db, 'DELETE FROM search_queue WHERE kind = ? AND doc_id = ? AND version = ?').run(
      doc.kind,
      doc.docId,
      doc.version,
    ).changes > 0
  );
}

/** Queues every document of the library (a repair: the next indexing round rebuilds the index). */
export function queueEverything(db: Database): void {
  db.transaction(() => {
    for (const [kind, table] of [
      [0, 'questions'],
      [1, 'answers'],
      [2, 'customers'],
      [3, 'capabilities'],
    ] as const)
      db.prepare(
        `INSERT INTO search_queue (kind, doc_id) SELECT ?, id FROM ${table} WHERE true
         ON CONFLICT DO UPDATE SET version = version + 1`,
      ).run(kind);
  }).immediate();
}
