import { describe, expect, it } from 'vitest';
import { documentOf, step, type AnswerDocument } from '../../../shared/answers/document';
import { KotaeError } from '../../../shared/errors';
import { listLog } from '../library';
import { useTempDir } from '../testing';
import {
  createAnswer,
  getAnswer,
  getRevision,
  linkQuestion,
  listRevisions,
  restoreRevision,
  saveAnswerDoc,
  saveRevision,
  SESSION_GAP_MS,
  unlinkQuestion,
  updateAnswer,
} from './index';
import { openTestLibrary, textDoc, questionIdOf } from './testLibrary';

const tempDir = useTempDir();
const open = (demo = true) => openTestLibrary(tempDir(), demo);

describe('answers', () => {
  it('creates an answer linked to its question, with revision 1 and a log entry', () => {
    const { library } = open();
    const q = questionIdOf(library, '決済ボタン');
    const a = createAnswer(library, {
      title: '決済エラーの直し方',
      language: 'ja',
      kind: 'answer',
      questionId: q,
    });
    expect(a.slug).toBe(`answer-${a.id}`);
    expect(a.revision).toBe(1);
    expect(a.questions.map((x) => x.id)).toEqual([q]);
    expect(a.editedSinceRevision).toBe(false);
    expect(listLog(library.db, { answerId: a.id, limit: 10 }).map((l) => l.action)).toEqual([
      'answer.created',
    ]);
    const en = createAnswer(library, {
      title: 'Adding a Google Analytics tag',
      language: 'en',
      kind: 'answer',
    });
    expect(en.slug).toBe('adding-a-google-analytics-tag');
    library.close();
  });

  it('refuses to link a question that does not exist, and creates nothing', () => {
    const { library } = open();
    const before = library.counts().answers;
    expect(() =>
      createAnswer(library, { title: 'x', language: 'en', kind: 'answer', questionId: 99999 }),
    ).toThrow(KotaeError);
    expect(library.counts().answers).toBe(before);
    library.close();
  });

  it('autosaves without making a revision per save, and logs the session once', () => {
    const { library, advance } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    for (const text of ['H', 'He', 'Hel', 'Hello']) {
      advance(400);
      saveAnswerDoc(library, a.id, textDoc(text));
    }
    const after = getAnswer(library.db, a.id);
    expect(after.plainText).toBe('Hello');
    expect(after.revision).toBe(1);
    expect(after.editedSinceRevision).toBe(true);
    expect(listRevisions(library, a.id)).toHaveLength(1);
    expect(listLog(library.db, { answerId: a.id, limit: 10 }).map((l) => l.action)).toEqual([
      'answer.created',
    ]);
    library.close();
  });

  it('does not count the same document written with its keys in another order as a change', () => {
    const { library, advance } = open();
    const id = (
      library.db.prepare("SELECT id FROM answers WHERE slug = 'connect-a-custom-domain'").get() as {
        id: number;
      }
    ).id;
    const before = getAnswer(library.db, id);
    const reordered = JSON.parse(JSON.stringify(before.doc), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as AnswerDocument;
    advance(SESSION_GAP_MS * 2);
    saveAnswerDoc(library, id, reordered);
    const after = getAnswer(library.db, id);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.editedSinceRevision).toBe(false);
    expect(listRevisions(library, id)).toHaveLength(1);
    library.close();
  });

  it('keeps the state before a pause as a revision when editing resumes', () => {
    const { library, advance } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    advance(1000);
    saveAnswerDoc(library, a.id, textDoc('first session'));
    advance(SESSION_GAP_MS + 1000);
    saveAnswerDoc(library, a.id, textDoc('second session'));
    const revisions = listRevisions(library, a.id);
    expect(revisions.map((r) => [r.revision, r.note])).toEqual([
      [2, '@auto'],
      [1, '@created'],
    ]);
    expect(JSON.stringify(getRevision(library, a.id, 2).doc)).toContain('first session');
    expect(listLog(library.db, { answerId: a.id, limit: 10 }).map((l) => l.action)).toContain(
      'answer.edited',
    );
    library.close();
  });

  it('saves a revision at a save point, and none when nothing changed', () => {
    const { library, advance } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    advance(1000);
    saveAnswerDoc(library, a.id, textDoc('v2'));
    const saved = saveRevision(library, a.id, 'sent to customer');
    expect(saved).toMatchObject({ created: true, revision: { revision: 2, note: 'sent to customer' } });
    expect(saveRevision(library, a.id, '').created).toBe(false);
    expect(getAnswer(library.db, a.id).editedSinceRevision).toBe(false);
    library.close();
  });

  it('restores an older revision without losing the working copy', () => {
    const { library, advance } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    advance(1000);
    saveAnswerDoc(library, a.id, textDoc('kept'));
    saveRevision(library, a.id, '');
    advance(1000);
    saveAnswerDoc(library, a.id, textDoc('unsaved edits'));
    const restored = restoreRevision(library, a.id, 2);
    expect(restored.plainText).toBe('kept');
    const revisions = listRevisions(library, a.id);
    expect(revisions.slice(0, 2).map((r) => r.note)).toEqual(['@restored:2', '@before-restore']);
    expect(JSON.stringify(getRevision(library, a.id, 3).doc)).toContain('unsaved edits');
    expect(restored.editedSinceRevision).toBe(false);
    library.close();
  });

  it('records "verified with version X" once every step is verified', () => {
    const { library, advance } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    const at = (d: number) => new Date(Date.UTC(2026, 10, d)).toISOString();
    advance(1000);
    saveAnswerDoc(
      library,
      a.id,
      documentOf([step('a', 'b', { verified: { version: '4.2.1', at: at(2) } }), step('c', 'd')]),
    );
    expect(getAnswer(library.db, a.id).verifiedVersion).toBeNull();
    saveAnswerDoc(
      library,
      a.id,
      documentOf([
        step('a', 'b', { verified: { version: '4.2.1', at: at(2) } }),
        step('c', 'd', { verified: { version: '4.3.0', at: at(5) } }),
      ]),
    );
    const verified = getAnswer(library.db, a.id);
    expect([verified.verifiedVersion, verified.verifiedAt]).toEqual(['4.2.1', at(2)]);
    expect(listLog(library.db, { answerId: a.id, limit: 10 }).map((l) => l.action)).toContain(
      'answer.verified',
    );
    library.close();
  });

  it('updates title, kind and the public flag, and links and unlinks questions', () => {
    const { library } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    const updated = updateAnswer(library, a.id, { title: 'New title', isPublic: true, kind: 'decline' });
    expect(updated).toMatchObject({ title: 'New title', isPublic: true, kind: 'decline' });
    const q = questionIdOf(library, '送料');
    expect(linkQuestion(library, a.id, q).questions.map((x) => x.id)).toEqual([q]);
    expect(linkQuestion(library, a.id, q).questions).toHaveLength(1);
    expect(unlinkQuestion(library, a.id, q).questions).toEqual([]);
    const actions = listLog(library.db, { answerId: a.id, limit: 10 }).map((l) => l.action);
    expect(actions).toEqual(expect.arrayContaining(['answer.updated', 'answer.linked', 'answer.unlinked']));
    library.close();
  });

  it('refuses a document past the size limit and keeps the last good one', () => {
    const { library } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    saveAnswerDoc(library, a.id, textDoc('good'));
    expect(() => saveAnswerDoc(library, a.id, textDoc('x'.repeat(5_100_000)))).toThrow(
      expect.objectContaining({
        code: 'DOCUMENT_INVALID',
        params: expect.objectContaining({ problem: 'tooLong' }),
      }),
    );
    expect(getAnswer(library.db, a.id).plainText).toBe('good');
    library.close();
  });
});
