import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KotaeError } from '../../../shared/errors';
import { createLibrary, listLog, seedDemo, type Library } from '../library';
import { getQuestion } from '../questions';
import { refreshSearchIndex } from '../search';
import { useTempDir } from '../testing';
import { createCapability, updateCapability } from '../capabilities';
import { setScope, suggestCapabilities } from './index';

const tempDir = useTempDir();
const open = (): Library => {
  const library = createLibrary(path.join(tempDir(), 'lib'), {
    clock: () => new Date('2026-11-23T09:00:00.000Z'),
    seed: seedDemo,
  });
  // Indexed for search, as the app's indexer does as soon as a library is open.
  refreshSearchIndex(library.db);
  return library;
};
const questionId = (library: Library, subject: string) =>
  (library.db.prepare('SELECT id FROM questions WHERE subject LIKE ?').get(`%${subject}%`) as { id: number })
    .id;

describe('suggestCapabilities', () => {
  it('ranks the capabilities a question is about first', () => {
    const library = open();
    const top = suggestCapabilities(library.db, questionId(library, 'スマートフォンで画像'), 3).map(
      (s) => s.title,
    );
    expect(top).toContain('スマートフォン表示を調整する');
    const payment = suggestCapabilities(library.db, questionId(library, '決済ボタン'), 1);
    expect(payment[0]!.title).toBe('決済サービスを接続する');
    expect(payment[0]!.terms.length).toBeGreaterThan(0);
  });
  it('draws on the library search index: words the catalogue alone would not weigh', () => {
    // The catalogue signal alone ranks page and block operations first here (shared words サイト,
    // 状態); the index, weighing words by rarity across the whole library, brings up restoring.
    const library = open();
    const top = suggestCapabilities(library.db, questionId(library, '先週の状態'), 3).map((s) => s.title);
    expect(top).toContain('バックアップから復元する');
  });
  it('suggests nothing for a question with no overlap, and respects the limit', () => {
    const library = open();
    const id = Number(
      library.db
        .prepare(
          "INSERT INTO questions (subject, body, received_at, created_at, updated_at) VALUES ('zzz qqq', 'xyzzy', 'x', 'x', 'x')",
        )
        .run().lastInsertRowid,
    );
    expect(suggestCapabilities(library.db, id, 5)).toEqual([]);
    expect(suggestCapabilities(library.db, questionId(library, '画像'), 2).length).toBeLessThanOrEqual(2);
  });
});

describe('suggestCapabilities after the catalogue changes', () => {
  it('sees a new or renamed capability at once', () => {
    const library = open();
    const id = questionId(library, '先週の状態');
    expect(suggestCapabilities(library.db, id, 10).map((s) => s.title)).not.toContain('先週の状態に戻す');
    const area = library.db
      .prepare("SELECT id FROM capabilities WHERE kind = 'area' LIMIT 1")
      .pluck()
      .get() as number;
    const created = createCapability(library, {
      parentId: area,
      title: '以前の状態に戻す',
      description: '',
      keywords: [],
    });
    updateCapability(library, {
      id: created.id,
      title: '先週の状態に戻す',
      description: '',
      keywords: ['先週'],
    });
    expect(suggestCapabilities(library.db, id, 1)[0]!.title).toBe('先週の状態に戻す');
  });
});

describe('setScope', () => {
  it('in scope links the chosen capabilities; out of scope clears them; both are logged', () => {
    const library = open();
    const id = questionId(library, 'スマートフォンで画像');
    const [first] = suggestCapabilities(library.db, id, 1);
    setScope(library, { questionId: id, verdict: 'in_scope', capabilityIds: [first!.id], note: '' });
    let q = getQuestion(library.db, id);
    expect(q.scopeVerdict).toBe('in_scope');
    expect(q.capabilities.map((c) => c.id)).toEqual([first!.id]);
    setScope(library, {
      questionId: id,
      verdict: 'out_of_scope',
      capabilityIds: [first!.id],
      note: 'hosting',
    });
    q = getQuestion(library.db, id);
    expect(q.scopeVerdict).toBe('out_of_scope');
    expect(q.scopeNote).toBe('hosting');
    expect(q.capabilities).toEqual([]);
    expect(listLog(library.db, { questionId: id, limit: 2 }).map((e) => e.action)).toEqual([
      'question.scope_set',
      'question.scope_set',
    ]);
  });
  it('refuses in scope without a capability, changing nothing', () => {
    const library = open();
    const id = questionId(library, 'スマートフォンで画像');
    expect(() =>
      setScope(library, { questionId: id, verdict: 'in_scope', capabilityIds: [], note: '' }),
    ).toThrow(KotaeError);
    expect(() =>
      setScope(library, { questionId: id, verdict: 'in_scope', capabilityIds: [99999], note: '' }),
    ).toThrow(KotaeError);
    expect(getQuestion(library.db, id).scopeVerdict).toBeNull();
  });
});
