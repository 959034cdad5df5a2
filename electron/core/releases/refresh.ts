import type { AnswerDocument } from '../../../shared/answers/document';
import { answerVerification } from '../../../shared/answers/verification';
import { recheckDone } from '../../../shared/releases/recheck';
import type { Library } from '../library';

// Re-walking an answer in reproduction mode clears its re-checks: when the document is saved with
// every step verified with the release's version or newer. Called inside the save's transaction,
// so the answer and its list state never disagree. A document that falls back (a revision
// restored, a step marked "does not work") puts the answer back on the list. Says whether any
// re-check changed state, so the caller can tell the windows (Settings counts, Publish's warning).
export function refreshRechecks(
  library: Library,
  answerId: number,
  doc: AnswerDocument,
  title: string,
): boolean {
  const db = library.db;
  const rows = db
    .prepare(
      `SELECT r.version_id, v.version, r.done_at FROM answer_rechecks r
       JOIN product_versions v ON v.id = r.version_id WHERE r.answer_id = ?`,
    )
    .all(answerId) as { version_id: number; version: string; done_at: string | null }[];
  if (!rows.length) return false;
  const checkedWith = answerVerification(doc)?.version ?? null;
  const now = library.now();
  let changed = false;
  for (const r of rows) {
    const done = recheckDone(doc, r.version);
    if (done === (r.done_at !== null)) continue;
    changed = true;
    db.prepare(
      'UPDATE answer_rechecks SET done_at = ?, done_version = ? WHERE answer_id = ? AND version_id = ?',
    ).run(done ? now : null, done ? checkedWith : null, answerId, r.version_id);
    library.writeLog({
      action: done ? 'answer.rechecked' : 'answer.recheck_reopened',
      entity: 'answer',
      entityId: answerId,
      answerId,
      summary: `${title}: ${r.version}`,
      detail: { releaseId: r.version_id, version: r.version, checkedWith, title },
    });
  }
  return changed;
}
