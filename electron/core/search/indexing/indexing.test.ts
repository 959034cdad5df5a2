import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery, termsOf } from '../../../../shared/text/tokenize';
import { createLibrary, type Library } from '../../library';
import { useTempDir } from '../../testing';
import { documentImpacts } from '../impacts';
import { searchStatus } from '../queuedScan';
import { searchLibrary } from '../search';
import { matchParts } from '../snippet';
import { Compaction } from './compact';
import { mergeAllFresh, refreshSearchIndex, SearchIndexer } from './indexer';
import { queueEverything } from './queue';
import { Rebuild } from './rebuild';

// The index against the documents themselves: whatever state maintenance left it in (queued,
// fresh, merged into blocks, with retired versions, compacted, rebuilt), a search finds exactly
// the documents whose current text has the word, ranked as the impacts say, and never an old text.

const tempDir = useTempDir();
const AT = '2026-11-20T09:00:00.000Z';

/** Words of known frequency: the first in almost every document, the last in few. */
const WORDS = ['画像', '決済', 'エラー', 'invoice', '削除', 'stripe', 'ドメイン', 'backup', '鬱蘊'];

function pick(seed: number, i: number): string {
  const r = Math.sin(seed * 9301 + i * 49297) * 233280;
  return WORDS[Math.floor(Math.abs(r - Math.floor(r)) ** 3 * WORDS.length)]!;
}

function text(seed: number, words: number): string {
  return Array.from({ length: words }, (_, i) => pick(seed, i)).join('を ') + '。';
}

function library(): Library {
  return createLibrary(path.join(tempDir(), 'lib'));
}

function addQuestion(l: Library, seed: number): number {
  return Number(
    l.db
      .prepare(
        'INSERT INTO questions (subject, body, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(text(seed, 2), text(seed + 1, 3 + (seed % 9)), AT, AT, AT).lastInsertRowid,
  );
}

function edit(l: Library, id: number, seed: number): void {
  l.db
    .prepare('UPDATE questions SET subject = ?, body = ? WHERE id = ?')
    .run(text(seed, 2), text(seed + 7, 4), id);
}

/** What a search must find: every question whose current text has the word, with its score. */
function expected(l: Library, word: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const q of l.db.prepare('SELECT id, subject AS title, body FROM questions').all() as {
    id: number;
    title: string;
    body: string;
  }[]) {
    const impact = documentImpacts(q).get(termsOf(word)[0]!);
    if (impact) out.set(q.id, impact);
  }
  return out;
}

/**
 * Every word's hits against the documents. Complete, when the queue is short enough for a search
 * to read all of it; otherwise (a first build) no hit may be wrong, but some may be missing.
 */
function checkAll(l: Library, state: string): void {
  const complete = searchStatus(l.db, ['question']).complete;
  for (const word of WORDS) {
    const want = expected(l, word);
    const hits = searchLibrary(l.db, { query: word, kinds: ['question'], limit: 200 });
    const ids = hits.map((h) => h.id);
    if (!complete) {
      for (const id of ids) expect(want.has(id), `${word}: question ${id} (${state})`).toBe(true);
      continue;
    }
    if (want.size <= 200) expect(new Set(ids), `${word} (${state})`).toEqual(new Set(want.keys()));
    else {
      expect(ids.length, `${word} (${state})`).toBe(200);
      for (const id of ids) expect(want.has(id), `${word}: question ${id} (${state})`).toBe(true);
    }
    // Ranked by impact: the impacts of the hits, in order, are the best ones there are.
    const best = [...want.values()].sort((a, b) => b - a).slice(0, ids.length);
    expect(
      ids.map((id) => want.get(id)),
      `${word} ranking (${state})`,
    ).toEqual(best);
  }
}

/** Queries of several parts: a rare word with a common one, a phrase, words of two scripts. */
const QUERIES = ['蝋燭 画像', '鬱蘊 画像', '画像を 決済', 'stripe 画像', 'invoice backup', 'ドメイン エラー'];

