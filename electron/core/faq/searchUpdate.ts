import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  SearchIndex,
  TOKENIZER_PROBE,
  bucketCountFor,
  parseSearchFile,
  storeShardOf,
  type BucketData,
  type SearchDocument,
  type SearchMeta,
  type StoreData,
} from '../../../shared/faq';

// The site's search index, brought up to date: patched for the answers that changed (reading and
// writing only the bucket files of their terms, the snippet shards that hold them and the meta),
// or built afresh (first publication, another tokeniser, a site that grew past its bucket layout,
// or files that went missing).

export interface IndexState {
  probe: string;
}

async function readSearchFile(outDir: string, rel: string): Promise<unknown[] | null> {
  try {
    return parseSearchFile(await readFile(path.join(outDir, rel), 'utf8'))?.args ?? null;
  } catch {
    return null;
  }
}

export interface SearchUpdate {
  files: Map<string, string>;
  /** Numbers of the snippet-store shards that were not rewritten and stay as they are. */
  keptStores: string[];
  /** Numbers of the bucket files that were not rewritten and stay as they are. */
  keptBuckets: number[];
  rebuilt: boolean;
  changed: number;
}

export async function updateSearchIndex(options: {
  outDir: string;
  previous: IndexState | null;
  /** Every document of the new site, with a function giving its text (may render the answer). */
  docs: readonly (Omit<SearchDocument, 'text'> & {
    key: string;
    previousKey: string | null;
    text: () => string;
  })[];
  throwIfCancelled: () => void;
  /** Whether a file of the previous publication is still there as it was written. */
  intact: (sitePath: string) => boolean;
}): Promise<SearchUpdate> {
  const { outDir, docs } = options;
  const full = async (): Promise<SearchUpdate> => {
    const index = SearchIndex.empty(docs.length);
    const withText: SearchDocument[] = [];
    for (const d of docs) {
      options.throwIfCancelled();
      withText.push({ ...d, text: d.text() });
    }
    index.addAll(withText);
    const stores = new Map<number, StoreData>();
    for (const d of withText) {
      const shard = stores.get(storeShardOf(d.id)) ?? {};
      shard[String(d.id)] = d.text;
      stores.set(storeShardOf(d.id), shard);
    }
    return {
      files: index.files({ stores }),
      keptStores: [],
      keptBuckets: [],
      rebuilt: true,
      changed: docs.length,
    };
  };

  if (!options.previous || options.previous.probe !== TOKENIZER_PROBE) return full();
  const meta = (await readSearchFile(outDir, 'search/meta.js'))?.[0] as SearchMeta | undefined;
  if (!meta || typeof meta.bucketCount !== 'number') return full();
  const wanted = bucketCountFor(docs.length);
  if (wanted > meta.bucketCount * 2 || wanted * 4 < meta.bucketCount) return full();
  const indexed = new Set(meta.docs.map((d) => d[0]));
  const current = new Map(docs.map((d) => [d.id, d]));
  const changed = docs.filter((d) => d.key !== d.previousKey || !indexed.has(d.id));
  const removed = [...indexed].filter((id) => !current.has(id));
  const touched = [...changed.map((d) => d.id), ...removed];
  // Patching is for a few edits; when much of the site changed, building afresh is quicker.
  if (touched.length > Math.max(200, docs.length / 4)) return full();
  // Shards holding a touched document are read back, patched and rewritten whole.
  const shards = new Map<number, StoreData>();
  for (const shard of new Set(touched.map(storeShardOf))) {
    if (!meta.stores[String(shard)]) {
      shards.set(shard, {});
      continue;
    }
    const data = (await readSearchFile(outDir, `search/s/${shard}.js`))?.[1] as StoreData | undefined;
    if (!data) return full();
    shards.set(shard, { ...data });
  }
  const titles = new Map(meta.docs.map((d) => [d[0], d[2]] as const));
  const removals: { id: number; title: string; text: string }[] = [];
  for (const id of touched) {
    if (!indexed.has(id)) continue;
    const oldText = shards.get(storeShardOf(id))?.[String(id)];
    if (oldText === undefined) return full();
    removals.push({ id, title: titles.get(id)!, text: oldText });
    delete shards.get(storeShardOf(id))![String(id)];
  }
  const additions: SearchDocument[] = [];
  for (const d of changed) {
    options.throwIfCancelled();
    const { key: _key, previousKey: _previous, text: textOf, ...info } = d;
    const text = textOf();
    additions.push({ ...info, text });
    shards.get(storeShardOf(d.id))![String(d.id)] = text;
  }
  // Only the buckets of the terms these documents had and have are read back and written again.
  const buckets = new Map<number, BucketData>();
  for (const b of SearchIndex.bucketsChangedBy(meta.bucketCount, removals, additions)) {
    const data = (await readSearchFile(outDir, `search/b/${b}.js`))?.[1] as BucketData | undefined;
    if (!data || !meta.buckets[b]) return full();
    buckets.set(b, data);
  }
  // The others are kept as they are: they must still be there (else everything is written anew).
  for (let b = 0; b < meta.bucketCount; b++)
    if (!buckets.has(b) && !options.intact(`search/b/${b}.js`)) return full();
  const index = SearchIndex.restorePartial(meta, buckets);
  if (touched.length) index.patch(removals, additions);
  const live = new Map([...shards].filter(([, data]) => Object.keys(data).length > 0));
  const files = index.files({ stores: live, previousStores: meta.stores });
  const rewritten = new Set([...live.keys()].map(String));
  return {
    files,
    keptStores: storesOf(files).filter((s) => !rewritten.has(s)),
    keptBuckets: Array.from({ length: meta.bucketCount }, (_, b) => b).filter(
      (b) => !files.has(`search/b/${b}.js`),
    ),
    rebuilt: false,
    changed: touched.length,
  };
}

/** Shards the new index refers to. */
function storesOf(files: Map<string, string>): string[] {
  const meta = parseSearchFile(files.get('search/meta.js') ?? '')?.args[0] as SearchMeta | undefined;
  return Object.keys(meta?.stores ?? {});
}
