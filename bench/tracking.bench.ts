import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCapability } from '../electron/core/capabilities';
import { createLibrary, seedDemo } from '../electron/core/library';
import { suggestCapabilities } from '../electron/core/scope';
import { changeStatus, workLogCsv } from '../electron/core/tracking';
import { percentile, report } from './report';

// What the vendor waits for on a question page and on export, on a large library: capability
// suggestions over a 1,000-entry catalogue (the demo's plus generated ones), a status change
// (update + history + log in one transaction), and the CSV of a 20,000-entry work log.
const dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-tracking-'));
let now = Date.parse('2026-11-23T09:00:00.000Z');
const library = createLibrary(path.join(dir, 'lib'), {
  seed: seedDemo,
  clock: () => new Date((now += 1000)),
});

const nouns = [
  '画像',
  'ページ',
  'フォーム',
  '決済',
  '送料',
  'メール',
  'ドメイン',
  'ブログ',
  '商品',
  'テーマ',
  '会員',
  '予約',
  '在庫',
  '翻訳',
  '地図',
  '動画',
  '検索',
  'カレンダー',
  'クーポン',
  'レビュー',
];
const verbs = [
  'を追加する',
  'を削除する',
  'を編集する',
  'を並べ替える',
  'を設定する',
  'を公開する',
  'を非表示にする',
  'を複製する',
  'を書き出す',
  'を読み込む',
];
for (let a = 0; a < 49; a++) {
  const area = createCapability(library, {
    parentId: null,
    title: `分野 ${a} ${nouns[a % nouns.length]}`,
    description: '',
    keywords: [],
  });
  for (let o = 0; o < 20; o++) {
    const noun = nouns[(a + o) % nouns.length]!;
    createCapability(library, {
      parentId: area.id,
      title: `${noun}${verbs[o % verbs.length]} ${a}-${o}`,
      description: `${noun}の${verbs[(o + 3) % verbs.length]!.slice(1)}ための操作。`,
      keywords: [noun, `kw${a}x${o}`],
    });
  }
}
const capabilities = (library.db.prepare('SELECT count(*) AS n FROM capabilities').get() as { n: number }).n;
const questionIds = (library.db.prepare('SELECT id FROM questions').all() as { id: number }[]).map(
  (q) => q.id,
);

const suggest: number[] = [];
for (let round = 0; round < 5; round++)
  for (const id of questionIds) {
    const t0 = performance.now();
    suggestCapabilities(library.db, id, 6);
    suggest.push(performance.now() - t0);
  }

const status: number[] = [];
const target = questionIds[0]!;
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  changeStatus(library, {
    id: target,
    to: i % 2 ? 'investigating' : 'reproducing',
    nextCheckpoint: '2027-01-05',
    note: `step ${i}`,
    customerMessage: 'まだ調査中です。',
  });
  status.push(performance.now() - t0);
}

// Fill the log to 20,000 entries, then export all of it.
const insert = library.db.prepare(
  "INSERT INTO log_entries (at, actor, action, entity, question_id, summary, detail) VALUES (?, 'vendor', 'question.status_changed', 'question', ?, 'a → b', '{\"note\":\"n\"}')",
);
library.db.transaction(() => {
  const have = (library.db.prepare('SELECT count(*) AS n FROM log_entries').get() as { n: number }).n;
  for (let i = have; i < 20_000; i++)
    insert.run(new Date(now + i).toISOString(), questionIds[i % questionIds.length]);
})();
const t0 = performance.now();
const { rows } = workLogCsv(library.db, {});
const csvMs = performance.now() - t0;
library.close();
rmSync(dir, { recursive: true, force: true });

report(
  'tracking',
  {
    capabilities,
    suggest_ms_p50: percentile(suggest, 50),
    suggest_ms_p95: percentile(suggest, 95),
    status_change_ms_p95: percentile(status, 95),
    log_rows: rows,
    log_csv_ms: csvMs,
  },
  { suggest_ms_p95: { max: 100 }, status_change_ms_p95: { max: 20 }, log_csv_ms: { max: 2000 } },
);
