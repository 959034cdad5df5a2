import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentOf, image, paragraph, step } from '../../../../shared/answers/document';
import { parseAnswerDocument, snippetBody } from '../../../../shared/answers/validate';
import { useTempDir } from '../../testing';
import { createLibrary, openLibrary, seedDemo } from '../index';
import { migrations } from './index';

// Migration 0125 (issue 15): a library written before the document schema opens, its failing working
// copies and snippets are repaired with the originals kept beside them, and the log says what changed.

const tempDir = useTempDir('kotae-0125-');
const sha = 'c'.repeat(64);
const before = migrations.filter((m) => m.version < 125);

function oldLibrary() {
  const root = path.join(tempDir(), 'old');
  const library = createLibrary(root, { migrations: before, seed: seedDemo });
  const db = library.db;
  const insertAnswer = db.prepare(
    `INSERT INTO answers (title, slug, kind, language, doc, plain_text, revision, created_at, updated_at)
     VALUES (?, ?, 'answer', 'en', ?, '', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  db.prepare(
    "INSERT INTO media_assets (sha256, kind, original_name, mime, ext, size, created_at) VALUES (?, 'image', 'a.jpg', 'image/jpeg', 'jpg', 1, '2026-01-01')",
  ).run(sha);
  const hostile = JSON.parse(JSON.stringify(documentOf([paragraph('Before'), step('Open it', 'It opens')])));
  hostile.root.children[1].screenshot = { sha256: sha, ext: 'png/../../../library.sqlite', alt: 'shot' };
  hostile.root.children.push({ type: 'iframe', version: 1, children: [{ ...paragraph('kept words') }] });
  hostile.root.children.push({
    ...image({ sha256: 'd'.repeat(64), ext: 'png' }, 'a picture we never stored'),
    ext: '../x',
  });
  // A prototype key, as JSON text carries it (an object literal would set the prototype instead).
  const hostileJson = JSON.stringify(hostile).replace(
    '"type":"paragraph"',
    '"__proto__":{"polluted":true},"type":"paragraph"',
  );
  const hostileId = Number(insertAnswer.run('Hostile', 'hostile', hostileJson).lastInsertRowid);
  // Valid JSON (the table insists) that is no document at all.
  const brokenId = Number(insertAnswer.run('Not a document', 'not-json', '{"root": 42}').lastInsertRowid);
  const revisionsBefore = db.prepare('SELECT count(*) AS n FROM answer_revisions').get();
  db.prepare(
    "INSERT INTO templates (kind, language, name, body, created_at, updated_at) VALUES ('steps', 'en', 'Bad steps', ?, '2026-01-01', '2026-01-01')",
  ).run(JSON.stringify({ nodes: [{ type: 'script', text: 'alert(1)' }, step('a', 'b')] }));
  const demo = db.prepare("SELECT id, doc FROM answers WHERE slug NOT IN ('hostile', 'not-json')").all();
  library.close();
  return { root, hostileId, brokenId, revisionsBefore, demo, originalHostile: hostileJson };
}

describe('migration 0125 (document schema)', () => {
  it('opens an older library and repairs what fails the schema, keeping the originals', () => {
    const old = oldLibrary();
    const library = openLibrary(old.root);
    const db = library.db;
    const docOf = (id: number) =>
      JSON.parse((db.prepare('SELECT doc FROM answers WHERE id = ?').get(id) as { doc: string }).doc);

    // Every working copy and snippet passes the schema now.
    for (const row of db.prepare('SELECT doc FROM answers').all() as { doc: string }[])
      expect(parseAnswerDocument(JSON.parse(row.doc)).ok).toBe(true);
    for (const row of db.prepare('SELECT body FROM templates').all() as { body: string }[])
      expect(snippetBody(row.body).kind).not.toBe('invalid');

    // The screenshot is put right from what the library stores under that hash; the unknown
    // block gives up its words; a picture that names no stored file becomes its description.
    const repaired = docOf(old.hostileId);
    expect(repaired.root.children[1].screenshot).toEqual({ sha256: sha, ext: 'jpg', alt: 'shot' });
    expect(JSON.stringify(repaired)).toContain('kept words');
    expect(JSON.stringify(repaired)).toContain('a picture we never stored');
    expect(JSON.stringify(repaired)).not.toContain('iframe');
    expect(JSON.stringify(repaired)).not.toContain('library.sqlite');
    expect(JSON.stringify(repaired)).not.toContain('polluted');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(docOf(old.brokenId)).toEqual(documentOf([paragraph()]));

    // The originals are kept, and the log says what was changed where.
    const kept = db.prepare('SELECT subject, subject_id, original FROM document_repairs ORDER BY id').all();
    expect(kept).toEqual([
      { subject: 'answer', subject_id: old.hostileId, original: old.originalHostile },
      { subject: 'answer', subject_id: old.brokenId, original: '{"root": 42}' },
      expect.objectContaining({ subject: 'template' }),
    ]);
    const logged = db
      .prepare(
        "SELECT action, actor, detail FROM log_entries WHERE actor = 'upgrade' AND action LIKE '%.repaired'",
      )
      .all() as { detail: string }[];
    expect(logged).toHaveLength(3);
    expect(JSON.parse(logged[0]!.detail).problems).toContainEqual({
      place: 'step',
      number: 1,
      part: 'image',
      problem: 'mediaRef',
    });

    // Nothing else was touched: the demo answers and the history are as they were.
    expect(db.prepare("SELECT id, doc FROM answers WHERE slug NOT IN ('hostile', 'not-json')").all()).toEqual(
      old.demo,
    );
    expect(db.prepare('SELECT count(*) AS n FROM answer_revisions').get()).toEqual(old.revisionsBefore);
    library.close();
  });
});
