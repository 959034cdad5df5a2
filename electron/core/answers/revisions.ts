import { canonicalJson, sameJson } from '../../../shared/answers/canonical';
import type { AnswerDocument } from '../../../shared/answers/document';
import { answerVerification } from '../../../shared/answers/verification';
import type { AnswerDetail, Revision, RevisionSummary } from '../../../shared/domain/answer';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import { refreshRechecks } from '../releases';
import { getAnswer, latestRevisionDoc } from './queries';
import { insertRevision, nextRevision } from './service';

interface RevisionRow {
  revision: number;
  title: string;
  note: string;
  created_at: string;
  chars: number;
}

const toSummary = (r: RevisionRow): RevisionSummary => ({
  revision: r.revision,
  title: r.title,
  note: r.note,
  createdAt: r.created_at,
  chars: r.chars,
});

export function listRevisions(library: Library, answerId: number): RevisionSummary[] {
  getAnswer(library.db, answerId); // NOT_FOUND for an unknown answer, rather than an empty list
  const rows = library.db
    .prepare(
      `SELECT revision, title, note, created_at, length(plain_text) AS chars FROM answer_revisions
       WHERE answer_id = ? ORDER BY revision DESC`,
    )
    .all(answerId) as RevisionRow[];
  return rows.map(toSummary);
}

export function getRevision(library: Library, answerId: number, revision: number): Revision {
  const row = library.db
    .prepare(
      `SELECT revision, title, note, created_at, length(plain_text) AS chars, doc FROM answer_revisions
       WHERE answer_id = ? AND revision = ?`,
    )
    .get(answerId, revision) as (RevisionRow & { doc: string }) | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id: `${answerId}/${revision}` });
  return { ...toSummary(row), doc: JSON.parse(row.doc) as unknown };
}

/** A save point: the working copy becomes the next revision (nothing new when nothing changed). */
export function saveRevision(
  library: Library,
  answerId: number,
  note: string,
): { revision: RevisionSummary; created: boolean } {
  const answer = library.db.prepare('SELECT title, doc FROM answers WHERE id = ?').get(answerId) as
    { title: string; doc: string } | undefined;
  if (!answer) throw new KotaeError('NOT_FOUND', { id: answerId });
  const latest = latestRevisionDoc(library.db, answerId);
  if (latest && sameJson(latest.doc, answer.doc) && !note) {
    const current = getRevision(library, answerId, latest.revision);
    if (current.title === answer.title) return { revision: current, created: false };
  }
  const revision = nextRevision(library.db, answerId);
  library.mutate(
    {
      action: 'answer.revision_saved',
      entity: 'answer',
      entityId: answerId,
      answerId,
      summary: note ? `${answer.title} (${revision}: ${note})` : `${answer.title} (${revision})`,
      detail: { revision },
    },
    (db) => insertRevision(db, answerId, revision, answer.title, answer.doc, note, library.now()),
  );
  return { revision: getRevision(library, answerId, revision), created: true };
}

/**
 * Makes an older revision the working copy again. Nothing is lost: unsaved edits are kept as a
 * revision first, and the restored state becomes a new revision, so a restore can be undone by
 * restoring the one before it.
 */
export function restoreRevision(library: Library, answerId: number, revision: number): AnswerDetail {
  const target = getRevision(library, answerId, revision);
  const answer = library.db.prepare('SELECT title, doc FROM answers WHERE id = ?').get(answerId) as {
    title: string;
    doc: string;
  };
  const json = canonicalJson(target.doc);
  const verification = answerVerification(target.doc as AnswerDocument);
  library.mutate(
    {
      action: 'answer.restored',
      entity: 'answer',
      entityId: answerId,
      answerId,
      summary: `${target.title} (${revision})`,
      detail: { revision },
    },
    (db) => {
      const now = library.now();
      if (!sameJson(latestRevisionDoc(db, answerId)?.doc, answer.doc))
        insertRevision(
          db,
          answerId,
          nextRevision(db, answerId),
          answer.title,
          answer.doc,
          '@before-restore',
          now,
        );
      insertRevision(
        db,
        answerId,
        nextRevision(db, answerId),
        target.title,
        json,
        `@restored:${revision}`,
        now,
      );
      db.prepare(
        `UPDATE answers SET title = ?, doc = ?, plain_text = (SELECT plain_text FROM answer_revisions WHERE answer_id = ? AND revision = ?),
         verified_version = ?, verified_at = ?, updated_at = ? WHERE id = ?`,
      ).run(
        target.title,
        json,
        answerId,
        revision,
        verification?.version ?? null,
        verification?.at ?? null,
        now,
        answerId,
      );
      refreshRechecks(library, answerId, target.doc as AnswerDocument, target.title);
    },
  );
  return getAnswer(library.db, answerId);
}
