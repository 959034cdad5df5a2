import { indexText, tokenize } from '../text/tokenize';
import {
  SEARCH_FORMAT_VERSION,
  bucketCountFor,
  bucketFile,
  bucketOf,
  decodeIds,
  encodeIds,
  isCjkTerm,
  metaFile,
  shortHash,
  storeFile,
  storeShardOf,
  type BucketData,
  type MetaDoc,
  type SearchMeta,
  type StoreData,
} from './searchFormat';

// The index side of the FAQ search: which terms each published answer has, as posting lists per
// bucket file. Kept as encoded strings and decoded only for the terms an edit touches, so that
// republishing after one edit costs milliseconds even for a site of ten thousand answers.

export interface SearchDocument {
  id: number;
  /** Site-relative path of the page, e.g. `answers/connect-a-custom-domain/`. */
  path: string;
  title: string;
  /** Redacted plain text, as published. */
  text: string;
  language: string;
  area: string | null;
  /** YYYY-MM-DD */
  updated: string;
}

/**
 * The terms of a document: the shared tokeniser's terms, plus the last character of every Japanese
 * run, so a one-character query finds a character wherever it stands (as the first character of a
 * bigram, or as the end of a run).
 */
export function documentTerms(title: string, text: string): Set<string> {
  const terms = new Set<string>();
  const tokens = tokenize(`${title}\n${text}`);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    terms.add(t.term);
    const next = tokens[i + 1];
    if (isCjkTerm(t.term) && [...t.term].length === 2 && !(next && next.start < t.end)) {
      terms.add([...t.term][1]!);
    }
  }
  return terms;
}

/** A fingerprint of the tokeniser: an index written by a different one is rebuilt, not patched. */
export const TOKENIZER_PROBE = shortHash(
  indexText('ＳＩＲＩＵＳ ｴﾗｰ 画像を削除 Google Analytics 4.2 𠮷野家 ｶﾞｿﾞｳ「決済」'),
);

/** What the index keeps of a document (its text lives in the snippet store). */
export type DocInfo = Omit<SearchDocument, 'text'>;

export class SearchIndex {
  private buckets: BucketData[];
  private readonly dirtyBuckets = new Set<number>();
  private readonly docs = new Map<number, DocInfo>();
  /**
   * Set when only some buckets were read back (restorePartial): the others are what the previous
   * meta says, their files and their words stay as they are.
   */
  private previous: SearchMeta | null = null;
  /** The buckets read back by restorePartial. */
  private readonly read = new Set<number>();

  private constructor(readonly bucketCount: number) {
    this.buckets = Array.from({ length: bucketCount }, () => ({}));
    for (let i = 0; i < bucketCount; i++) this.dirtyBuckets.add(i);
  }

  static empty(docCount: number): SearchIndex {
    return new SearchIndex(bucketCountFor(docCount));
  }

  /** An index read back from the files of the last publication. */
  static restore(meta: SearchMeta, buckets: BucketData[]): SearchIndex {
    const index = new SearchIndex(meta.bucketCount);
    index.buckets = buckets.map((b) => ({ ...b }));
    index.dirtyBuckets.clear();
    for (const [id, path, title, language, area, updated] of meta.docs)
      index.docs.set(id, { id, path, title, language, area: meta.areas[area] ?? null, updated });
    return index;
  }

  /**
   * An index read back from the meta and only the buckets an edit touches (those of the terms of
   * the documents it removes and adds): a republish after one edit reads and writes a few bucket
   * files, not all of them. Only `patch` may follow, with documents whose terms lie in `buckets`.
   */
  static restorePartial(meta: SearchMeta, buckets: ReadonlyMap<number, BucketData>): SearchIndex {
    const index = new SearchIndex(meta.bucketCount);
    for (const [b, data] of buckets) {
      index.buckets[b] = { ...data };
      index.read.add(b);
    }
    index.dirtyBuckets.clear();
    index.previous = meta;
    for (const [id, path, title, language, area, updated] of meta.docs)
      index.docs.set(id, { id, path, title, language, area: meta.areas[area] ?? null, updated });
    return index;
  }

  /** The buckets a patch changes (what restorePartial needs for it): those of changes(). */
  static bucketsChangedBy(
    bucketCount: number,
    removed: readonly { id: number; title: string; text: string }[],
    added: readonly SearchDocument[],
  ): Set<number> {
    return new Set([...changes(removed, added).keys()].map((term) => bucketOf(term, bucketCount)));
  }

