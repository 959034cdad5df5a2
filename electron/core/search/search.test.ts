import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchHitKind } from '../../../shared/api/search';
import { createLibrary, migrations, openLibrary, seedDemo, type Library } from '../library';
import { useTempDir } from '../testing';
import { moreLikeThis, queueEverything, refreshSearchIndex, searchLibrary } from './index';

const tempDir = useTempDir();
const NOW = '2026-11-20T09:00:00.000Z';

function library(seed = false): Library {
  return createLibrary(path.join(tempDir(), 'lib'), seed ? { seed: seedDemo } : {});
}

function addQuestion(
  l: Library,
  subject: string,
  body = '',
  extra: { status?: string; at?: string } = {},
): number {
  const at = extra.at ?? NOW;
  return Number(
    l.db
      .prepare(
        `INSERT INTO questions (subject, body, status, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(subject, body, extra.status ?? 'received', at, at, at).lastInsertRowid,
  );
}

function addAnswer(l: Library, title: string, text: string): number {
  return Number(
    l.db
      .prepare(
        `INSERT INTO answers (title, slug, doc, plain_text, created_at, updated_at) VALUES (?, ?, '{}', ?, ?, ?)`,
      )
      .run(title, `a-${Math.random()}`, text, NOW, NOW).lastInsertRowid,
  );
}

const ALL: SearchHitKind[] = ['question', 'answer', 'customer', 'capability'];
/** Searches without indexing first: what is queued is found by the direct scan. */
const searchNow = (l: Library, query: string, more: Partial<Parameters<typeof searchLibrary>[1]> = {}) =>
  searchLibrary(l.db, { query, kinds: ALL, limit: 20, ...more });
/** Indexes what is queued (as the app's worker does), then searches. */
const search = (l: Library, query: string, more: Partial<Parameters<typeof searchLibrary>[1]> = {}) => {
  refreshSearchIndex(l.db);
  return searchNow(l, query, more);
};
const ids = (hits: { kind: SearchHitKind; id: number }[]) => hits.map((h) => `${h.kind}:${h.id}`);

describe('library search', () => {
  it('finds a two-character Japanese word inside longer words, with highlighted snippets', () => {
    const l = library();
    const q = addQuestion(l, '支払いについて', 'カード決済方法を変更したいのですが、画面が見つかりません。');
    addQuestion(l, '画像が表示されない', 'スマートフォンで見ると画像が出ません');
    const hits = search(l, '決済');
    expect(ids(hits)).toEqual([`question:${q}`]);
    const [hit] = hits;
    const [[s, e]] = hit!.ranges as [[number, number]];
    expect(hit!.snippet.slice(s, e)).toBe('決済');
    expect(search(l, '削除')).toEqual([]);
  });

  it('matches a longer Japanese query only where its characters stand together', () => {
    const l = library();
    const together = addQuestion(l, '質問', '不要な画像を削除する手順');
    addQuestion(l, '質問', '画像はそのまま。不要なページを削除する'); // 画像 and 削除, apart
    expect(ids(search(l, '画像を削除'))).toEqual([`question:${together}`]);
  });

  it('finds one character through the bigrams that hold it, title matches first', () => {
    const l = library();
    const inBody = addQuestion(l, 'その他', '本文に動画があるだけ');
    const inTitle = addQuestion(l, '画面が白い', '本文');
    addQuestion(l, '関係なし', '本文');
    const hits = search(l, '画');
    expect(ids(hits)).toEqual([`question:${inTitle}`, `question:${inBody}`]);
    expect(hits[0]!.titleRanges).toEqual([[0, 1]]);
    expect(hits[1]!.snippet.slice(...hits[1]!.ranges[0]!)).toBe('画');
  });

  it('folds full-width, half-width and case', () => {
    const l = library();
    const a = addQuestion(l, 'ＳＩＲＩＵＳ で ｴﾗｰ が出る', '起動すると止まります');
    for (const query of ['sirius', 'SIRIUS', 'ＳＩＲＩＵＳ', 'Sirius', 'エラー', 'ｴﾗｰ'])
      expect(ids(search(l, query)), query).toEqual([`question:${a}`]);
    const hit = search(l, 'エラー')[0]!;
    expect(hit.title.slice(...hit.titleRanges[0]!)).toBe('ｴﾗｰ');
  });

  it('needs every part of a mixed Japanese and English query', () => {
    const l = library();
    const both = addQuestion(l, 'Stripe の決済が失敗する', 'Stripe連携で決済エラー');
    addQuestion(l, 'Stripe の設定', 'APIキーを入れる場所');
    addQuestion(l, '銀行振込の決済', '振込先を教えてください');
    expect(ids(search(l, 'stripe 決済'))).toEqual([`question:${both}`]);
    expect(ids(search(l, 'Stripeの決済'))).toEqual([`question:${both}`]);
  });

  it('ranks a title match first', () => {
    const l = library();
    const inBody = addQuestion(
      l,
      '表示について',
      'ところで独自ドメインの設定はどうしますか。それと表示が遅いです。',
    );
    const inTitle = addQuestion(l, '独自ドメインを設定したい', '手順を教えてください');
    expect(ids(search(l, 'ドメイン'))).toEqual([`question:${inTitle}`, `question:${inBody}`]);
  });

  it('follows edits and deletes, with no stale hit', () => {
    const l = library();
    const q = addQuestion(l, '請求書の宛名', '宛名を変更したい');
    const a = addAnswer(l, '領収書の再発行', '管理画面から再発行できます');
    expect(ids(search(l, '宛名'))).toEqual([`question:${q}`]);
    l.db
      .prepare('UPDATE questions SET subject = ?, body = ? WHERE id = ?')
      .run('請求書の住所', '住所を変更したい', q);
    expect(search(l, '宛名')).toEqual([]);
    expect(ids(search(l, '住所'))).toEqual([`question:${q}`]);
    l.db.prepare('UPDATE answers SET plain_text = ? WHERE id = ?').run('メールで送ります', a);
    expect(search(l, '管理画面')).toEqual([]);
    expect(ids(search(l, 'メール'))).toEqual([`answer:${a}`]);
    l.db.prepare('DELETE FROM questions WHERE id = ?').run(q);
    expect(search(l, '住所')).toEqual([]);
    // A message added to the thread is found through its question.
    const q2 = addQuestion(l, '追加の質問', '最初の本文');
    l.db
      .prepare(
        `INSERT INTO messages (question_id, direction, sent_at, text, content_hash, created_at) VALUES (?, 'in', ?, ?, 'h1', ?)`,
      )
      .run(q2, NOW, '追伸: バックアップの方法も知りたい', NOW);
    expect(ids(search(l, 'バックアップ'))).toEqual([`question:${q2}`]);
    expect(l.db.prepare('SELECT count(*) FROM search_queue').pluck().get()).toBe(0);
  });

  it('filters by status, date and kind; an empty query lists the filtered documents', () => {
    const l = library();
    const open = addQuestion(l, '決済の質問 1', '', { status: 'received', at: '2026-11-01T09:00:00.000Z' });
    const done = addQuestion(l, '決済の質問 2', '', { status: 'resolved', at: '2026-11-10T09:00:00.000Z' });
    addAnswer(l, '決済の答え', '本文');
    expect(ids(search(l, '決済', { status: 'resolved' }))).toEqual([`question:${done}`]);
    expect(ids(search(l, '決済', { to: '2026-11-05', kinds: ['question'] }))).toEqual([`question:${open}`]);
    expect(ids(search(l, '決済', { kinds: ['answer'] }))).toHaveLength(1);
    expect(ids(search(l, '', { status: 'received' }))).toEqual([`question:${open}`]);
  });

  it('searches customers and capabilities of the demo library, and builds the index of an old library', () => {
    const l = library(true);
    expect(search(l, '田中', { kinds: ['customer'] }).map((h) => h.title)).toEqual(['田中 美咲']);
    expect(search(l, 'midori', { kinds: ['customer'] }).map((h) => h.title)).toEqual(['鈴木 一郎']);
    expect(search(l, 'テーマカラー', { kinds: ['capability'] }).map((h) => h.title)).toContain(
      'テーマカラーを変更する',
    );
    const before = search(l, '画像');
    expect(before.length).toBeGreaterThan(0);
    // A repair: everything queued and built anew gives the same answers, from blocks only.
    queueEverything(l.db);
    expect(searchNow(l, '画像')).toEqual(before);
    refreshSearchIndex(l.db, { rebuildAt: 1 });
    expect(l.db.prepare('SELECT count(*) FROM search_fresh').pluck().get()).toBe(0);
    expect(searchNow(l, '画像')).toEqual(before);
  });

  it('queues every document of a library from before the compact index, and finds them before indexing', () => {
    const root = path.join(tempDir(), 'old');
    const old = createLibrary(root, {
      seed: seedDemo,
      migrations: migrations.filter((m) => m.version < 140),
    });
    expect(old.db.prepare('SELECT count(*) FROM search_postings').pluck().get()).toBe(0);
    refreshOldIndex(old);
    expect(old.db.prepare('SELECT count(*) FROM search_postings').pluck().get()).toBeGreaterThan(100);
    old.close();
    const l = openLibrary(root);
    const tables = l.db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'search_%'").pluck().all();
    expect(tables).not.toContain('search_postings');
    expect(tables).not.toContain('search_dirty');
    const docs = l.db
      .prepare(
        'SELECT (SELECT count(*) FROM questions) + (SELECT count(*) FROM answers) + (SELECT count(*) FROM customers) + (SELECT count(*) FROM capabilities)',
      )
      .pluck()
      .get();
    expect(l.db.prepare('SELECT count(*) FROM search_queue').pluck().get()).toBe(docs);
    // Nothing indexed yet: the direct scan finds it.
    const before = searchNow(l, '決済', { kinds: ['question'] });
    expect(before.map((h) => h.title)).toEqual(['決済ボタンを押すとエラーになる']);
    expect(search(l, '決済', { kinds: ['question'] })).toEqual(before);
    expect(l.db.prepare('SELECT count(*) FROM search_queue').pluck().get()).toBe(0);
    l.close();
  });

  it('ranks documents like a text by the rare words they share', () => {
    const l = library();
    const close = addAnswer(
      l,
      'Stripe の決済エラーを解決する',
      'Stripe の APIキーを確認し、決済を再試行します',
    );
    const far = addAnswer(l, 'ページを公開する', '公開ボタンを押します');
    for (let i = 0; i < 5; i++) addAnswer(l, `お知らせ ${i}`, 'ページを更新しました');
    refreshSearchIndex(l.db);
    const like = moreLikeThis(
      l.db,
      'Stripe で決済するとエラーになります。APIキーは正しいです。',
      ['answer'],
      3,
    );
    expect(like[0]).toMatchObject({ kind: 'answer', id: close });
    expect(like[0]!.terms).toContain('stripe');
    expect(like.map((d) => d.id)).not.toContain(far);
  });
});

/** Fills migration 0090's index the way that version's search did, from its queue. */
function refreshOldIndex(l: Library): void {
  const docs = l.db.prepare('SELECT kind, doc_id FROM search_dirty').all() as {
    kind: number;
    doc_id: number;
  }[];
  const term = l.db
    .prepare(
      'INSERT INTO search_terms (term, df) VALUES (?, 1) ON CONFLICT DO UPDATE SET df = df + 1 RETURNING id',
    )
    .pluck();
  const posting = l.db.prepare('INSERT OR IGNORE INTO search_postings VALUES (?, ?, ?, ?)');
  l.db.transaction(() => {
    for (const d of docs) {
      const row = l.db
        .prepare(
          [
            'SELECT subject || char(10) || body FROM questions WHERE id = ?',
            'SELECT title || char(10) || plain_text FROM answers WHERE id = ?',
            'SELECT name FROM customers WHERE id = ?',
            'SELECT title FROM capabilities WHERE id = ?',
          ][d.kind]!,
        )
        .pluck()
        .get(d.doc_id) as string;
      for (const t of new Set(row.split(/\s+/).filter(Boolean)))
        posting.run(term.get(t), d.kind, d.doc_id, 50);
    }
    l.db.exec('DELETE FROM search_dirty');
  })();
}
