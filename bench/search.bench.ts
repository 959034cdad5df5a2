import Database from 'better-sqlite3';
import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SearchHitKind } from '../shared/api/search';
import { indexText } from '../shared/text/tokenize';
import { createLibrary } from '../electron/core/library';
import { mergeAllFresh, refreshSearchIndex, SearchIndexer, searchLibrary } from '../electron/core/search';
import { percentile, report } from './report';
import { searchCorpus } from './searchCorpus';

// npm run bench -- search [docs]: the library's search index on a synthetic library of questions
// and answers (default 100,000; Zipf-distributed words, bench/searchCorpus.ts):
// - the build (what a migrated library's first indexing job does), its size against the text it
//   covers and against an FTS5 table over the same tokens built in the same run;
// - query latency per class against a naive LIKE '%q%' scan of the same documents, both returning
//   a ranked top 20 (the scan puts title matches first, then the newest, so it reads every row, as
//   any ranked scan must);
// - one edited document indexed (the update, the indexing, its commit), and the merge that later
//   moves such fresh postings into blocks.
// Times are wall-clock on whatever else the machine is doing; `load_avg` says how busy it was.

const docs = Number(process.argv[2] ?? 100_000);
const dir = path.join(os.tmpdir(), `kotae-bench-search-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
const library = createLibrary(path.join(dir, 'lib'), {});
const db = library.db;
const loadBefore = os.loadavg()[0]!;

// ---- the library ----
const next = searchCorpus();
const at = '2026-11-01T09:00:00.000Z';
const addQuestion = db.prepare(
  `INSERT INTO questions (subject, body, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
);
const addAnswer = db.prepare(
  `INSERT INTO answers (title, slug, doc, plain_text, created_at, updated_at) VALUES (?, ?, '{}', ?, ?, ?)`,
);
let chars = 0;
let textBytes = 0;
const fts = new Database(path.join(dir, 'fts5.sqlite'));
fts.pragma('journal_mode = WAL');
fts.exec(`CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = "unicode61 remove_diacritics 0")`);
const ftsInsert = fts.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
let ftsMs = 0;
for (let start = 0; start < docs; start += 5000) {
  const batch: { title: string; body: string }[] = [];
  db.transaction(() => {
    for (let i = start; i < Math.min(docs, start + 5000); i++) {
      const d = next(i);
      chars += d.title.length + d.body.length;
      textBytes += Buffer.byteLength(d.title) + Buffer.byteLength(d.body);
      batch.push(d);
      if (d.kind === 'question') addQuestion.run(d.title, d.body, at, at, at);
      else addAnswer.run(d.title, `a${i}`, d.body, at, at);
    }
  })();
  // The same documents as FTS5 sees them when given our tokens (space-separated terms).
  const f0 = performance.now();
  fts.transaction(() =>
    batch.forEach((d, k) => ftsInsert.run(start + k + 1, indexText(d.title), indexText(d.body))),
  )();
  ftsMs += performance.now() - f0;
}
fts.exec("INSERT INTO fts (fts) VALUES ('optimize')");
fts.pragma('wal_checkpoint(TRUNCATE)');
const ftsMb = statSync(path.join(dir, 'fts5.sqlite')).size / 2 ** 20;
fts.close();
console.log(`library: ${docs} documents, ${(chars / docs).toFixed(0)} characters on average`);

// ---- index build (what a library from before the index gets as its first indexing job) ----
const t0 = performance.now();
const cpu0 = process.cpuUsage();
refreshSearchIndex(db);
const buildS = (performance.now() - t0) / 1000;
// CPU time of this process (the build runs on this thread): what a busy machine inflates least.
const buildCpu = process.cpuUsage(cpu0);
db.pragma('wal_checkpoint(TRUNCATE)');
// Every table of the index and every index on them (the UNIQUE terms index is an autoindex).
const indexMb =
  (db
    .prepare(
      `SELECT sum(d.pgsize) FROM dbstat d JOIN sqlite_schema s ON s.name = d.name
       WHERE s.tbl_name LIKE 'search\\_%' ESCAPE '\\'`,
    )
    .pluck()
    .get() as number) /
  2 ** 20;
const sizeMb = statSync(path.join(dir, 'lib', 'library.sqlite')).size / 2 ** 20;
const termCount = db.prepare('SELECT count(*) FROM search_terms').pluck().get() as number;
const postingCount = db
  .prepare("SELECT value FROM search_stats WHERE key = 'postings'")
  .pluck()
  .get() as number;
const blockCount = db.prepare('SELECT count(*) FROM search_blocks').pluck().get() as number;
const shareOf = (word: string) =>
  (db
    .prepare(
      `SELECT (SELECT count(*) FROM questions WHERE subject LIKE @p OR body LIKE @p)
            + (SELECT count(*) FROM answers WHERE title LIKE @p OR plain_text LIKE @p)`,
    )
    .pluck()
    .get({ p: `%${word}%` }) as number) / docs;
console.log(
  `index: ${buildS.toFixed(1)} s, ${termCount} terms, ${postingCount} postings in ${blockCount} blocks, ` +
    `${indexMb.toFixed(1)} MB (FTS5 over the same tokens: ${ftsMb.toFixed(1)} MB, built in ${(ftsMs / 1000).toFixed(1)} s)`,
);

// ---- queries ----
const classes: Record<string, string[]> = {
  ja1: ['画', '削', '済'],
  ja2: ['決済', '画像', '削除'],
  ja3: ['独自ドメイン', 'バックアップ', '画像を表示'],
  en: ['invoice', 'domain backup', 'Stripe'],
  mixed: ['サイト invoice', 'page 画像', 'Stripeの決済'],
  nohit: ['qwxzvk', '鬱蘊', '決済 qwxzvk'],
  common: ['サイト', 'site'],
};
const kinds: SearchHitKind[] = ['question', 'answer'];
const ours = (q: string) => searchLibrary(db, { query: q, kinds, limit: 20 });

const likeStmt = db.prepare(
  `SELECT kind, id, title FROM (
     SELECT 'question' AS kind, id, subject AS title, subject LIKE @p AS in_title FROM questions
       WHERE subject LIKE @p OR body LIKE @p
     UNION ALL
     SELECT 'answer', id, title, title LIKE @p FROM answers WHERE title LIKE @p OR plain_text LIKE @p)
   ORDER BY in_title DESC, id DESC LIMIT 20`,
);
const like = (q: string) => likeStmt.all({ p: `%${q}%` });

function time(fn: () => unknown, reps: number): number[] {
  fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    fn();
    out.push(performance.now() - s);
  }
  return out;
}

