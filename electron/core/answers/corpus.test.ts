import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentError } from '../../../shared/answers/validate';
import { KotaeError, toAppError, type AppError } from '../../../shared/errors';
import { dispatch, createHandlers, type HandlerTable } from '../api';
import { exportBundle } from '../bundles';
import { publishFaq } from '../faq';
import type { Library } from '../library';
import { Studio } from '../studio';
import { testDialogs, isReadableRefusal, messageText, useTempDir } from '../testing';
import { translatorFor } from '../i18n';
import { hostileDocuments, snippetPayload, type DocumentCase } from './corpus';

// Runs the hostile documents (corpus.ts) at every door of the core, through the real services on
// a demo library: answers:save (dispatch, as the window sends it), a restore of a revision that
// holds it, and a bundle export and an FAQ publication of a working copy that holds it (as an
// older version or a hand-edited database would have left it). Each is refused naming the node,
// in both languages, and nothing changes or is written.

const tempDir = useTempDir('kotae-hostile-doc-');
let studio: Studio;
let handlers: HandlerTable;
let library: Library;
let answerId: number;
let original: { doc: string; updated_at: string; is_public: number };

beforeAll(async () => {
  studio = new Studio({
    userDataDir: mkdtempSync(path.join(os.tmpdir(), 'kotae-hostile-doc-user-')),
    systemLocale: 'en-US',
    shell: 'harness',
    appVersion: '0.0.0',
    platform: 'linux',
    dialogs: testDialogs(),
  });
  studio.start();
  handlers = createHandlers(studio);
  library = studio.writableLibrary();
  answerId = (library.db.prepare('SELECT min(id) AS id FROM answers').get() as { id: number }).id;
  original = library.db
    .prepare('SELECT doc, updated_at, is_public FROM answers WHERE id = ?')
    .get(answerId) as typeof original;
});

afterAll(async () => {
  await studio.close();
});

