import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../../../shared/answers/canonical';
import { plainText } from '../../../../shared/answers/document';
import { ImageExtension } from '../../../../shared/answers/media';
import { repairAnswerDocument, type ImageExtensionOf } from '../../../../shared/answers/repair';
import { snippetBody, type DocumentProblem } from '../../../../shared/answers/validate';
import { answerVerification } from '../../../../shared/answers/verification';

// Issue 15: answer documents now have one schema, checked at every door. A library written before
// may hold working copies or snippets that fail it (a picture's `ext` that is a path, a node of an
// unknown kind, a property the editor never writes). Opening such a library must not fail, and
// nothing may be lost: each failing working copy and snippet is repaired (repairAnswerDocument:
// put right what can be, the words of the rest kept), its original is kept in document_repairs,
// and the work log says what was changed where. Revisions are history and stay as they were; a
// restore checks them like a save.

/** How many problems one log entry lists (the rest are in document_repairs). */
const LOGGED_PROBLEMS = 20;

type Problems = DocumentProblem[];

function describe(problems: Problems) {
  return problems
    .slice(0, LOGGED_PROBLEMS)
    .map(({ place, number, part, problem }) => ({ place, number, part, problem }));
}

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE document_repairs (
      id INTEGER PRIMARY KEY,
      subject TEXT NOT NULL CHECK (subject IN ('answer', 'template')),
      subject_id INTEGER NOT NULL,
      original TEXT NOT NULL,
      problems TEXT NOT NULL CHECK (json_valid(problems)),
      repaired_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX document_repairs_subject ON document_repairs(subject, subject_id);
  `);
  const now = new Date().toISOString();
  const imageExt = db.prepare("SELECT ext FROM media_assets WHERE sha256 = ? AND kind = 'image'");
  // Only an extension the file is really stored under: a `jpeg` row is not a `jpg` file.
  const extOf: ImageExtensionOf = (sha) => {
    const row = imageExt.get(sha) as { ext: string } | undefined;
    const ext = ImageExtension.safeParse(row?.ext);
    return ext.success ? ext.data : null;
  };
  const keep = db.prepare(
    'INSERT INTO document_repairs (subject, subject_id, original, problems, repaired_at) VALUES (?, ?, ?, ?, ?)',
  );
  const log = db.prepare(
    `INSERT INTO log_entries (at, actor, action, entity, entity_id, answer_id, summary, detail)
     VALUES (?, 'upgrade', ?, ?, ?, ?, ?, ?)`,
  );

  const answers = db.prepare('SELECT id, title, doc FROM answers').all() as {
    id: number;
    title: string;
    doc: string;
  }[];
  const updateAnswer = db.prepare(
    'UPDATE answers SET doc = ?, plain_text = ?, verified_version = ?, verified_at = ?, updated_at = ? WHERE id = ?',
  );
  for (const a of answers) {
    let raw: unknown = null;
    try {
      raw = JSON.parse(a.doc);
    } catch {
      /* not JSON: repaired to an empty document, the text kept in document_repairs */
    }
    const { doc, problems } = repairAnswerDocument(raw, extOf);
    if (!problems.length) continue;
    const verification = answerVerification(doc);
    // A new update time, so everything keyed on it (the FAQ's document fingerprint) sees the change.
    updateAnswer.run(
      canonicalJson(doc),
      plainText(doc),
      verification?.version ?? null,
      verification?.at ?? null,
      now,
      a.id,
    );
    keep.run('answer', a.id, a.doc, JSON.stringify(problems), now);
    log.run(
      now,
      'answer.repaired',
      'answer',
      a.id,
      a.id,
      a.title,
      JSON.stringify({ problems: describe(problems), count: problems.length }),
    );
  }

  const templates = db.prepare('SELECT id, name, body FROM templates').all() as {
    id: number;
    name: string;
    body: string;
  }[];
  const updateTemplate = db.prepare('UPDATE templates SET body = ?, updated_at = ? WHERE id = ?');
  for (const t of templates) {
    if (snippetBody(t.body).kind !== 'invalid') continue;
    const nodes = (JSON.parse(t.body) as { nodes?: unknown }).nodes;
    const asDocument = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: Array.isArray(nodes) ? nodes : [],
      },
    };
    const { doc, problems } = repairAnswerDocument(asDocument, extOf);
    updateTemplate.run(JSON.stringify({ nodes: doc.root.children }), now, t.id);
    keep.run('template', t.id, t.body, JSON.stringify(problems), now);
    log.run(
      now,
      'template.repaired',
      'template',
      t.id,
      null,
      t.name,
      JSON.stringify({ problems: describe(problems), count: problems.length }),
    );
  }
}