const figures: Record<string, number> = {
  docs,
  avg_chars: Math.round(chars / docs),
  text_mb: Math.round((textBytes / 2 ** 20) * 10) / 10,
  text_chars_m: Math.round(chars / 1e5) / 10,
  build_s: Math.round(buildS * 10) / 10,
  build_docs_per_s: Math.round(docs / buildS),
  build_cpu_s: Math.round((buildCpu.user + buildCpu.system) / 1e5) / 10,
  terms: termCount,
  postings: postingCount,
  blocks: blockCount,
  index_mb: Math.round(indexMb * 10) / 10,
  fts5_same_tokens_mb: Math.round(ftsMb * 10) / 10,
  fts5_build_s: Math.round(ftsMs / 100) / 10,
  // Against the text as stored (UTF-8), and against its characters (the stricter: one byte each).
  index_to_text_ratio: Math.round((indexMb / (textBytes / 2 ** 20)) * 100) / 100,
  index_to_chars_ratio: Math.round(((indexMb * 2 ** 20) / chars) * 100) / 100,
  db_mb: Math.round(sizeMb),
  common_term_share: Math.round(shareOf('サイト') * 100) / 100,
};
let p95Max = 0;
let speedupMin = Infinity;
const runQueries = (label: string) => {
  for (const [name, queries] of Object.entries(classes)) {
    const samples = queries.flatMap((q) => time(() => ours(q), 30));
    const hits = queries.map((q) => ours(q).length);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    if (label) {
      figures[`p95_ms_${name}_${label}`] = Math.round(p95 * 100) / 100;
      continue;
    }
    const likeSamples = queries.flatMap((q) => time(() => like(q), 3));
    const likeP50 = percentile(likeSamples, 50);
    const speedup = likeP50 / p50;
    console.log(
      `${name.padEnd(6)} p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  LIKE p50 ${likeP50.toFixed(1)} ms  ×${speedup.toFixed(0)}  hits ${hits.join('/')}  ${queries.join(' | ')}`,
    );
    figures[`p50_ms_${name}`] = Math.round(p50 * 100) / 100;
    figures[`p95_ms_${name}`] = Math.round(p95 * 100) / 100;
    figures[`like_p50_ms_${name}`] = Math.round(likeP50 * 10) / 10;
    figures[`speedup_vs_like_${name}`] = Math.round(speedup);
    p95Max = Math.max(p95Max, p95);
    speedupMin = Math.min(speedupMin, speedup);
  }
};
runQueries('');
figures.p95_ms_max = Math.round(p95Max * 100) / 100;
figures.speedup_vs_like_min = Math.round(speedupMin);

// ---- one edit at a time: the update, its indexing (new postings in search_fresh), the commit ----
const indexer = new SearchIndexer(db);
const answerIds = db.prepare('SELECT id FROM answers ORDER BY id').pluck().all() as number[];
const update = db.prepare('UPDATE answers SET plain_text = ?, updated_at = ? WHERE id = ?');
const updates: number[] = [];
const updatesCpu: number[] = [];
for (let i = 0; i < 200; i++) {
  const id = answerIds[(i * 7919) % answerIds.length]!;
  const d = next(docs + i);
  const s = performance.now();
  const c = process.cpuUsage();
  update.run(d.body, at, id);
  while (indexer.step());
  updates.push(performance.now() - s);
  const used = process.cpuUsage(c);
  updatesCpu.push((used.user + used.system) / 1000);
}
figures.update_one_doc_ms_p50 = Math.round(percentile(updates, 50) * 100) / 100;
figures.update_one_doc_ms_p95 = Math.round(percentile(updates, 95) * 100) / 100;
figures.update_one_doc_cpu_ms_p50 = Math.round(percentile(updatesCpu, 50) * 100) / 100;
figures.update_one_doc_cpu_ms_p95 = Math.round(percentile(updatesCpu, 95) * 100) / 100;
// Queries with those 200 documents in search_fresh, and with their old versions dead in blocks.
runQueries('after_edits');
const m0 = performance.now();
mergeAllFresh(db);
figures.merge_200_docs_ms = Math.round(performance.now() - m0);
figures.load_avg = Math.round(((loadBefore + os.loadavg()[0]!) / 2) * 10) / 10;

library.close();
rmSync(dir, { recursive: true, force: true });
report('search', figures, {
  index_mb: { max: figures.fts5_same_tokens_mb! },
  index_to_text_ratio: { max: 2 },
  p95_ms_max: { max: 5 },
  speedup_vs_like_min: { min: 100 },
  build_docs_per_s: { min: 5000 },
  update_one_doc_ms_p95: { max: 5 },
});
