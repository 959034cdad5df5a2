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
  // A lookup costs ~9 µs of CPU (at the 100,000-document bench), reading a block in the range
  // ~1 µs: looking up 74 documents in サイ's ~460 blocks of questions one by one cost 1.45 ms,
  // reading the range 0.4 ms.
  if (docnos.length * 10 < postings / BLOCK_SIZE) {
    // min() seeks; "ORDER BY last_docno LIMIT 1" cost 2.5× as much a lookup.
    const blockOf = prepared(
      db,
      `SELECT b.last_docno, b.n, b.data FROM search_blocks b WHERE b.term_id = ? AND b.kind = ? AND
         b.last_docno = (SELECT min(last_docno) FROM search_blocks
                         WHERE term_id = b.term_id AND kind = b.kind AND last_docno >= ?)`,
    ).raw();
    for (let i = 0; i < docnos.length;) {
      const row = blockOf.get(termId, kind, docnos[i]) as [number, number, Buffer] | undefined;
      if (!row) break;
      i = apply(i, row[0], row[1], row[2]);
    }
    return out;
  }
  // A rare term's few blocks, as rows: one row of their bytes end to end costs more to make than
  // it saves below ~16 blocks (独自 with 3 blocks: 0.085 ms against 0.080 ms of CPU as rows).
  if (postings <= SMALL_TERM) {
    const rows = prepared(
      db,
      `SELECT last_docno, n, data FROM search_blocks
       WHERE term_id = ? AND kind = ? AND last_docno BETWEEN ? AND
         coalesce((SELECT min(last_docno) FROM search_blocks
                   WHERE term_id = ? AND kind = ? AND last_docno >= ?), ?)`,
    )
      .raw()
      .all(termId, kind, first, termId, kind, last, last) as [number, number, Buffer][];
    let i = 0;
    for (const [blockLast, n, data] of rows) i = apply(i, blockLast, n, data);
    return out;
  }
  // The blocks ending within [first, last], and the one after (which holds numbers up to its end),
  // as one row: their bytes end to end and the list of their counts. Read as a row each, a common
  // term's ~460 blocks cost ~2.5 µs a row (an array and a Buffer each): 1.15 ms of CPU for サイ
  // in the questions at the 100,000-document bench; as one row, decoded in place, 0.3 ms.
  const row = prepared(
    db,
    // The subquery's order is kept: SQLite does not flatten an ordered subquery into an aggregate
    // (an ORDER BY inside group_concat sorted the blobs in a temporary b-tree: slower than rows).
    `SELECT group_concat(n), CAST(group_concat(data, '') AS BLOB)
     FROM (SELECT n, last_docno, data FROM search_blocks
       WHERE term_id = @term AND kind = @kind AND last_docno BETWEEN @first AND
         coalesce((SELECT min(last_docno) FROM search_blocks
                   WHERE term_id = @term AND kind = @kind AND last_docno >= @last), @last)
       ORDER BY last_docno)`,
  )
    .raw()
    .get({ term: termId, kind, first, last }) as [string | null, Buffer | null];
  if (!row[1]) return out;
  const counts = numbersOf(row[0]!);
  const data = row[1];
  for (let b = 0, at = 0, i = 0; b < counts.length && i < docnos.length; b++) {
    const n = counts[b]!;
    // A block whose next holds numbers up to the wanted one is stepped over, not decoded: a
    // block's first number is stored whole, so the next block's is read at once.
    const next = skipBlock(data, at, n);
    if (b + 1 < counts.length && firstNumber(data, next) <= docnos[i]!) {
      at = next;
      continue;
    }
    at = decodeInto(data, at, n);
    i = intersectBlock(data, at, n, docnos, i, out);
    at += n;
  }
  return out;
}

/** Decoded document numbers of one block (reused: a block holds at most BLOCK_SIZE). */
const scratch = new Float64Array(BLOCK_SIZE);

/** Where the block after the one at data[at…] (n postings) begins: n varints, then n impacts. */
function skipBlock(data: Uint8Array, at: number, n: number): number {
  let p = at;
  for (let ends = 0; ends < n; p++) if (data[p]! < 0x80) ends++;
  return p + n;
}

/** The first number of the block at data[at…] (stored whole, not as a gap). */
function firstNumber(data: Uint8Array, at: number): number {
  let byte = data[at]!;
  let value = byte & 0x7f;
  let scale = 128;
  while (byte & 0x80) {
    byte = data[++at]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
  }
  return value;
}

/** Decodes the n numbers of the block at data[at…] into scratch; returns where its impacts begin. */
function decodeInto(data: Uint8Array, at: number, n: number): number {
  let previous = 0;
  let p = at;
  for (let k = 0; k < n; k++) {
    let byte = data[p++]!;
    let value = byte & 0x7f;
    let scale = 128;
    while (byte & 0x80) {
      byte = data[p++]!;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    previous += value;
    scratch[k] = previous;
  }
  return p;
}

/**
 * The impacts of the wanted numbers from `from` on that fall in the block just decoded into
 * scratch (n postings, impacts at data[impactsAt…]); returns where the next block's numbers begin.
 */
function intersectBlock(
  data: Uint8Array,
  impactsAt: number,
  n: number,
  docnos: readonly number[],
  from: number,
  out: Uint8Array,
): number {
  const blockLast = scratch[n - 1]!;
  let i = from;
  for (let j = 0; j < n && i < docnos.length && docnos[i]! <= blockLast;) {
    const d = docnos[i]!;
    const e = scratch[j]!;
    if (e < d) j++;
    else if (e > d) i++;
    else {
      out[i++] = data[impactsAt + j]!;
      j++;
    }
  }
  while (i < docnos.length && docnos[i]! <= blockLast) i++;
  return i;
}

/** "12,34,5" → [12, 34, 5]. */
function numbersOf(list: string): number[] {
  const out: number[] = [];
  let value = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list.charCodeAt(k);
    if (c === 44) {
      out.push(value);
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  out.push(value);
  return out;
}

/** Postings up to which a term's blocks in a range are read as rows. */
const SMALL_TERM = 16 * BLOCK_SIZE;

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
