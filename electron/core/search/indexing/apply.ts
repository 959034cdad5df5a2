import type { Database } from 'better-sqlite3';
import { KIND_OF_CODE, loadDocuments } from '../documents';
import { documentImpacts } from '../impacts';
import { addStats, prepared, readStats, TermTable, type IndexStats } from '../indexTables';
import { dequeue, type QueuedDocument } from './queue';

// Indexing a few queued documents (an edit, a new mail): read and tokenise them first, with no
// write lock held; then, in one short transaction, give each its new document number and postings
// in search_fresh, and retire its old number. A document changed again in between keeps its place
// in the queue (its version moved on) and is read again next round.

export interface TokenisedDocument {
  doc: QueuedDocument;
  /** Term → impact; null when the document no longer exists. */
  impacts: Map<string, number> | null;
}

/** The current text of the queued documents, tokenised. */
export function readQueued(db: Database, queued: readonly QueuedDocument[]): TokenisedDocument[] {
  const byKind = new Map<number, number[]>();
  for (const q of queued) {
    const list = byKind.get(q.kind);
    if (list) list.push(q.docId);
    else byKind.set(q.kind, [q.docId]);
  }
  const texts = new Map<string, Map<string, number>>();
  for (const [kind, idList] of byKind)
    for (const [id, doc] of loadDocuments(db, KIND_OF_CODE[kind]!, idList))
      texts.set(`${kind}:${id}`, documentImpacts(doc));
  return queued.map((doc) => ({ doc, impacts: texts.get(`${doc.kind}:${doc.docId}`) ?? null }));
}

const ROWS_PER_INSERT = 64;

/**
 * Writes the documents still at the version read; returns how many. Runs its own transaction.
 * `terms`: the indexer's term table, whose cache outlives one batch.
 */
export function applyDocuments(
  db: Database,
  docs: readonly TokenisedDocument[],
  terms: TermTable = new TermTable(db),
): number {
  try {
    return db
      .transaction(() => {
        terms.resolve(docs.flatMap((d) => (d.impacts ? [...d.impacts.keys()] : [])));
        const stats = readStats(db);
        const delta: Partial<IndexStats> = {};
        const bump = (key: keyof IndexStats, by: number) => (delta[key] = (delta[key] ?? 0) + by);
        let nextDocno = stats.next_docno;
        let applied = 0;
        const rows: number[] = [];
        for (const { doc, impacts } of docs) {
          if (!dequeue(db, doc)) continue;
          applied++;
          retire(db, terms, doc, bump);
          if (!impacts || !impacts.size) continue;
          const docno = nextDocno++;
          prepared(db, 'INSERT INTO search_docs (docno, kind, doc_id, terms) VALUES (?, ?, ?, ?)').run(
            docno,
            doc.kind,
            doc.docId,
            impacts.size,
          );
          for (const [term, impact] of impacts) {
            const termId = terms.idOf(term);
            terms.count(termId, 1);
            rows.push(termId, doc.kind, docno, impact);
          }
          bump('doc_count', 1);
          bump('postings', impacts.size);
          bump('fresh_postings', impacts.size);
        }
        insertFresh(db, rows);
        terms.flush();
        if (nextDocno !== stats.next_docno) bump('next_docno', nextDocno - stats.next_docno);
        addStats(db, delta);
        return applied;
      })
      .immediate();
  } catch (err) {
    terms.forget();
    throw err;
  }
}

/**
 * Retires the indexed version of a document: its number leaves search_docs, its postings still in
 * search_fresh go now (with their document frequency); those already in blocks become dead
 * postings, skipped by queries until a merge or compaction rewrites their blocks.
 */
function retire(
  db: Database,
  terms: TermTable,
  doc: QueuedDocument,
  bump: (key: keyof IndexStats, by: number) => void,
): void {
  const old = prepared(db, 'SELECT docno, terms FROM search_docs WHERE kind = ? AND doc_id = ?').get(
    doc.kind,
    doc.docId,
  ) as { docno: number; terms: number } | undefined;
  if (!old) return;
  prepared(db, 'DELETE FROM search_docs WHERE docno = ?').run(old.docno);
  const fresh = prepared(db, 'DELETE FROM search_fresh WHERE docno = ? RETURNING term_id')
    .pluck()
    .all(old.docno) as number[];
  for (const termId of fresh) terms.count(termId, -1);
  bump('doc_count', -1);
  bump('postings', -fresh.length);
  bump('fresh_postings', -fresh.length);
  bump('dead_postings', old.terms - fresh.length);
}

/** rows: term_id, kind, docno, impact, … (flat). Sorted by key first: neighbouring b-tree pages. */
function insertFresh(db: Database, flat: number[]): void {
  const count = flat.length / 4;
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) =>
      flat[a * 4]! - flat[b * 4]! ||
      flat[a * 4 + 1]! - flat[b * 4 + 1]! ||
      flat[a * 4 + 2]! - flat[b * 4 + 2]!,
  );
  const many = prepared(
    db,
    `INSERT INTO search_fresh (term_id, kind, docno, impact) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?, ?, ?)').join(', ')}`,
  );
  const one = prepared(db, 'INSERT INTO search_fresh (term_id, kind, docno, impact) VALUES (?, ?, ?, ?)');
  const args: number[] = [];
  let i = 0;
  for (; i + ROWS_PER_INSERT <= count; i += ROWS_PER_INSERT) {
    args.length = 0;
    for (let k = i; k < i + ROWS_PER_INSERT; k++) {
      const at = order[k]! * 4;
      args.push(flat[at]!, flat[at + 1]!, flat[at + 2]!, flat[at + 3]!);
    }
    many.run(args);
  }
  for (; i < count; i++) {
    const at = order[i]! * 4;
    one.run(flat[at]!, flat[at + 1]!, flat[at + 2]!, flat[at + 3]!);
  }
}
