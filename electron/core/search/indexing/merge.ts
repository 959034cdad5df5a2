import type { Database } from 'better-sqlite3';
import { addStats, prepared } from '../indexTables';
import { topOfBlocks } from '../postings/best';
import {
  bestOf,
  BLOCK_SIZE,
  decodeBlock,
  decodeTop,
  encodeBlock,
  encodeTop,
  TOP_MIN,
  TOP_SIZE,
} from '../postings/codec';

// Moving fresh postings (one row each) into the blocks of their terms, a chunk of terms per
// transaction so no write waits long behind it. A term's fresh postings always come after its
// blocks (document numbers only grow), so they are appended: the last block, if not full, is
// decoded, extended and written again; then full blocks follow. Postings of retired versions are
// dropped on the way.

/** Rows of search_fresh moved per transaction (~10 ms of the library's write lock). */
export const MERGE_ROWS = 5000;

interface FreshRow {
  term_id: number;
  kind: number;
  docno: number;
  impact: number;
}

/** Merges the next chunk of fresh postings; returns how many rows left search_fresh (0: none left). */
export function mergeFreshChunk(db: Database, maxRows = MERGE_ROWS): number {
  return db
    .transaction(() => {
      let rows = prepared(
        db,
        'SELECT term_id, kind, docno, impact FROM search_fresh ORDER BY term_id, kind, docno LIMIT ?',
      ).all(maxRows + 1) as FreshRow[];
      if (!rows.length) return 0;
      if (rows.length > maxRows) {
        // Whole groups only: drop the last, unless it is the only one (then read all of it).
        const last = rows[rows.length - 1]!;
        const cut = rows.findIndex((r) => r.term_id === last.term_id && r.kind === last.kind);
        rows =
          cut > 0
            ? rows.slice(0, cut)
            : (prepared(
                db,
                'SELECT term_id, kind, docno, impact FROM search_fresh WHERE term_id = ? AND kind = ? ORDER BY docno',
              ).all(last.term_id, last.kind) as FreshRow[]);
      }
      const groups: { termId: number; kind: number; rows: FreshRow[] }[] = [];
      for (const r of rows) {
        const g = groups[groups.length - 1];
        if (g && g.termId === r.term_id && g.kind === r.kind) g.rows.push(r);
        else groups.push({ termId: r.term_id, kind: r.kind, rows: [r] });
      }
      const tails = groups.map(
        (g) =>
          prepared(
            db,
            `SELECT last_docno AS last, n, data FROM search_blocks WHERE term_id = ? AND kind = ?
           ORDER BY last_docno DESC LIMIT 1`,
          ).get(g.termId, g.kind) as { last: number; n: number; data: Buffer } | undefined,
      );
      const decodedTails = tails.map((t) => (t && t.n < BLOCK_SIZE ? decodeBlock(t.data, t.n) : null));
      const numbers = new Set<number>();
      for (const r of rows) numbers.add(r.docno);
      for (const t of decodedTails) if (t) for (const d of t.docnos) numbers.add(d);
      const live = liveAmong(db, numbers);

      const removeTail = prepared(
        db,
        'DELETE FROM search_blocks WHERE term_id = ? AND kind = ? AND last_docno = ?',
      );
      const removeFresh = prepared(db, 'DELETE FROM search_fresh WHERE term_id = ? AND kind = ?');
      let dropped = 0;
      let moved = 0;
      groups.forEach((g, i) => {
        const docnos: number[] = [];
        const impacts: number[] = [];
        const added: { docnos: number[]; impacts: number[] } = { docnos: [], impacts: [] };
        const tail = decodedTails[i];
        if (tail) {
          removeTail.run(g.termId, g.kind, tails[i]!.last);
          tail.docnos.forEach((d, k) => {
            if (live.has(d)) {
              docnos.push(d);
              impacts.push(tail.impacts[k]!);
            } else dropped++;
          });
        }
        for (const r of g.rows) {
          if (!live.has(r.docno)) {
            dropped++;
            continue;
          }
          docnos.push(r.docno);
          impacts.push(r.impact);
          added.docnos.push(r.docno);
          added.impacts.push(r.impact);
        }
        removeFresh.run(g.termId, g.kind);
        moved += g.rows.length;
        writeBlocks(db, g.termId, g.kind, docnos, impacts);
        updateTop(db, g.termId, g.kind, added);
      });
      addStats(db, { fresh_postings: -moved, dead_postings: -dropped, postings: -dropped });
      return moved;
    })
    .immediate();
}

/** Writes postings (increasing numbers) as blocks of BLOCK_SIZE, the last one possibly shorter. */
export function writeBlocks(
  db: Database,
  termId: number,
  kind: number,
  docnos: number[],
  impacts: number[],
): void {
  const insert = prepared(
    db,
    'INSERT INTO search_blocks (term_id, kind, last_docno, max_impact, n, data) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (let from = 0; from < docnos.length; from += BLOCK_SIZE) {
    const to = Math.min(docnos.length, from + BLOCK_SIZE);
    let max = 0;
    for (let i = from; i < to; i++) if (impacts[i]! > max) max = impacts[i]!;
    insert.run(termId, kind, docnos[to - 1]!, max, to - from, encodeBlock(docnos, impacts, from, to));
  }
}

/** Which of these document numbers are live. */
export function liveAmong(db: Database, numbers: Iterable<number>): Set<number> {
  const list = [...numbers];
  const live = new Set<number>();
  for (let i = 0; i < list.length; i += 10_000)
    for (const d of prepared(
      db,
      'SELECT d.docno FROM json_each(?) j CROSS JOIN search_docs d ON d.docno = j.value',
    )
      .pluck()
      .all(JSON.stringify(list.slice(i, i + 10_000))) as number[])
      live.add(d);
  return live;
}

/**
 * Keeps a term's top list (search_top) in step with postings just appended to its blocks: merged
 * into the list if it has one; made from all its blocks when the term has just become common.
 */
function updateTop(
  db: Database,
  termId: number,
  kind: number,
  added: { docnos: number[]; impacts: number[] },
): void {
  const key = termId * 4 + kind;
  const top = prepared(db, 'SELECT n, data FROM search_top WHERE key = ?').raw().get(key) as
    [number, Buffer] | undefined;
  if (top) {
    const list = decodeTop(top[1], top[0]);
    const merged = bestOf({
      docnos: [...list.docnos, ...added.docnos],
      impacts: [...list.impacts, ...added.impacts],
    });
    writeTop(db, key, merged);
    return;
  }
  // df counts every kind and retired versions too: a cheap first look before counting postings.
  const df = prepared(db, 'SELECT df FROM search_terms WHERE id = ?').pluck().get(termId) as number;
  if (df < TOP_MIN) return;
  const blocks = (
    prepared(db, 'SELECT max_impact, n, data FROM search_blocks WHERE term_id = ? AND kind = ?')
      .raw()
      .all(termId, kind) as [number, number, Buffer][]
  ).map(([max, n, data]) => ({ max, n, data }));
  if (blocks.reduce((sum, b) => sum + b.n, 0) >= TOP_MIN) writeTop(db, key, topOfBlocks(blocks, TOP_SIZE));
}

export function writeTop(db: Database, key: number, list: { docnos: number[]; impacts: number[] }): void {
  prepared(db, 'INSERT OR REPLACE INTO search_top (key, n, data) VALUES (?, ?, ?)').run(
    key,
    list.docnos.length,
    encodeTop(list),
  );
}
