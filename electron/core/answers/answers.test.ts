import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentOf, paragraph, step, type AnswerDocument } from '../../../shared/answers/document';
import { KotaeError } from '../../../shared/errors';
import { createLibrary, listLog, seedDemo, type Library } from '../library';
import { refreshSearchIndex } from '../search';
import { makePng, useTempDir } from '../testing';
import {
  checkContext,
  checkReport,
  createAnswer,
  deleteTemplate,
  getAnswer,
  getRevision,
  imageInfo,
  linkQuestion,
  listRevisions,
  listTemplates,
  loadCheckRules,
  restoreRevision,
  saveAnswerDoc,
  saveCheckRules,
  saveRevision,
  saveTemplate,
  SESSION_GAP_MS,
  storeImage,
  suggestAnswersForQuestion,
  unlinkQuestion,
  updateAnswer,
} from './index';

const tempDir = useTempDir();

function open(demo = true): { library: Library; advance: (ms: number) => void } {
  let now = Date.parse('2026-11-23T09:00:00.000Z');
  const library = createLibrary(path.join(tempDir(), 'lib'), {
    clock: () => new Date(now),
    ...(demo ? { seed: seedDemo } : {}),
  });
  // Indexed for search, as the app's indexer does as soon as a library is open.
  refreshSearchIndex(library.db);
  return { library, advance: (ms) => (now += ms) };
}

const doc = (text: string, more: AnswerDocument['root']['children'] = []) =>
  documentOf([paragraph(text), ...more]);
const questionId = (library: Library, subject: string) =>
  (library.db.prepare('SELECT id FROM questions WHERE subject LIKE ?').get(`%${subject}%`) as { id: number })
    .id;

describe('answers', () => {
  it('creates an answer linked to its question, with revision 1 and a log entry', () => {
    const { library } = open();
    const q = questionId(library, '決済ボタン');
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
      saveAnswerDoc(library, a.id, doc(text));
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
    saveAnswerDoc(library, a.id, doc('first session'));
    advance(SESSION_GAP_MS + 1000);
    saveAnswerDoc(library, a.id, doc('second session'));
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
    saveAnswerDoc(library, a.id, doc('v2'));
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
    saveAnswerDoc(library, a.id, doc('kept'));
    saveRevision(library, a.id, '');
    advance(1000);
    saveAnswerDoc(library, a.id, doc('unsaved edits'));
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
    const q = questionId(library, '送料');
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
    saveAnswerDoc(library, a.id, doc('good'));
    expect(() => saveAnswerDoc(library, a.id, doc('x'.repeat(5_100_000)))).toThrow(
      expect.objectContaining({
        code: 'DOCUMENT_INVALID',
        params: expect.objectContaining({ problem: 'tooLong' }),
      }),
    );
    expect(getAnswer(library.db, a.id).plainText).toBe('good');
    library.close();
  });
});

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
    const q = questionId(library, 'ブログ'); // the demo's blog question is linked to its answer
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

