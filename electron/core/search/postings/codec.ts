// A block of postings as one BLOB (issue 20): up to BLOCK_SIZE postings of one term in one kind of
// document, in increasing document number. The numbers are delta-coded as varints (LEB128: seven
// bits a byte, the high bit says "more"), so the close numbers of a common term take one byte each;
// then one impact byte per posting. The row that holds a block also holds its last document number
// and its highest impact (see migration 0140), so a query skips to the block of a number, and a
// top-k by impact stops at the first block that cannot beat what it has — as Lucene and Tantivy
// store postings.

/** Postings per block: small enough that a lookup decodes little, big enough that rows are few. */
export const BLOCK_SIZE = 128;

/** The highest impact a posting can carry (one byte). */
export const MAX_IMPACT = 255;

export interface DecodedBlock {
  docnos: number[];
  impacts: Uint8Array;
}

function varintLength(value: number): number {
  let n = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    n++;
  }
  return n;
}

/**
 * Encodes postings (document numbers strictly increasing, impacts 1–255): the first number as it
 * is, then the gaps, then the impacts.
 */
export function encodeBlock(
  docnos: ArrayLike<number>,
  impacts: ArrayLike<number>,
  from = 0,
  to = docnos.length,
): Buffer {
  let size = to - from;
  let previous = 0;
  for (let i = from; i < to; i++) {
    size += varintLength(docnos[i]! - previous);
    previous = docnos[i]!;
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  previous = 0;
  for (let i = from; i < to; i++) {
    let value = docnos[i]! - previous;
    previous = docnos[i]!;
    while (value >= 0x80) {
      out[at++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    out[at++] = value;
  }
  for (let i = from; i < to; i++) out[at++] = impacts[i]!;
  return out;
}

/** The postings of a block; `count` is the number the row says it holds. */
export function decodeBlock(data: Uint8Array, count: number): DecodedBlock {
  const docnos = new Array<number>(count);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    let byte = data[at++]!;
    let value = byte & 0x7f;
    let scale = 128;
    while (byte & 0x80) {
      byte = data[at++]!;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    previous += value;
    docnos[i] = previous;
  }
  if (at + count !== data.length)
    throw new Error(`search index block: ${data.length} bytes for ${count} postings`);
  return { docnos, impacts: data.subarray(at, at + count) };
}

/**
 * A term's best postings by impact (search_top), for terms with at least TOP_MIN postings in a
 * kind: the TOP_SIZE highest impacts, best first (ties: newest first), as varint number + impact
 * pairs, so a query decodes only the first k it wants.
 */
export const TOP_SIZE = 512;
export const TOP_MIN = 1024;

export interface PostingList {
  docnos: number[];
  impacts: number[];
}

export function encodeTop(list: PostingList): Buffer {
  let size = list.docnos.length;
  for (const d of list.docnos) size += varintLength(d);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  list.docnos.forEach((docno, i) => {
    let value = docno;
    while (value >= 0x80) {
      out[at++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    out[at++] = value;
    out[at++] = list.impacts[i]!;
  });
  return out;
}

/** The first `take` postings of a top list (it holds `count`). */
export function decodeTop(data: Uint8Array, count: number, take = count): PostingList {
  const n = Math.min(count, take);
  const docnos = new Array<number>(n);
  const impacts = new Array<number>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    let byte = data[at++]!;
    let value = byte & 0x7f;
    let scale = 128;
    while (byte & 0x80) {
      byte = data[at++]!;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    docnos[i] = value;
    impacts[i] = data[at++]!;
  }
  return { docnos, impacts };
}

/** The best `size` postings of a list, in top-list order (impact, then number, descending). */
export function bestOf(list: PostingList, size = TOP_SIZE): PostingList {
  const order = list.docnos.map((_, i) => i);
  order.sort((a, b) => list.impacts[b]! - list.impacts[a]! || list.docnos[b]! - list.docnos[a]!);
  order.length = Math.min(order.length, size);
  return { docnos: order.map((i) => list.docnos[i]!), impacts: order.map((i) => list.impacts[i]!) };
}
