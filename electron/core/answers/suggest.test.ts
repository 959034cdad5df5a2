import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { suggestAnswersForQuestion } from './index';
import { openTestLibrary, questionIdOf } from './testLibrary';

const tempDir = useTempDir();
const open = (demo = true) => openTestLibrary(tempDir(), demo);

describe('suggestions for a question', () => {
  it('suggests the answer that serves a similar question, and not unrelated ones', () => {
    const { library } = open();
    // A new question about the same trouble as the demo's "images not shown on smartphones".
    const now = library.now();
    const id = Number(
      library.db
        .prepare(
          `INSERT INTO questions (subject, body, status, received_at, created_at, updated_at) VALUES (?, ?, 'received', ?, ?, ?)`,
        )
        .run(
          'iPhone で撮った写真がスマートフォンで表示されません',
          '画像をアップロードしましたが表示されません。',
          now,
          now,
          now,
        ).lastInsertRowid,
    );
    const suggestions = suggestAnswersForQuestion(library.db, id, 3);
    expect(suggestions[0]?.title).toBe('スマートフォンで画像が表示されないときの確認手順');
    expect(suggestions.map((s) => s.title)).not.toContain('Adding a Google Analytics tag');
    library.close();
  });

  it('does not suggest an answer for the everyday words of a mail (adding, check, nothing)', () => {
    const { library } = open();
    const now = library.now();
    const id = Number(
      library.db
        .prepare(
          `INSERT INTO questions (subject, body, status, received_at, created_at, updated_at) VALUES (?, ?, 'received', ?, ?, ?)`,
        )
        .run(
          'Cannot check out from the cart',
          'After adding a product to the cart, Buy does nothing.\nVersion 4.2.1, Chrome.',
          now,
          now,
          now,
        ).lastInsertRowid,
    );
    // The demo's "Adding a Google Analytics tag" shares only such words with it.
    expect(suggestAnswersForQuestion(library.db, id, 3).map((s) => s.title)).toEqual([]);
    library.close();
  });

  it('uses the capabilities the question shares with an answer’s questions', () => {
    const { library } = open();
    const q = questionIdOf(library, 'ブログ'); // the demo's blog question is linked to its answer
    const blogCapability = library.db
      .prepare('SELECT capability_id FROM question_capabilities WHERE question_id = ?')
      .get(q) as { capability_id: number };
    const now = library.now();
    const other = Number(
      library.db
        .prepare(
          `INSERT INTO questions (subject, body, status, received_at, created_at, updated_at) VALUES ('記事の公開について', '', 'received', ?, ?, ?)`,
        )
        .run(now, now, now).lastInsertRowid,
    );
    library.db
      .prepare('INSERT INTO question_capabilities VALUES (?, ?)')
      .run(other, blogCapability.capability_id);
    const [first] = suggestAnswersForQuestion(library.db, other, 3);
    expect(first?.title).toBe('ブログ記事を予約公開する');
    expect(first?.capabilities.length).toBeGreaterThan(0);
    library.close();
  });
});