describe('screenshots', () => {
  it('recognises PNG by its signature and reads its size', () => {
    expect(imageInfo(makePng(40, 30))).toEqual({ mime: 'image/png', ext: 'png', width: 40, height: 30 });
    expect(imageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('stores a pasted image once, content-addressed, with a media asset row', async () => {
    const { library } = open(false);
    const png = makePng(64, 48, 3);
    const first = await storeImage(library, 'shot.png', png.toString('base64'));
    const again = await storeImage(library, 'other-name.png', png.toString('base64'));
    expect(again.sha256).toBe(first.sha256);
    expect(first).toMatchObject({ ext: 'png', width: 64, height: 48, size: png.length });
    expect(library.media.fileOf({ sha256: first.sha256, ext: 'png' })).not.toBeNull();
    const rows = library.db.prepare('SELECT original_name, kind FROM media_assets').all();
    expect(rows).toEqual([{ original_name: 'shot.png', kind: 'image' }]);
    library.close();
  });

  it('refuses bytes that are not an image and stores nothing', async () => {
    const { library } = open(false);
    await expect(
      storeImage(library, 'x.png', Buffer.from('not an image').toString('base64')),
    ).rejects.toMatchObject({
      code: 'MEDIA_INVALID',
    });
    expect(library.db.prepare('SELECT count(*) AS n FROM media_assets').get()).toEqual({ n: 0 });
    library.close();
  });
});

describe('checks', () => {
  it('sees a pasted screenshot as present and a missing file as broken', async () => {
    const { library } = open();
    const a = createAnswer(library, { title: 'T', language: 'en', kind: 'answer' });
    const image = await storeImage(library, 'shot.png', makePng(8, 8).toString('base64'));
    const context = checkContext(library, a.id);
    expect(context.knownMedia).toContain(image.sha256);
    saveAnswerDoc(
      library,
      a.id,
      documentOf([
        step('a', 'b', { screenshot: { sha256: image.sha256, ext: 'png', alt: 'ok' } }),
        step('c', 'd', { screenshot: { sha256: 'f'.repeat(64), ext: 'png', alt: 'gone.png' } }),
      ]),
    );
    const report = checkReport(library, a.id, 'en');
    const media = report.findings.filter((f) => f.code === 'media_missing');
    expect(media.map((f) => f.message)).toEqual(['The picture “gone.png” is missing from the library.']);
    library.close();
  });

  it('reports a demo answer as the CLI prints it, in Japanese too', () => {
    const { library } = open();
    const id = (
      library.db.prepare("SELECT id FROM answers WHERE slug = 'connect-a-custom-domain'").get() as {
        id: number;
      }
    ).id;
    const report = checkReport(library, id, 'ja');
    expect(report.ok).toBe(true);
    // The domain answer is written for Tanaka, a beginner, and explains DNS and CNAME where it
    // first uses them: no jargon finding.
    expect(report.findings.filter((f) => f.code === 'jargon')).toEqual([]);
    // The same terms used before they are explained are reported, in Japanese, for a beginner.
    const doc = getAnswer(library.db, id).doc!;
    const blocks = [paragraph('DNS の CNAME を変更します。'), ...doc.root.children];
    saveAnswerDoc(library, id, { root: { ...doc.root, children: blocks } });
    const early = checkReport(library, id, 'ja');
    expect(early.findings.map((f) => [f.code, f.params.term])).toEqual(
      expect.arrayContaining([
        ['jargon', 'DNS'],
        ['jargon', 'CNAME'],
      ]),
    );
    const jargon = early.findings.find((f) => f.code === 'jargon')!;
    expect(jargon.message).toMatch(/初心者/);
    library.close();
  });

  it('keeps the vendor’s own rules in the library, and goes back to the defaults', () => {
    const { library } = open();
    const { rules } = loadCheckRules(library);
    const custom = structuredClone(rules);
    custom.en.tone[0]!.phrases.push('you again');
    expect(saveCheckRules(library, custom)).toMatchObject({ custom: true });
    expect(loadCheckRules(library).rules.en.tone[0]!.phrases).toContain('you again');
    expect(saveCheckRules(library, null).custom).toBe(false);
    library.close();
  });
});

describe('templates', () => {
  it('lists the demo greetings and closings, saves and deletes a snippet', () => {
    const { library } = open();
    const before = listTemplates(library);
    expect(
      before
        .filter((t) => t.kind === 'greeting')
        .map((t) => t.language)
        .sort(),
    ).toEqual(['en', 'ja']);
    const saved = saveTemplate(library, {
      kind: 'snippet',
      language: 'en',
      name: 'Cache',
      body: 'Reload the page.',
    });
    expect(listTemplates(library)).toHaveLength(before.length + 1);
    expect(saveTemplate(library, { ...saved, name: 'Reload' }).name).toBe('Reload');
    expect(deleteTemplate(library, saved.id)).toEqual({ deleted: true });
    expect(listTemplates(library)).toHaveLength(before.length);
    library.close();
  });
});
