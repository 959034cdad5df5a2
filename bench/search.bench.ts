import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SearchHitKind } from '../shared/api/search';
import { createLibrary } from '../electron/core/library';
import { refreshSearchIndex, searchLibrary } from '../electron/core/search';
import { percentile, report } from './report';
import { searchCorpus } from './searchCorpus';

// npm run bench -- search [docs]: the library's search index on a synthetic library of questions
// and answers (default 100,000; Zipf-distributed words, bench/searchCorpus.ts): index build rate,
// then query latency per class against a naive LIKE '%q%' scan of the same documents, both
// returning a ranked top 20 (the scan puts title matches first, then the newest, so it reads every
// row, as any ranked scan must).

const docs = Number(process.argv[2] ?? 100_000);
const dir = path.join(os.tmpdir(), `kotae-bench-search-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
const library = createLibrary(path.join(dir, 'lib'), {});
const db = library.db;

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
for (let start = 0; start < docs; start += 5000) {
  db.transaction(() => {
    for (let i = start; i < Math.min(docs, start + 5000); i++) {
      const d = next(i);
      chars += d.title.length + d.body.length;
      if (d.kind === 'question') addQuestion.run(d.title, d.body, at, at, at);
      else addAnswer.run(d.title, `a${i}`, d.body, at, at);
    }
  })();
}
console.log(`library: ${docs} documents, ${(chars / docs).toFixed(0)} characters on average`);

// ---- index build (what a library from before the index gets on its first search) ----
const t0 = performance.now();
let lastPrint = 0;
refreshSearchIndex(db, ({ done, total }) => {
  if (performance.now() - lastPrint > 5000) {
    lastPrint = performance.now();
    console.log(`  indexed ${done}/${total}`);
  }
});
const buildS = (performance.now() - t0) / 1000;
db.pragma('wal_checkpoint(TRUNCATE)');
const sizeMb = statSync(path.join(dir, 'lib', 'library.sqlite')).size / 2 ** 20;
const termCount = db.prepare('SELECT count(*) FROM search_terms').pluck().get() as number;
const postingCount = db.prepare('SELECT count(*) FROM search_postings').pluck().get() as number;
const shareOf = (word: string) =>
  (db
    .prepare(
      `SELECT (SELECT count(*) FROM questions WHERE subject LIKE @p OR body LIKE @p)
            + (SELECT count(*) FROM answers WHERE title LIKE @p OR plain_text LIKE @p)`,
    )
    .pluck()
    .get({ p: `%${word}%` }) as number) / docs;
console.log(
  `index: ${buildS.toFixed(1)} s, ${termCount} terms, ${postingCount} postings, ${sizeMb.toFixed(0)} MB`,
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
  build_s: Math.round(buildS * 10) / 10,
  build_docs_per_s: Math.round(docs / buildS),
  terms: termCount,
  postings: postingCount,
  db_mb: Math.round(sizeMb),
  common_term_share: Math.round(shareOf('サイト') * 100) / 100,
};
let p95Max = 0;
let speedupMin = Infinity;
for (const [name, queries] of Object.entries(classes)) {
  const samples = queries.flatMap((q) => time(() => ours(q), 30));
  const likeSamples = queries.flatMap((q) => time(() => like(q), 3));
  const hits = queries.map((q) => ours(q).length);
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
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
figures.p95_ms_max = Math.round(p95Max * 100) / 100;
figures.speedup_vs_like_min = Math.round(speedupMin);

library.close();
rmSync(dir, { recursive: true, force: true });
report('search', figures, {
  p95_ms_max: { max: 15 },
  p95_ms_ja2: { max: 15 },
  speedup_vs_like_min: { min: 50 },
});
