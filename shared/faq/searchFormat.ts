// The FAQ site's search index on disk, as the publisher writes it and the site's script reads it.
// Everything is a JavaScript file that calls a global (`kotaeSearch.bucket(…)`) rather than JSON to
// fetch: pages opened from file:// may load scripts but may not fetch files.
//
//   search/meta.js        the documents (title, path, area, date), the Latin vocabulary
//   search/b/<n>.js       postings of the terms whose bucket is n: term -> doc ids, delta-coded
//   search/s/<n>.js       the (redacted) text of documents id/STORE_SHARD = n, for snippets

export const SEARCH_FORMAT_VERSION = 1;
export const SEARCH_GLOBAL = 'kotaeSearch';
/** Documents per snippet-store file: small, so a result page loads only a few kilobytes of text. */
export const STORE_SHARD = 16;

/** [id, path, title, language, area index (-1: none), updated YYYY-MM-DD] */
export type MetaDoc = [number, string, string, string, number, string];

export interface SearchMeta {
  version: number;
  bucketCount: number;
  /** Content hash of each bucket file, for cache-busting on hosts that cache. */
  buckets: string[];
  /** Content hash of each snippet-store file, by shard number. */
  stores: Record<string, string>;
  docs: MetaDoc[];
  areas: string[];
  /** Latin terms of the whole site, sorted, with their document frequency (for prefix and typos). */
  words: string[];
  wordDf: number[];
}

export type BucketData = Record<string, string>;
export type StoreData = Record<string, string>;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆ヶ]/u;

export function isCjkTerm(term: string): boolean {
  return CJK.test(term[0] ?? '');
}

/** FNV-1a over UTF-16 code units: stable in Node and every browser, no crypto needed. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function shortHash(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}

/**
 * Japanese terms go by their first character, so a one-character query finds every bigram that
 * starts with it in one file; Latin words go by the whole word.
 */
export function bucketOf(term: string, bucketCount: number): number {
  const key = isCjkTerm(term) ? String.fromCodePoint(term.codePointAt(0)!) : term;
  return fnv1a(key) % bucketCount;
}

export function storeShardOf(id: number): number {
  return Math.floor(id / STORE_SHARD);
}

/** Buckets for a site of this size: about 40 documents' postings per file, a power of two. */
export function bucketCountFor(docCount: number): number {
  let n = 4;
  while (n < 512 && n * 40 < docCount) n *= 2;
  return n;
}

// Posting lists: sorted ids as gaps, each gap in base 32 with the most significant digit first;
// digits 32–63 of the alphabet mean "more digits follow". A gap below 32 takes one character.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeIds(ids: readonly number[]): string {
  let out = '';
  let prev = 0;
  for (const id of ids) {
    let gap = id - prev;
    prev = id;
    const digits: number[] = [gap & 31];
    gap = Math.floor(gap / 32);
    while (gap > 0) {
      digits.push(gap & 31);
      gap = Math.floor(gap / 32);
    }
    for (let i = digits.length - 1; i > 0; i--) out += ALPHABET[digits[i]! + 32];
    out += ALPHABET[digits[0]!];
  }
  return out;
}

export function decodeIds(encoded: string): number[] {
  const ids: number[] = [];
  let prev = 0;
  let value = 0;
  for (let i = 0; i < encoded.length; i++) {
    const digit = VALUE.get(encoded[i]!) ?? 0;
    if (digit >= 32) {
      value = value * 32 + (digit - 32);
    } else {
      prev += value * 32 + digit;
      ids.push(prev);
      value = 0;
    }
  }
  return ids;
}

// ---- the files ----

const call = (fn: string, ...args: unknown[]) =>
  `${SEARCH_GLOBAL}.${fn}(${args.map((a) => JSON.stringify(a)).join(',')});\n`;

export function metaFile(meta: SearchMeta): string {
  return call('meta', meta);
}
export function bucketFile(n: number, data: BucketData): string {
  return call('bucket', n, data);
}
export function storeFile(n: number, data: StoreData): string {
  return call('store', n, data);
}

/** Reads back a file written above (the publisher does, to update an index incrementally). */
export function parseSearchFile(content: string): { fn: string; args: unknown[] } | null {
  const match = /^kotaeSearch\.(\w+)\(([\s\S]*)\);\n?$/.exec(content);
  if (!match) return null;
  try {
    return { fn: match[1]!, args: JSON.parse(`[${match[2]}]`) as unknown[] };
  } catch {
    return null;
  }
}