  get size(): number {
    return this.docs.size;
  }

  has(id: number): boolean {
    return this.docs.has(id);
  }

  doc(id: number): DocInfo | undefined {
    return this.docs.get(id);
  }

  ids(): number[] {
    return [...this.docs.keys()];
  }

  /** Spreads the terms over more (or fewer) files when the site has grown; no decoding needed. */
  rebucket(bucketCount: number): SearchIndex {
    if (bucketCount === this.bucketCount) return this;
    const next = new SearchIndex(bucketCount);
    for (const bucket of this.buckets)
      for (const [term, ids] of Object.entries(bucket))
        next.buckets[bucketOf(term, bucketCount)]![term] = ids;
    for (const [id, d] of this.docs) next.docs.set(id, d);
    return next;
  }

  private update(term: string, change: (ids: number[]) => number[]): void {
    const b = bucketOf(term, this.bucketCount);
    if (this.previous && !this.loaded(b)) throw new Error(`search index: bucket ${b} was not read back`);
    const bucket = this.buckets[b]!;
    const ids = change(bucket[term] ? decodeIds(bucket[term]) : []);
    if (ids.length) bucket[term] = encodeIds(ids);
    else delete bucket[term];
    this.dirtyBuckets.add(b);
  }

  /** Removes a document, given the title and text it was indexed with. */
  remove(id: number, indexed: { title: string; text: string }): void {
    this.patch([{ id, ...indexed }], []);
  }

  add(doc: SearchDocument): void {
    this.patch([], [doc]);
  }

  /**
   * Removes and adds documents (an edited one is both), decoding and re-encoding each posting list
   * it touches once, however many of the documents share the term.
   */
  patch(
    removed: readonly { id: number; title: string; text: string }[],
    added: readonly SearchDocument[],
  ): void {
    for (const r of removed) this.docs.delete(r.id);
    for (const d of added) this.docs.set(d.id, infoOf(d));
    for (const [term, { gone, extra }] of changes(removed, added)) {
      this.update(term, (ids) => {
        const kept = gone ? ids.filter((x) => !gone.has(x)) : ids;
        if (extra.length === 0) return kept;
        const merged = new Set(kept);
        for (const id of extra) merged.add(id);
        return [...merged].sort((a, b) => a - b);
      });
    }
  }

  /**
   * Adds many new documents at once (a first publication): each posting list is built once and
   * encoded once, instead of being decoded and re-encoded for every document.
   */
  addAll(docs: readonly SearchDocument[], onProgress?: (done: number) => void): void {
    const lists = new Map<string, number[]>();
    const sorted = [...docs].sort((a, b) => a.id - b.id);
    sorted.forEach((doc, i) => {
      for (const term of documentTerms(doc.title, doc.text)) {
        const list = lists.get(term);
        if (list) list.push(doc.id);
        else lists.set(term, [doc.id]);
      }
      this.docs.set(doc.id, infoOf(doc));
      if (onProgress && i % 200 === 0) onProgress(i);
    });
    for (const [term, ids] of lists) {
      const b = bucketOf(term, this.bucketCount);
      const existing = this.buckets[b]![term];
      const merged = existing ? [...new Set([...decodeIds(existing), ...ids])].sort((x, y) => x - y) : ids;
      this.buckets[b]![term] = encodeIds(merged);
      this.dirtyBuckets.add(b);
    }
  }

  private loaded(b: number): boolean {
    return !this.previous || this.read.has(b) || this.dirtyBuckets.has(b);
  }

  /**
   * Latin vocabulary and document frequencies (a posting has one final digit per id). After a
   * partial restore, the previous meta's words of untouched buckets, and those of the touched ones
   * from their new postings: the same list a full count gives.
   */
  private vocabulary(): { words: string[]; wordDf: number[] } {
    const entries: [string, number][] = [];
    const add = (bucket: BucketData) => {
      for (const [term, ids] of Object.entries(bucket)) {
        if (isCjkTerm(term)) continue;
        let df = 0;
        for (let i = 0; i < ids.length; i++) if (isFinal(ids.charCodeAt(i))) df++;
        entries.push([term, df]);
      }
    };
    if (this.previous) {
      const { words, wordDf } = this.previous;
      words.forEach((word, i) => {
        if (!this.dirtyBuckets.has(bucketOf(word, this.bucketCount))) entries.push([word, wordDf[i]!]);
      });
      for (const b of this.dirtyBuckets) add(this.buckets[b]!);
    } else for (const bucket of this.buckets) add(bucket);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { words: entries.map((e) => e[0]), wordDf: entries.map((e) => e[1]) };
  }

