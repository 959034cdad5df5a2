import type { Database } from 'better-sqlite3';
import { canonicalJson, sameJson } from '../../../shared/answers/canonical';
import { emptyDocument, plainText, type AnswerDocument } from '../../../shared/answers/document';
import { answerVerification } from '../../../shared/answers/verification';
import type { AnswerDetail, SaveResult } from '../../../shared/domain/answer';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import { refreshRechecks } from '../releases';
import { checkedDocument } from './documents';
import { getAnswer, latestRevisionDoc } from './queries';

// Changes to answers. Every change is a Library.mutate (change + work-log entry in one
// transaction), except the autosave, which logs once per editing session rather than per save.

/** Saves further apart than this start a new editing session: the state before is kept as a revision. */
export const SESSION_GAP_MS = 10 * 60_000;

function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function uniqueSlug(db: Database, base: string): string {
  let slug = base;
  for (let n = 2; db.prepare('SELECT 1 FROM answers WHERE slug = ?').get(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function questionExists(db: Database, id: number): void {
  if (!db.prepare('SELECT 1 FROM questions WHERE id = ?').get(id)) throw new KotaeError('NOT_FOUND', { id });
}

export interface NewAnswer {
  title: string;
  language: 'ja' | 'en';
  kind: 'answer' | 'decline';
  questionId?: number | undefined;
  doc?: AnswerDocument;
}

export function createAnswer(library: Library, input: NewAnswer): AnswerDetail {
  const doc = input.doc ? checkedDocument(input.doc) : emptyDocument();
  const json = canonicalJson(doc);
  const text = plainText(doc);
  const now = library.now();
  const id = library.mutate(
    (newId: number) => ({
      action: 'answer.created',
      entity: 'answer',
      entityId: newId,
      answerId: newId,
      questionId: input.questionId ?? null,
      summary: input.title,
    }),
    (db) => {
      if (input.questionId !== undefined) questionExists(db, input.questionId);
      const base = slugify(input.title);
      // A title with no Latin letters (most Japanese titles) gets its slug from the id.
      const provisional = uniqueSlug(db, base || `answer-new-${Date.now()}`);
      const newId = Number(
        db
          .prepare(
            `INSERT INTO answers (title, slug, kind, language, doc, plain_text, revision, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          )
          .run(input.title, provisional, input.kind, input.language, json, text, now, now).lastInsertRowid,
      );
      if (!base)
        db.prepare('UPDATE answers SET slug = ? WHERE id = ?').run(uniqueSlug(db, `answer-${newId}`), newId);
      db.prepare(
        `INSERT INTO answer_revisions (answer_id, revision, title, doc, plain_text, note, created_at)
         VALUES (?, 1, ?, ?, ?, '@created', ?)`,
      ).run(newId, input.title, json, text, now);
      if (input.questionId !== undefined)
        db.prepare('INSERT INTO answer_questions (answer_id, question_id, linked_at) VALUES (?, ?, ?)').run(
          newId,
          input.questionId,
          now,
        );
      return newId;
    },
  );
  return getAnswer(library.db, id);
}

interface WorkingRow {
  title: string;
  doc: string;
  plain_text: string;
  updated_at: string;
  revision: number;
  verified_version: string | null;
  verified_at: string | null;
}

function workingRow(db: Database, id: number): WorkingRow {
  const row = db
    .prepare(
      'SELECT title, doc, plain_text, updated_at, revision, verified_version, verified_at FROM answers WHERE id = ?',
    )
    .get(id) as WorkingRow | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id });
  return row;
}

export function nextRevision(db: Database, answerId: number): number {
  return (
    ((
      db.prepare('SELECT max(revision) AS n FROM answer_revisions WHERE answer_id = ?').get(answerId) as {
        n: number | null;
      }
    ).n ?? 0) + 1
  );
}

/** Keeps a document as a revision: the working copy (checked when it was written) or a checked restore. */
export function insertRevision(
  db: Database,
  answerId: number,
  revision: number,
  title: string,
  doc: { json: string; text: string },
  note: string,
  at: string,
): void {
  db.prepare(
    `INSERT INTO answer_revisions (answer_id, revision, title, doc, plain_text, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(answerId, revision, title, doc.json, doc.text, note, at);
  db.prepare('UPDATE answers SET revision = ? WHERE id = ?').run(revision, answerId);
}

/**
 * The autosave: replaces the working copy. No revision per save; but the first save after a
 * pause of SESSION_GAP_MS keeps the state before it as a revision ('@auto'), so each editing
 * session can be gone back to, and logs the session once. A document that fails the schema is
 * refused (DOCUMENT_INVALID, naming the node) before anything is written. `onRechecksChanged` runs
 * after the commit when the save cleared or reopened a release's re-check (lists elsewhere count them).
 */
export function saveAnswerDoc(
  library: Library,
  id: number,
  input: AnswerDocument,
  onRechecksChanged: () => void = () => undefined,
): SaveResult {
  const db = library.db;
  const doc = checkedDocument(input);
  const json = canonicalJson(doc);
  const row = workingRow(db, id);
  const result = (): SaveResult => {
    const now = workingRow(db, id);
    return {
      updatedAt: now.updated_at,
      revision: now.revision,
      editedSinceRevision: !sameJson(latestRevisionDoc(db, id)?.doc, now.doc),
      verifiedVersion: now.verified_version,
      verifiedAt: now.verified_at,
    };
  };
  // The editor saves what it loaded when it first normalises it: same content, nothing to write.
  if (sameJson(json, row.doc)) return result();
  const now = library.now();
  const newSession = Date.parse(now) - Date.parse(row.updated_at) > SESSION_GAP_MS;
  const verification = answerVerification(doc);
  let rechecksChanged = false;
  db.transaction(() => {
    if (newSession) {
      const latest = latestRevisionDoc(db, id);
      if (!sameJson(latest?.doc, row.doc))
        insertRevision(
          db,
          id,
          nextRevision(db, id),
          row.title,
          { json: row.doc, text: row.plain_text },
          '@auto',
          row.updated_at,
        );
      library.writeLog({
        action: 'answer.edited',
        entity: 'answer',
        entityId: id,
        answerId: id,
        summary: row.title,
      });
    }
    db.prepare(
      'UPDATE answers SET doc = ?, plain_text = ?, verified_version = ?, verified_at = ?, updated_at = ? WHERE id = ?',
    ).run(json, plainText(doc), verification?.version ?? null, verification?.at ?? null, now, id);
    if (
      verification &&
      (verification.version !== row.verified_version || verification.at !== row.verified_at)
    ) {
      library.writeLog({
        action: 'answer.verified',
        entity: 'answer',
        entityId: id,
        answerId: id,
        summary: `${row.title}: ${verification.version}`,
        detail: { version: verification.version, at: verification.at },
      });
    }
    rechecksChanged = refreshRechecks(library, id, doc, row.title);
  }).immediate();
  if (rechecksChanged) onRechecksChanged();
  return result();
}

export interface AnswerPatch {
  title?: string | undefined;
  kind?: 'answer' | 'decline' | undefined;
  language?: 'ja' | 'en' | undefined;
  isPublic?: boolean | undefined;
}

export function updateAnswer(library: Library, id: number, patch: AnswerPatch): AnswerDetail {
  const before = getAnswer(library.db, id);
  const changes: Record<string, unknown> = {};
  if (patch.title !== undefined && patch.title !== before.title) changes.title = patch.title;
  if (patch.kind !== undefined && patch.kind !== before.kind) changes.kind = patch.kind;
  if (patch.language !== undefined && patch.language !== before.language) changes.language = patch.language;
  if (patch.isPublic !== undefined && patch.isPublic !== before.isPublic)
    changes.is_public = patch.isPublic ? 1 : 0;
  if (!Object.keys(changes).length) return before;
  library.mutate(
    {
      action: 'answer.updated',
      entity: 'answer',
      entityId: id,
      answerId: id,
      summary: Object.entries(changes)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(', '),
      detail: changes,
    },
    (db) => {
      const columns = Object.keys(changes);
      db.prepare(
        `UPDATE answers SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      ).run(...Object.values(changes), library.now(), id);
    },
  );
  return getAnswer(library.db, id);
}

export function linkQuestion(library: Library, id: number, questionId: number): AnswerDetail {
  const answer = getAnswer(library.db, id);
  if (answer.questions.some((q) => q.id === questionId)) return answer;
  questionExists(library.db, questionId);
  library.mutate(
    {
      action: 'answer.linked',
      entity: 'answer',
      entityId: id,
      answerId: id,
      questionId,
      summary: answer.title,
    },
    (db) =>
      db
        .prepare(
          'INSERT OR IGNORE INTO answer_questions (answer_id, question_id, linked_at) VALUES (?, ?, ?)',
        )
        .run(id, questionId, library.now()),
  );
  return getAnswer(library.db, id);
}

export function unlinkQuestion(library: Library, id: number, questionId: number): AnswerDetail {
  const answer = getAnswer(library.db, id);
  if (!answer.questions.some((q) => q.id === questionId)) return answer;
  library.mutate(
    {
      action: 'answer.unlinked',
      entity: 'answer',
      entityId: id,
      answerId: id,
      questionId,
      summary: answer.title,
    },
    (db) =>
      db.prepare('DELETE FROM answer_questions WHERE answer_id = ? AND question_id = ?').run(id, questionId),
  );
  return getAnswer(library.db, id);
}
