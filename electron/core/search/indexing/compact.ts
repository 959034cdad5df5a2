import type { Database } from 'better-sqlite3';
import { addStats, prepared, readStats } from '../indexTables';
import { bestOf, BLOCK_SIZE, decodeBlock, TOP_MIN } from '../postings/codec';
import { writeBlocks, writeTop } from './merge';

// Compaction: once many postings belong to retired versions (edited or deleted documents), every
// block is read and those that hold dead postings, or a term's run of short blocks, are written
// again without them; the document frequencies, which count retired versions until then, become
// exact again. A chunk of terms per transaction, resumable: the indexer calls step() between its
// other work until it says it is done.

/** Blocks read per transaction (~10 ms of the library's write lock). */
const CHUNK_BLOCKS = 1000;

interface BlockRow {
  term_id: number;
  kind: number;
  last: number;
  n: number;
  data: Buffer;
}

export class Compaction {
  private nextTerm = 0;
  private live: Uint8Array | null = null;

  /** One chunk; true when every term has been visited. */
  step(db: Database, chunkBlocks = CHUNK_BLOCKS): boolean {
    return db
      .transaction(() => {
        // Live when compaction began. A number retired since stays (its postings are dropped next
        // time); a number given since is newer than the set and counts as live: never drop what
        // might be live.
        this.live ??= liveBitmap(db);
        const live = this.live;
        const isLive = (d: number) => d >= live.length || live[d] === 1;
        let rows = prepared(
          db,
          `SELECT term_id, kind, last_docno AS last, n, data FROM search_blocks WHERE term_id >= ?
         ORDER BY term_id, kind, last_docno LIMIT ?`,
        ).all(this.nextTerm, chunkBlocks + 1) as BlockRow[];
        const finished = rows.length <= chunkBlocks;
        let hi: number;
        if (finished) {
          hi = Number.MAX_SAFE_INTEGER;
        } else {
          // Whole terms only: leave the last one for the next chunk, unless it is the only one.
          const lastTerm = rows[rows.length - 1]!.term_id;
          if (rows[0]!.term_id === lastTerm)
            rows = prepared(
              db,
              `SELECT term_id, kind, last_docno AS last, n, data FROM search_blocks WHERE term_id = ?
             ORDER BY kind, last_docno`,
            ).all(lastTerm) as BlockRow[];
          else rows = rows.filter((r) => r.term_id !== lastTerm);
          hi = rows[rows.length - 1]!.term_id;
        }
        const df = new Map<number, number>();
        let dropped = 0;
        for (let i = 0; i < rows.length;) {
          let j = i;
          while (j < rows.length && rows[j]!.term_id === rows[i]!.term_id && rows[j]!.kind === rows[i]!.kind)
            j++;
          const group = rows.slice(i, j);
          const docnos: number[] = [];
          const impacts: number[] = [];
          let short = 0;
          for (const row of group) {
            if (row.n < BLOCK_SIZE) short++;
            const block = decodeBlock(row.data, row.n);
            block.docnos.forEach((d, k) => {
              if (isLive(d)) {
                docnos.push(d);
                impacts.push(block.impacts[k]!);
              }
            });
          }
          const gone = group.reduce((n, r) => n + r.n, 0) - docnos.length;
          const termId = group[0]!.term_id;
          df.set(termId, (df.get(termId) ?? 0) + docnos.length);
          const kind = group[0]!.kind;
          if (gone > 0 || short > 1) {
            dropped += gone;
            prepared(db, 'DELETE FROM search_blocks WHERE term_id = ? AND kind = ?').run(termId, kind);
            writeBlocks(db, termId, kind, docnos, impacts);
          }
          // The top list, exact again (it may have held retired versions).
          if (docnos.length >= TOP_MIN) writeTop(db, termId * 4 + kind, bestOf({ docnos, impacts }));
          else prepared(db, 'DELETE FROM search_top WHERE key = ?').run(termId * 4 + kind);
          i = j;
        }
        const lo = this.nextTerm;
        for (const r of prepared(
          db,
          'SELECT term_id, docno FROM search_fresh WHERE term_id BETWEEN ? AND ?',
        ).all(lo, hi) as { term_id: number; docno: number }[])
          if (isLive(r.docno)) df.set(r.term_id, (df.get(r.term_id) ?? 0) + 1);
        prepared(db, 'UPDATE search_terms SET df = 0 WHERE id BETWEEN ? AND ? AND df <> 0').run(lo, hi);
        const setDf = prepared(db, 'UPDATE search_terms SET df = ? WHERE id = ?');
        for (const [termId, count] of df) if (count) setDf.run(count, termId);
        addStats(db, { dead_postings: -dropped, postings: -dropped });
        this.nextTerm = hi + 1;
        if (finished) this.live = null;
        return finished;
      })
      .immediate();
  }
}

function liveBitmap(db: Database): Uint8Array {
  // Every number given so far is below next_docno: those not live now never will be again.
  const live = new Uint8Array(readStats(db).next_docno);
  for (const d of prepared(db, 'SELECT docno FROM search_docs').pluck().iterate() as Iterable<number>)
    live[d] = 1;
  return live;
}