/** The refusal must name the node the same way in both languages. */
function expectNamed(error: AppError, c: DocumentCase): void {
  expect(error.params).toMatchObject({
    place: c.expected.place,
    number: c.expected.number,
    problem: c.expected.problem,
  });
  if (c.expected.part) expect(error.params).toMatchObject({ part: c.expected.part, context: 'part' });
  else expect(error.params?.part).toBeUndefined();
  expect(isReadableRefusal(error)).toBe(true);
  const where = documentError({ ...c.expected, detail: '' }).params!;
  for (const language of ['en', 'ja'] as const) {
    const t = translatorFor(language);
    const said = t.t(error.messageKey, { ...error.params });
    expect(said).toContain(t.t('errors:document.where', where));
    expect(said).toContain(t.t(`errors:document.problem.${c.expected.problem}`));
    expect(said).not.toMatch(/\$t\(|\{\{|document\.(place|part|problem)/);
    expect(messageText(error.messageKey, language)).not.toBe('');
  }
  expect((error.detail ?? '').length).toBeLessThan(1000);
}

/** The working copy as the database holds it: what must not change when a door refuses. */
const stored = () =>
  library.db.prepare('SELECT doc, plain_text, updated_at, revision FROM answers WHERE id = ?').get(answerId);

/** Puts the case into the working copy behind the app's back, as an older version could have. */
function plant(json: string): boolean {
  try {
    library.db
      .prepare('UPDATE answers SET doc = ?, updated_at = ?, is_public = 1 WHERE id = ?')
      .run(json, new Date().toISOString(), answerId);
    return true;
  } catch (err) {
    // SQLite's own json_valid stops at 1000 levels of nesting: so deep a document cannot be stored.
    expect(String(err)).toMatch(/CHECK constraint failed: json_valid/);
    return false;
  }
}

function unplant(): void {
  library.db
    .prepare('UPDATE answers SET doc = ?, updated_at = ?, is_public = ? WHERE id = ?')
    .run(original.doc, original.updated_at, original.is_public, answerId);
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(KotaeError);
    return toAppError(err);
  }
  throw new Error('the door let it through');
}

describe('hostile answer documents', () => {
  for (const c of hostileDocuments) {
    describe(c.name, () => {
      it('is refused by answers:save, and nothing is saved', async () => {
        const before = stored();
        const result = await dispatch(handlers, 'answers:save', { id: answerId, doc: JSON.parse(c.json()) });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error).toMatchObject({
          code: 'DOCUMENT_INVALID',
          messageKey: 'errors:DOCUMENT_INVALID',
        });
        expectNamed(result.error, c);
        expect(stored()).toEqual(before);
      });

      it('is refused by a revision restore, and nothing changes', async () => {
        const revision = 1000 + hostileDocuments.indexOf(c);
        let planted = true;
        try {
          library.db
            .prepare(
              `INSERT INTO answer_revisions (answer_id, revision, title, doc, plain_text, note, created_at)
               VALUES (?, ?, 'old', ?, '', 'from an older version', '2026-01-01T00:00:00.000Z')`,
            )
            .run(answerId, revision, c.json());
        } catch (err) {
          expect(String(err)).toMatch(/CHECK constraint failed: json_valid/);
          planted = false;
        }
        if (!planted) return;
        const before = stored();
        const revisions = library.db.prepare('SELECT count(*) AS n FROM answer_revisions').get();
        const result = await dispatch(handlers, 'answers:restoreRevision', { id: answerId, revision });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error).toMatchObject({
          code: 'DOCUMENT_INVALID',
          messageKey: 'errors:REVISION_INVALID',
          params: { revision },
        });
        expectNamed(result.error, c);
        expect(stored()).toEqual(before);
        expect(library.db.prepare('SELECT count(*) AS n FROM answer_revisions').get()).toEqual(revisions);
      });

      it.skipIf(c.wholeDocumentOnly)(
        'is refused as a snippet by templates:save, and nothing is saved',
        async () => {
          const before = library.db.prepare('SELECT * FROM templates ORDER BY id').all();
          const body = snippetPayload(c.json());
          const result = await dispatch(handlers, 'templates:save', {
            kind: 'steps',
            language: 'en',
            name: 'Steps',
            body,
          });
          expect(result.ok).toBe(false);
          if (result.ok) return;
          if (body.length > 500_000) {
            // Past the channel's own bound on a template body, it is refused there.
            expect(result.error).toMatchObject({ code: 'INVALID_INPUT' });
          } else {
            // A snippet is a list of blocks: what a document calls a whole is the snippet as a whole.
            const place = c.expected.place === 'document' ? 'fragment' : c.expected.place;
            expect(result.error).toMatchObject({
              code: 'DOCUMENT_INVALID',
              messageKey: 'errors:SNIPPET_INVALID',
            });
            expectNamed(result.error, { ...c, expected: { ...c.expected, place } });
          }
          expect(library.db.prepare('SELECT * FROM templates ORDER BY id').all()).toEqual(before);
        },
      );

      it('stops a bundle export, which writes nothing', async () => {
        if (!plant(c.json())) return;
        try {
          const dir = tempDir();
          const zipPath = path.join(dir, 'answer.zip');
          const error = await refusal(() =>
            exportBundle(
              library,
              {
                answerId,
                customerId: null,
                questionId: null,
                personalised: false,
                videoRendition: 'original',
                zip: true,
                folder: true,
              },
              { zipPath, folderPath: path.join(dir, 'answer') },
              { appVersion: '0.0.0' },
              { signal: new AbortController().signal, progress: () => undefined },
            ),
          );
          expect(error).toMatchObject({
            code: 'BUNDLE_EXPORT_BLOCKED',
            messageKey: 'bundle:blocked.documentInvalid',
          });
          expectNamed(error, c);
          expect(readdirSync(dir)).toEqual([]);
        } finally {
          unplant();
        }
      });

      it('stops an FAQ publication, which writes nothing', async () => {
        if (!plant(c.json())) return;
        try {
          const outDir = path.join(tempDir(), 'site');
          const error = await refusal(() => publishFaq(library, { outDir }));
          expect(error).toMatchObject({
            code: 'PUBLISH_BLOCKED',
            messageKey: 'errors:PUBLISH_BLOCKED_DOCUMENT',
          });
          expectNamed(error, c);
          expect(existsSync(outDir)).toBe(false);
        } finally {
          unplant();
        }
      });
    });
  }
});
