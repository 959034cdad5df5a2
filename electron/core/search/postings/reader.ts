import type { Database } from 'better-sqlite3';
import { prepared } from '../indexTables';
import { Best, type Scored } from './best';
import { BLOCK_SIZE, decodeBlock, decodeTop } from './codec';

// Reading postings (migration 0140): a term's blocks in a kind of document, its top list if it has
// one, and its fresh rows. Two questions are asked of them: the best postings by impact (the term
// that drives a query, the terms of a one-character query, "more like this"), and the impacts of
// given documents (the other terms of a query). Each is answered with a few statements whatever
// the term (rows come back raw: building an object per row costs more than the row).
// Numbers of retired versions are returned too: the caller maps numbers to live documents.

export type { Scored } from './best';

const json = (values: readonly number[]) => JSON.stringify(values);

/**
 * The `take` documents with the highest impact for any of the terms (a document found by several
 * keeps its best), with that impact. Exact: a term's top list answers when it is long enough; any
 * other term is read block by block in order of the blocks' highest impact, stopping at the first
 * that cannot beat the take-th best.
 */
export function topByImpact(db: Database, termIds: readonly number[], kind: number, take: number): Scored {
  const best = new Best(take);
  if (!termIds.length || take <= 0) return best.impacts;
  for (const [docno, impact] of prepared(
    db,
    'SELECT docno, impact FROM search_fresh WHERE kind = ? AND term_id IN (SELECT value FROM json_each(?))',
  )
    .raw()
    .all(kind, json(termIds)) as [number, number][])
    best.add(docno, impact);
  const listed = new Set<number>();
  for (const [key, n, data] of prepared(
    db,
    'SELECT key, n, data FROM search_top WHERE key IN (SELECT value FROM json_each(?))',
  )
    .raw()
    .all(json(termIds.map((t) => t * 4 + kind))) as [number, number, Buffer][]) {
    // A list shorter than take cannot say what comes after it: that term reads its blocks.
    if (n < take) continue;
    listed.add(Math.floor(key / 4));
    const top = decodeTop(data, n, take);
    for (let i = 0; i < top.docnos.length; i++) best.add(top.docnos[i]!, top.impacts[i]!);
  }
  const rest = termIds.filter((t) => !listed.has(t));
  if (!rest.length) return best.result();
  const headers = (
    prepared(
      db,
      `SELECT term_id, last_docno, max_impact, n FROM search_blocks
       WHERE kind = ? AND term_id IN (SELECT value FROM json_each(?))`,
    )
      .raw()
      .all(kind, json(rest)) as [number, number, number, number][]
  ).sort((a, b) => b[2] - a[2]);
  // Every posting wanted (a term read whole): all its blocks in one read.
  if (headers.reduce((sum, h) => sum + h[3], 0) <= take) {
    for (const [n, data] of prepared(
      db,
      'SELECT n, data FROM search_blocks WHERE kind = ? AND term_id IN (SELECT value FROM json_each(?))',
    )
      .raw()
      .all(kind, json(rest)) as [number, Buffer][]) {
      const { docnos, impacts } = decodeBlock(data, n);
      for (let i = 0; i < docnos.length; i++) best.add(docnos[i]!, impacts[i]!);
    }
    return best.result();
  }
  const read = prepared(
    db,
    'SELECT data FROM search_blocks WHERE term_id = ? AND kind = ? AND last_docno = ?',
  ).pluck();
  let bar = best.bar();
  for (const [termId, last, max, n] of headers) {
    if (max <= bar) break;
    const { docnos, impacts } = decodeBlock(read.get(termId, kind, last) as Buffer, n);
    for (let i = 0; i < docnos.length; i++) if (impacts[i]! > bar) best.add(docnos[i]!, impacts[i]!);
    bar = best.bar();
  }
  return best.result();
}

/**
 * The impact of a term in each of the given documents (numbers in increasing order), 0 where the
 * term is absent. `postings`, the term's document frequency, says how to read it: a few documents
 * among many blocks, each block found by its number; otherwise the blocks of their range in one
 * read, decoded only where a wanted number falls.
 */
export function impactsOf(
  db: Database,
  termId: number,
  kind: number,
  docnos: readonly number[],
  postings = Number.POSITIVE_INFINITY,
): Uint8Array {
  const out = new Uint8Array(docnos.length);
  if (!docnos.length) return out;
  const first = docnos[0]!;
  const last = docnos[docnos.length - 1]!;
  for (const [docno, impact] of prepared(
    db,
    'SELECT docno, impact FROM search_fresh WHERE term_id = ? AND kind = ? AND docno BETWEEN ? AND ?',
  )
    .raw()
    .all(termId, kind, first, last) as [number, number][]) {
    const at = lowerBound(docnos, docno);
    if (docnos[at] === docno) out[at] = impact;
  }
  // Wanted numbers from `from`, up to the block's last, get their impacts from it; returns where
  // the next block's numbers begin.
  const apply = (from: number, blockLast: number, n: number, data: Uint8Array): number => {
    let end = from;
    while (end < docnos.length && docnos[end]! <= blockLast) end++;
    if (end === from) return end;
    const block = decodeBlock(data, n);
    for (let i = from, j = 0; j < block.docnos.length && i < end;) {
      if (block.docnos[j]! < docnos[i]!) j++;
      else if (block.docnos[j]! > docnos[i]!) i++;
      else out[i++] = block.impacts[j++]!;
    }
    return end;
  };
  if (docnos.length * 4 < postings / BLOCK_SIZE) {
    const blockOf = prepared(
      db,
      `SELECT last_docno, n, data FROM search_blocks WHERE term_id = ? AND kind = ? AND last_docno >= ?
       ORDER BY last_docno LIMIT 1`,
    ).raw();
    for (let i = 0; i < docnos.length;) {
      const row = blockOf.get(termId, kind, docnos[i]) as [number, number, Buffer] | undefined;
      if (!row) break;
      i = apply(i, row[0], row[1], row[2]);
    }
    return out;
  }
  // The blocks ending within [first, last], and the one after (which holds numbers up to its end).
  const blocks = prepared(
    db,
    `SELECT last_docno, n, data FROM search_blocks WHERE term_id = ? AND kind = ? AND last_docno BETWEEN ? AND ?`,
  )
    .raw()
    .all(termId, kind, first, last) as [number, number, Buffer][];
  const after = prepared(
    db,
    `SELECT last_docno, n, data FROM search_blocks WHERE term_id = ? AND kind = ? AND last_docno > ?
     ORDER BY last_docno LIMIT 1`,
  )
    .raw()
    .get(termId, kind, last) as [number, number, Buffer] | undefined;
  if (after) blocks.push(after);
  let i = 0;
  for (const [blockLast, n, data] of blocks) i = apply(i, blockLast, n, data);
  return out;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
