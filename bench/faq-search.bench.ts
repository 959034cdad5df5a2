import { chromium, type Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { plainText } from '../shared/answers/document';
import {
  SearchClient,
  SearchIndex,
  documentTerms,
  parseSearchFile,
  storeShardOf,
  type BucketData,
  type SearchDocument,
  type SearchMeta,
  type StoreData,
} from '../shared/faq';
import { normalizeForSearch } from '../shared/text/normalize';
import { parseQuery } from '../shared/text/tokenize';
import { answerDocument, rng } from './faqCorpus';
import { percentile, report } from './report';

// npm run bench -- faq-search [answers]: the FAQ's own index (shared tokeniser at both ends)
// against Pagefind on the same documents and queries: recall and precision per query class, index
// size, and in-browser query latency (Chromium over http, since Pagefind cannot run from file://).
// Pagefind runs twice: on the text as written (its own Japanese segmentation) and fed our tokens.

const count = Number(process.argv[2] ?? 2000);
const dir = path.join(os.tmpdir(), `kotae-bench-search-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

// ---- the documents: the synthetic FAQ plus answers written with full- and half-width forms ----
const r = rng(21);
const docs: SearchDocument[] = [];
for (let i = 1; i <= count; i++) {
  const language = r() < 0.7 ? 'ja' : 'en';
  const { title, doc } = answerDocument(r, language);
  docs.push({
    id: i,
    path: `d/${i}/`,
    title,
    text: plainText(doc),
    language,
    area: null,
    updated: '2026-11-01',
  });
}
const widthDocs = [
  ['ＳＩＲＩＵＳ の更新後にｴﾗｰが出る', '管理画面を開くとｴﾗｰ表示になります。ﾌﾞﾗｳｻﾞを再起動してください。'],
  ['SIRIUS アプリのエラー', 'エラーが出たら再読み込みします。ブラウザの設定も確認します。'],
  ['ＡＰＩキーの再発行', 'ＡＰＩ キーは「決済サービス」で再発行します。'],
  ['ﾒﾆｭｰの並べ替え', 'ﾒﾆｭｰ項目をドラッグして並べ替えます。'],
];
widthDocs.forEach(([title, text], k) =>
  docs.push({
    id: count + 1 + k,
    path: `d/${count + 1 + k}/`,
    title: title!,
    text: text!,
    language: 'ja',
    area: null,
    updated: '2026-11-01',
  }),
);

// ---- the queries, by class, with what a reader means by each ----
interface Query {
  q: string;
  cls: string;
  /** Normalised strings a relevant document contains (all of them). */
  means: string[];
  /** Match `means` only at the start of a word (prefixes while typing). */
  prefix?: boolean;
}
const queries: Query[] = [
  ...['像', '権', '色', '送'].map((q) => ({ q, cls: 'ja 1 char', means: [q] })),
  ...['画像', '削除', '公開', '予約', '送料', '権限'].map((q) => ({ q, cls: 'ja 2 chars', means: [q] })),
  ...['テーマ設定', 'お問い合わせフォーム', '決済サービス', 'キャッシュが古かった'].map((q) => ({
    q,
    cls: 'ja longer',
    means: [q],
  })),
  { q: 'SIRIUS', cls: 'full/half width', means: ['sirius'] },
  { q: 'ＳＩＲＩＵＳ', cls: 'full/half width', means: ['sirius'] },
  { q: 'エラー', cls: 'full/half width', means: ['エラー'] },
  { q: 'ｴﾗｰ', cls: 'full/half width', means: ['エラー'] },
  { q: 'メニュー', cls: 'full/half width', means: ['メニュー'] },
  { q: 'ＡＰＩ', cls: 'full/half width', means: ['api'] },
  ...['image', 'shipping', 'permission', 'notification'].map((q) => ({ q, cls: 'en word', means: [q] })),
  { q: 'permision', cls: 'en typo', means: ['permission'] },
  { q: 'notifcation', cls: 'en typo', means: ['notification'] },
  { q: 'shiping', cls: 'en typo', means: ['shipping'] },
  { q: 'duplciate', cls: 'en typo', means: ['duplicate'] },
  { q: 'dupl', cls: 'en prefix', means: ['dupl'], prefix: true },
  { q: 'notif', cls: 'en prefix', means: ['notif'], prefix: true },
  { q: 'SEO 画像', cls: 'mixed ja/en', means: ['seo', '画像'] },
  { q: 'contact form 削除', cls: 'mixed ja/en', means: ['contact form', '削除'] },
];

const folded = new Map(docs.map((d) => [d.id, normalizeForSearch(`${d.title}\n${d.text}`)]));
function relevant(query: Query): Set<number> {
  const out = new Set<number>();
  for (const [id, text] of folded) {
    const ok = query.means.every((m) =>
      query.prefix ? new RegExp(`(^|[^a-z0-9])${m}`).test(text) : text.includes(m),
    );
    if (ok) out.add(id);
  }
  return out;
}

// ---- our index ----
const ours = SearchIndex.empty(docs.length);
ours.addAll(docs);
const stores = new Map<number, StoreData>();
for (const d of docs) {
  const shard = stores.get(storeShardOf(d.id)) ?? {};
  shard[String(d.id)] = d.text;
  stores.set(storeShardOf(d.id), shard);
}
const ourFiles = ours.files({ stores });
const oursDir = path.join(dir, 'ours');
for (const [p, content] of ourFiles) {
  mkdirSync(path.dirname(path.join(oursDir, p)), { recursive: true });
  writeFileSync(path.join(oursDir, p), content);
}
mkdirSync(path.join(oursDir, 'assets'), { recursive: true });
writeFileSync(
  path.join(oursDir, 'assets/site.js'),
  readFileSync(path.resolve('resources/faq-theme/site.js')),
);
writeFileSync(
  path.join(oursDir, 'index.html'),
  `<!doctype html><meta charset="utf-8"><div data-search data-root="./"><input class="search__input"><div class="search__status"></div><ul class="search__results" id="r"></ul></div><script src="assets/site.js"></script>`,
);
const oursIndexBytes = [...ourFiles]
  .filter(([p]) => !p.startsWith('search/s/'))
  .reduce((n, [, c]) => n + Buffer.byteLength(c), 0);
const oursClient = new SearchClient({
  meta: async () => parseSearchFile(ourFiles.get('search/meta.js')!)!.args[0] as SearchMeta,
  bucket: async (n) => parseSearchFile(ourFiles.get(`search/b/${n}.js`)!)!.args[1] as BucketData,
  store: async (n) => parseSearchFile(ourFiles.get(`search/s/${n}.js`)!)!.args[1] as StoreData,
});

// ---- Pagefind, twice ----
async function buildPagefind(
  name: string,
  record: (d: SearchDocument) => { content: string; language: string },
) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  for (const d of docs)
    await index.addCustomRecord({ url: `/${d.path}`, ...record(d), meta: { title: d.title } });
  const out = path.join(dir, name, 'pagefind');
  await index.writeFiles({ outputPath: out });
  writeFileSync(path.join(dir, name, 'index.html'), '<!doctype html><meta charset="utf-8"><title>pf</title>');
  return out;
}
const pfText = await buildPagefind('pf-text', (d) => ({ content: `${d.title}\n${d.text}`, language: 'ja' }));
const pfTokens = await buildPagefind('pf-tokens', (d) => ({
  content: [...documentTerms(d.title, d.text)].join(' '),
  language: 'ja',
}));
await pagefind.close();
function pagefindIndexBytes(out: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const full = path.join(d, f);
      if (statSync(full).isDirectory()) {
        if (f !== 'fragment') walk(full);
      } else if (/\.pf_(index|meta|filter)$|pagefind-entry\.json$/.test(f)) n += statSync(full).size;
    }
  };
  walk(out);
  return n;
}

// ---- a static server for the three (Pagefind needs fetch) ----
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const file = path.join(dir, decodeURIComponent(url.pathname));
  if (!file.startsWith(dir)) return void res.writeHead(403).end();
  try {
    const data = readFileSync(statSync(file).isDirectory() ? path.join(file, 'index.html') : file);
    const type = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.html') || statSync(file).isDirectory()
        ? 'text/html'
        : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(data);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const browser = await chromium.launch({
  executablePath: process.env.KOTAE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});

type Engine = { name: string; page: Page; search: (q: string) => Promise<{ ids: number[]; ms: number }> };

async function oursEngine(): Promise<Engine> {
  const page = await browser.newPage();
  await page.goto(`${base}/ours/`);
  await page.evaluate(() => (window as unknown as { kotaeFaq: { ready: Promise<unknown> } }).kotaeFaq.ready);
  return {
    name: 'Kotae index (shared tokeniser)',
    page,
    search: (q) =>
      page.evaluate(async (query) => {
        const faq = (window as unknown as { kotaeFaq: { search(q: string): Promise<{ id: number }[]> } })
          .kotaeFaq;
        const t0 = performance.now();
        const results = await faq.search(query);
        return { ids: results.map((x) => x.id), ms: performance.now() - t0 };
      }, q),
  };
}

async function pagefindEngine(name: string, folder: string, tokens: boolean): Promise<Engine> {
  const page = await browser.newPage();
  await page.goto(`${base}/${folder}/`);
  await page.evaluate(async (f) => {
    const pf = await import(`/${f}/pagefind/pagefind.js`);
    await pf.options({ baseUrl: '/' });
    await pf.init();
    (window as unknown as { pf: unknown }).pf = pf;
  }, folder);
  return {
    name,
    page,
    search: async (q) => {
      const query = tokens
        ? parseQuery(q)
            .flatMap((p) => p.phrase)
            .join(' ')
        : q;
      return page.evaluate(async (text) => {
        type Result = { data(): Promise<{ url: string }> };
        const pf = (window as unknown as { pf: { search(q: string): Promise<{ results: Result[] }> } }).pf;
        const t0 = performance.now();
        const found = await pf.search(text);
        // What a results list shows: the first 8 with their excerpts (as ours does).
        await Promise.all(found.results.slice(0, 8).map((x) => x.data()));
        const ms = performance.now() - t0;
        const all = await Promise.all(found.results.map((x) => x.data()));
        return { ids: all.map((d) => Number(/\/d\/(\d+)\//.exec(d.url)?.[1])), ms };
      }, query);
    },
  };
}

const engines = [
  await oursEngine(),
  await pagefindEngine('Pagefind 1.5 (its own segmentation)', 'pf-text', false),
  await pagefindEngine('Pagefind 1.5 fed our tokens', 'pf-tokens', true),
];

// Does Pagefind run from the disk? (Our site does: the Playwright spec opens it from file://.)
const filePage = await browser.newPage();
await filePage.goto(pathToFileURL(path.join(dir, 'pf-text', 'index.html')).href);
const pagefindFromFile = await filePage
  .evaluate(
    async (url) => {
      try {
        const pf = await import(url);
        await pf.search('画像');
        return 'yes';
      } catch (e) {
        return `no (${String(e).slice(0, 80)})`;
      }
    },
    pathToFileURL(path.join(pfText, 'pagefind.js')).href,
  )
  .catch((e: unknown) => `no (${String(e).slice(0, 80)})`);

const rows: Record<string, Record<string, { recall: number[]; precision: number[] }>> = {};
const latency: Record<string, { cold: number[]; warm: number[] }> = {};
for (const engine of engines) {
  latency[engine.name] = { cold: [], warm: [] };
  rows[engine.name] = {};
  for (const pass of ['cold', 'warm'] as const) {
    for (const query of queries) {
      const { ids, ms } = await engine.search(query.q);
      latency[engine.name]![pass].push(ms);
      if (pass === 'warm') continue;
      // Recall of ours is checked against the engine in Node too (same code, no result cap).
      // Our fallback ("no answer has every word; these have some") is labelled as such on screen;
      // it is not counted as found here, where a result must match the whole query.
      const found = new Set(
        engine.name.startsWith('Kotae')
          ? (await oursClient.search(query.q, 100_000)).filter((x) => x.complete).map((x) => x.id)
          : ids,
      );
      const truth = relevant(query);
      const hit = [...found].filter((id) => truth.has(id)).length;
      const cell = (rows[engine.name]![query.cls] ??= { recall: [], precision: [] });
      cell.recall.push(truth.size ? hit / truth.size : found.size === 0 ? 1 : 0);
      cell.precision.push(found.size ? hit / found.size : truth.size === 0 ? 1 : 0);
    }
  }
}
await browser.close();
server.close();
for (const e of engines)
  console.log(
    `${e.name}, cold ms per query:`,
    queries.map((q, i) => `${q.q} ${latency[e.name]!.cold[i]!.toFixed(0)}`).join(', '),
  );

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const classes = [...new Set(queries.map((q) => q.cls))];
const pct = (x: number) => `${Math.round(x * 100)}%`;
const textBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.title) + Buffer.byteLength(d.text), 0);
const sizes: Record<string, number> = {
  'Kotae index (shared tokeniser)': oursIndexBytes,
  'Pagefind 1.5 (its own segmentation)': pagefindIndexBytes(pfText),
  'Pagefind 1.5 fed our tokens': pagefindIndexBytes(pfTokens),
};
const lines = [
  `| query class | ${engines.map((e) => e.name).join(' | ')} |`,
  `|---|${engines.map(() => '---').join('|')}|`,
  ...classes.map(
    (cls) =>
      `| ${cls} (${queries
        .filter((q) => q.cls === cls)
        .map((q) => q.q)
        .join(', ')}) | ${engines
        .map(
          (e) =>
            `recall ${pct(mean(rows[e.name]![cls]!.recall))}, precision ${pct(mean(rows[e.name]![cls]!.precision))}`,
        )
        .join(' | ')} |`,
  ),
  `| all queries | ${engines.map((e) => `recall ${pct(mean(Object.values(rows[e.name]!).flatMap((c) => c.recall)))}`).join(' | ')} |`,
  `| index size (text ${(textBytes / 1e6).toFixed(2)} MB) | ${engines.map((e) => `${(sizes[e.name]! / 1e6).toFixed(2)} MB (${pct(sizes[e.name]! / textBytes)})`).join(' | ')} |`,
  `| query p50 / p95, cold (ms) | ${engines.map((e) => `${percentile(latency[e.name]!.cold, 50).toFixed(1)} / ${percentile(latency[e.name]!.cold, 95).toFixed(1)}`).join(' | ')} |`,
  `| query p50 / p95, warm (ms) | ${engines.map((e) => `${percentile(latency[e.name]!.warm, 50).toFixed(1)} / ${percentile(latency[e.name]!.warm, 95).toFixed(1)}`).join(' | ')} |`,
  `| works from file:// | yes | ${pagefindFromFile} | ${pagefindFromFile} |`,
];
console.log(`\n${count + widthDocs.length} documents, ${queries.length} queries\n`);
console.log(lines.join('\n'));
writeFileSync(path.resolve('bench/results/faq-search.md'), `${lines.join('\n')}\n`);

const figures: Record<string, number> = { documents: docs.length, queries: queries.length };
for (const [key, e] of [
  ['kotae', engines[0]!],
  ['pagefind', engines[1]!],
  ['pagefind_tokens', engines[2]!],
] as const) {
  figures[`${key}_recall`] = mean(Object.values(rows[e.name]!).flatMap((c) => c.recall));
  figures[`${key}_index_to_text_ratio`] = sizes[e.name]! / textBytes;
  figures[`${key}_query_p95_ms`] = percentile(latency[e.name]!.cold, 95);
}
report('faq-search', figures);
rmSync(dir, { recursive: true, force: true });
