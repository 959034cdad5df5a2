import { canonicalJson, sameJson } from '../../../shared/answers/canonical';
import { plainText } from '../../../shared/answers/document';
import { checkedDocument } from './documents';
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

/** A stored revision as it was kept; text that is not even JSON reads as nothing (restore refuses it). */
function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

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
  return { ...toSummary(row), doc: jsonOrNull(row.doc) };
}

/** A save point: the working copy becomes the next revision (nothing new when nothing changed). */
export function saveRevision(
  library: Library,
  answerId: number,
  note: string,
): { revision: RevisionSummary; created: boolean } {
  const answer = library.db
    .prepare('SELECT title, doc, plain_text FROM answers WHERE id = ?')
    .get(answerId) as { title: string; doc: string; plain_text: string } | undefined;
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
    (db) =>
      insertRevision(
        db,
        answerId,
        revision,
        answer.title,
        { json: answer.doc, text: answer.plain_text },
        note,
        library.now(),
      ),
  );
  return { revision: getRevision(library, answerId, revision), created: true };
}

/**
 * Makes an older revision the working copy again. Nothing is lost: unsaved edits are kept as a
 * revision first, and the restored state becomes a new revision, so a restore can be undone by
 * restoring the one before it. History is never rewritten, so an old revision that fails today's
 * schema is refused (REVISION_INVALID, naming the node) and nothing changes.
 */
export function restoreRevision(library: Library, answerId: number, revision: number): AnswerDetail {
  const target = getRevision(library, answerId, revision);
  const doc = checkedDocument(target.doc, 'errors:REVISION_INVALID', { revision });
  const answer = library.db
    .prepare('SELECT title, doc, plain_text FROM answers WHERE id = ?')
    .get(answerId) as {
    title: string;
    doc: string;
    plain_text: string;
  };
  const json = canonicalJson(doc);
  const text = plainText(doc);
  const verification = answerVerification(doc);
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
          { json: answer.doc, text: answer.plain_text },
          '@before-restore',
          now,
        );
      insertRevision(
        db,
        answerId,
        nextRevision(db, answerId),
        target.title,
        { json, text },
        `@restored:${revision}`,
        now,
      );
      db.prepare(
        `UPDATE answers SET title = ?, doc = ?, plain_text = ?, verified_version = ?, verified_at = ?, updated_at = ? WHERE id = ?`,
      ).run(target.title, json, text, verification?.version ?? null, verification?.at ?? null, now, answerId);
      refreshRechecks(library, answerId, doc, target.title);
    },
  );
  return getAnswer(library.db, answerId);
}
