import { normalizeForSearch } from '../text/normalize';
import { storeShardOf, type BucketData, type SearchMeta, type StoreData } from './searchFormat';
import { containsPhrases, executeQuery, foldedTitles, planQuery, type QueryPlan } from './searchQuery';
import { matchRanges, segmentsOf, snippet, type Segment } from './snippet';

/** Loads one index file: the site's script injects a <script>; tests read the file from disk. */
export interface SearchLoader {
  meta(): Promise<SearchMeta>;
  bucket(n: number, hash: string): Promise<BucketData>;
  store(n: number, hash: string): Promise<StoreData>;
}

export interface SearchResult {
  id: number;
  path: string;
  title: Segment[];
  snippet: Segment[];
  area: string | null;
  language: string;
  updated: string;
  score: number;
  /** False when no answer had every part of the query and this one has some of them. */
  complete: boolean;
}

/**
 * How many results get a snippet (and so a check that a long phrase really is in the text): about
 * what the results list shows without scrolling. Each may cost a small file to load.
 */
const SNIPPETS = 8;

/** The search box's engine: plans a query, loads only the files it needs, ranks, makes snippets. */
export class SearchClient {
  private metaPromise: Promise<SearchMeta> | null = null;
  private titles: Map<number, string> | null = null;
  private readonly buckets = new Map<number, Promise<BucketData>>();
  private readonly stores = new Map<number, Promise<StoreData>>();

  constructor(private readonly loader: SearchLoader) {}

  meta(): Promise<SearchMeta> {
    this.metaPromise ??= this.loader.meta().then((m) => {
      this.titles = foldedTitles(m);
      return m;
    });
    return this.metaPromise;
  }

  private bucket(meta: SearchMeta, n: number): Promise<BucketData> {
    let p = this.buckets.get(n);
    if (!p) {
      p = this.loader.bucket(n, meta.buckets[n] ?? '');
      this.buckets.set(n, p);
    }
    return p;
  }

  private store(meta: SearchMeta, n: number): Promise<StoreData> {
    let p = this.stores.get(n);
    if (!p) {
      p = this.loader.store(n, meta.stores[String(n)] ?? '');
      this.stores.set(n, p);
    }
    return p;
  }

  async plan(query: string): Promise<QueryPlan> {
    return planQuery(query, await this.meta());
  }

  async search(query: string, limit = 30): Promise<SearchResult[]> {
    const meta = await this.meta();
    const plan = planQuery(query, meta);
    if (plan.parts.length === 0) return [];
    const loaded = new Map<number, BucketData>();
    await Promise.all(plan.buckets.map(async (b) => loaded.set(b, await this.bucket(meta, b))));
    const hits = executeQuery(plan, loaded, meta, { titles: this.titles! }, limit + SNIPPETS);
    const byId = new Map(meta.docs.map((d) => [d[0], d]));
    const top = hits.slice(0, SNIPPETS);
    const texts = new Map<number, string>();
    await Promise.all(
      top.map(async (h) => {
        const store = await this.store(meta, storeShardOf(h.id));
        texts.set(h.id, store[String(h.id)] ?? '');
      }),
    );
    const results: SearchResult[] = [];
    for (const hit of hits) {
      const doc = byId.get(hit.id);
      if (!doc) continue;
      const [, path, title, language, area, updated] = doc;
      const text = texts.get(hit.id);
      if (text !== undefined && !containsPhrases(plan, normalizeForSearch(`${title}\n${text}`))) continue;
      results.push({
        id: hit.id,
        path,
        title: segmentsOf(title, matchRanges(title, plan)),
        snippet: text === undefined ? [] : snippet(text, plan),
        area: meta.areas[area] ?? null,
        language,
        updated,
        score: hit.score,
        complete: hit.complete,
      });
      if (results.length >= limit) break;
    }
    return results;
  }
}