  /**
   * The index files: meta, every bucket, and the snippet-store shards given. `stores` holds the
   * full content of each shard to (re)write; shards not given keep their previous hash.
   */
  files(options: {
    stores: Map<number, StoreData>;
    previousStores?: Record<string, string>;
  }): Map<string, string> {
    const files = new Map<string, string>();
    const bucketHashes: string[] = [];
    for (let b = 0; b < this.bucketCount; b++) {
      // After a partial restore, an untouched bucket's file is kept as it is (the caller keeps it).
      if (this.previous && !this.dirtyBuckets.has(b)) {
        bucketHashes.push(this.previous.buckets[b]!);
        continue;
      }
      const content = bucketFile(b, sortKeys(this.buckets[b]!));
      bucketHashes.push(shortHash(content));
      files.set(`search/b/${b}.js`, content);
    }
    const stores: Record<string, string> = { ...(options.previousStores ?? {}) };
    for (const [shard, data] of options.stores) {
      const content = storeFile(shard, data);
      stores[String(shard)] = shortHash(content);
      files.set(`search/s/${shard}.js`, content);
    }
    const liveShards = new Set([...this.docs.keys()].map((id) => String(storeShardOf(id))));
    for (const shard of Object.keys(stores)) if (!liveShards.has(shard)) delete stores[shard];

    const infos = [...this.docs.values()].sort((x, y) => x.id - y.id);
    const areas = [...new Set(infos.map((d) => d.area).filter((a): a is string => a !== null))].sort();
    const areaIndex = new Map(areas.map((a, i) => [a, i]));
    const docs: MetaDoc[] = infos.map((d) => [
      d.id,
      d.path,
      d.title,
      d.language,
      d.area === null ? -1 : areaIndex.get(d.area)!,
      d.updated,
    ]);
    const meta: SearchMeta = {
      version: SEARCH_FORMAT_VERSION,
      bucketCount: this.bucketCount,
      buckets: bucketHashes,
      stores,
      docs,
      areas,
      ...this.vocabulary(),
    };
    files.set('search/meta.js', metaFile(meta));
    return files;
  }

  /** Bucket files changed since the index was restored (all of them for a new index). */
  get changedBuckets(): ReadonlySet<number> {
    return this.dirtyBuckets;
  }
}

/**
 * The posting lists a patch changes: per term, the ids that leave it and those that join it. An
 * edited document that keeps a term leaves and joins its list at once: no change, so the list is
 * not even decoded (an edit changes a few terms of a few hundred; the rest were most of the work).
 */
function changes(
  removed: readonly { id: number; title: string; text: string }[],
  added: readonly SearchDocument[],
): Map<string, { gone: Set<number> | null; extra: number[] }> {
  const drop = new Map<string, Set<number>>();
  for (const r of removed) {
    for (const term of documentTerms(r.title, r.text)) {
      const set = drop.get(term);
      if (set) set.add(r.id);
      else drop.set(term, new Set([r.id]));
    }
  }
  const put = new Map<string, number[]>();
  for (const d of added) {
    for (const term of documentTerms(d.title, d.text)) {
      const list = put.get(term);
      if (list) list.push(d.id);
      else put.set(term, [d.id]);
    }
  }
  const out = new Map<string, { gone: Set<number> | null; extra: number[] }>();
  for (const term of new Set([...drop.keys(), ...put.keys()])) {
    const gone = drop.get(term) ?? null;
    const extra = put.get(term) ?? [];
    if (gone && extra.length === gone.size && extra.every((id) => gone.has(id))) continue;
    out.set(term, { gone, extra });
  }
  return out;
}

/** '0'–'9' and 'A'–'V' are the digits 0–31 of the alphabet: the last digit of an id. */
const isFinal = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 86);

function infoOf(doc: SearchDocument): DocInfo {
  const { id, path, title, language, area, updated } = doc;
  return { id, path, title, language, area, updated };
}

function sortKeys(data: BucketData): BucketData {
  const out: BucketData = {};
  for (const key of Object.keys(data).sort()) out[key] = data[key]!;
  return out;
}