/** The questions whose current text has every part of the query (phrases as phrases). */
function matching(l: Library, query: string): Set<number> {
  const parts = parseQuery(query);
  const out = new Set<number>();
  for (const q of l.db.prepare('SELECT id, subject, body FROM questions').all() as {
    id: number;
    subject: string;
    body: string;
  }[]) {
    const inTitle = matchParts(q.subject, parts);
    const inBody = matchParts(q.body, parts);
    if (parts.every((_, i) => inTitle[i]!.length || inBody[i]!.length)) out.add(q.id);
  }
  return out;
}

function checkQueries(l: Library, state: string): void {
  for (const query of QUERIES) {
    const want = matching(l, query);
    const ids = searchLibrary(l.db, { query, kinds: ['question'], limit: 200 }).map((h) => h.id);
    if (want.size <= 200) expect(new Set(ids), `${query} (${state})`).toEqual(want);
    else for (const id of ids) expect(want.has(id), `${query}: ${id} (${state})`).toBe(true);
  }
}

const count = (l: Library, sql: string) => l.db.prepare(sql).pluck().get() as number;

describe('the compact index, through every state of its maintenance', () => {
  it('answers exactly, queued, fresh, merged, with retired versions, compacted and rebuilt', () => {
    const l = library();
    const ids = Array.from({ length: 1500 }, (_, i) => addQuestion(l, i));
    // A word in two questions only, beside one in most: the common word is looked up block by
    // block for those two, not read whole.
    for (const subject of ['蝋燭の画像', '画像と蝋燭'])
      l.db
        .prepare(
          'INSERT INTO questions (subject, body, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(subject, text(77, 5), AT, AT, AT);
    expect(searchStatus(l.db, ['question'])).toEqual({ queued: 1502, complete: false });
    checkAll(l, 'all queued, nothing indexed');
    refreshSearchIndex(l.db);
    expect(count(l, 'SELECT count(*) FROM search_queue')).toBe(0);
    // 画像 is in most of the 1,500: it has a top list; the rarest word has none.
    expect(count(l, 'SELECT count(*) FROM search_top')).toBeGreaterThan(0);
    checkAll(l, 'built');
    checkQueries(l, 'built');

    // As many changes as a search reads directly (SCAN_MAX): its answers are complete.
    for (let i = 0; i < 150; i++) edit(l, ids[(i * 7) % ids.length]!, 5000 + i);
    for (let i = 0; i < 50; i++)
      l.db.prepare('DELETE FROM questions WHERE id = ?').run(ids[(i * 13 + 3) % ids.length]);
    for (let i = 0; i < 90; i++) addQuestion(l, 9000 + i);
    expect(searchStatus(l.db, ['question']).complete).toBe(true);
    checkAll(l, 'edits queued');
    const indexer = new SearchIndexer(l.db, { rebuildAt: 100_000, mergeAt: Number.MAX_SAFE_INTEGER });
    indexer.runUntilIdle();
    expect(count(l, 'SELECT count(*) FROM search_fresh')).toBeGreaterThan(0);
    expect(count(l, "SELECT value FROM search_stats WHERE key = 'dead_postings'")).toBeGreaterThan(0);
    checkAll(l, 'edits in search_fresh');
    mergeAllFresh(l.db);
    expect(count(l, 'SELECT count(*) FROM search_fresh')).toBe(0);
    checkAll(l, 'merged, retired versions in blocks');
    checkQueries(l, 'merged, retired versions in blocks');

    const compaction = new Compaction();
    while (!compaction.step(l.db, 7));
    expect(count(l, "SELECT value FROM search_stats WHERE key = 'dead_postings'")).toBe(0);
    checkAll(l, 'compacted');
    checkQueries(l, 'compacted');
    // Document frequencies are exact again.
    for (const word of WORDS)
      expect(count(l, `SELECT df FROM search_terms WHERE term = '${termsOf(word)[0]}'`), word).toBe(
        expected(l, word).size,
      );
    const postings = count(l, "SELECT value FROM search_stats WHERE key = 'postings'");
    expect(count(l, 'SELECT sum(n) FROM search_blocks')).toBe(postings);
    const tops = l.db.prepare('SELECT * FROM search_top ORDER BY key').all();

    queueEverything(l.db);
    refreshSearchIndex(l.db, { rebuildAt: 1 });
    checkAll(l, 'rebuilt');
    expect(count(l, 'SELECT sum(n) FROM search_blocks')).toBe(postings);
    // Top lists hold the same impacts (numbers differ: the rebuild numbered documents anew).
    const impactsOf = (rows: unknown[]) => (rows as { n: number }[]).map((r) => r.n);
    expect(impactsOf(l.db.prepare('SELECT * FROM search_top ORDER BY key').all())).toEqual(impactsOf(tops));
    l.close();
  });

  it('keeps queued what changed while a rebuild read the library', () => {
    const l = library();
    const ids = Array.from({ length: 50 }, (_, i) => addQuestion(l, i));
    const rebuild = new Rebuild(l.db);
    l.db.prepare("UPDATE questions SET subject = 'バックアップの手順' WHERE id = ?").run(ids[3]);
    l.db.prepare('DELETE FROM questions WHERE id = ?').run(ids[4]);
    while (!rebuild.step());
    expect(l.db.prepare('SELECT doc_id FROM search_queue ORDER BY doc_id').pluck().all()).toEqual([
      ids[3],
      ids[4],
    ]);
    expect(
      searchLibrary(l.db, { query: 'バックアップ', kinds: ['question'], limit: 5 }).map((h) => h.id),
    ).toEqual([ids[3]]);
    refreshSearchIndex(l.db);
    expect(count(l, 'SELECT count(*) FROM search_queue')).toBe(0);
    checkAll(l, 'after the rebuild and what changed meanwhile');
    l.close();
  });

  it('gives up a cancelled rebuild without touching the live index or the queue', () => {
    const l = library();
    for (let i = 0; i < 30; i++) addQuestion(l, i);
    refreshSearchIndex(l.db);
    queueEverything(l.db);
    const indexer = new SearchIndexer(l.db, { rebuildAt: 1 });
    indexer.step();
    indexer.step();
    indexer.cancel();
    expect(
      count(l, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'search\\_%\\_next' ESCAPE '\\'"),
    ).toBe(0);
    expect(count(l, 'SELECT count(*) FROM search_queue')).toBe(30);
    checkAll(l, 'rebuild cancelled');
    l.close();
  });

  it('stays exact under any sequence of writes and maintenance', () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant('add' as const), seed: fc.nat(10_000) }),
      fc.record({ t: fc.constant('edit' as const), at: fc.nat(), seed: fc.nat(10_000) }),
      fc.record({ t: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ t: fc.constant('step' as const), n: fc.integer({ min: 1, max: 5 }) }),
      fc.constant({ t: 'merge' as const }),
      fc.constant({ t: 'compact' as const }),
      fc.constant({ t: 'rebuild' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const l = library();
        const ids: number[] = [];
        const indexer = new SearchIndexer(l.db, { batch: 3, rebuildAt: 100_000, mergeAt: 40 });
        try {
          for (const o of ops) {
            if (o.t === 'add') ids.push(addQuestion(l, o.seed));
            else if (o.t === 'edit' && ids.length) edit(l, ids[o.at % ids.length]!, o.seed);
            else if (o.t === 'delete' && ids.length) {
              l.db.prepare('DELETE FROM questions WHERE id = ?').run(ids.splice(o.at % ids.length, 1)[0]);
            } else if (o.t === 'step') for (let i = 0; i < o.n; i++) indexer.step();
            else if (o.t === 'merge') mergeAllFresh(l.db);
            else if (o.t === 'compact') {
              const c = new Compaction();
              while (!c.step(l.db, 3));
            } else if (o.t === 'rebuild') {
              // A repair: one indexer per library, so the one under way gives up its own work first.
              indexer.cancel();
              const r = new Rebuild(l.db);
              while (!r.step());
            }
            checkAll(l, JSON.stringify(o));
          }
        } finally {
          l.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
