import type { Database } from 'better-sqlite3';
import { parseVerdictTag, type VerdictTag } from '../../../shared/verdicts/tag';

// Is an incoming mail a customer's verdict on an answer (issue 22)? The subject's tag says which
// answer, revision and verdict; the SENDER decides whether it counts. The tag is no secret (every
// FAQ page shows how to write it), so a look-alike subject from anyone else is not a verdict: it is
// imported as the ordinary mail it is, and the work log says why it was not taken as one.
//
// Who may give a verdict: the customer a bundle of this answer was sent to, or the customer of a
// question this answer serves (a customer pointed to the FAQ). An address can be forged too; that
// is why a verdict never changes more than a reply would: "Not yet" reopens the question as a
// reply does, and "Solved" only offers to close it, for the vendor to decide.

export type RefusedReason = 'unknownAnswer' | 'unknownRevision' | 'notTheCustomer';

export type VerdictDecision =
  | {
      kind: 'accepted';
      tag: VerdictTag;
      customerId: number;
      /** The question it belongs to; null when the customer got a bundle for no question. */
      questionId: number | null;
      answerTitle: string;
    }
  | { kind: 'refused'; tag: VerdictTag; reason: RefusedReason; answerTitle: string | null };

export function recogniseVerdict(
  db: Database,
  subject: string,
  customerId: number | null,
): VerdictDecision | null {
  const tag = parseVerdictTag(subject);
  if (!tag) return null;
  const answer = db.prepare('SELECT title, revision FROM answers WHERE id = ?').get(tag.answerId) as
    { title: string; revision: number } | undefined;
  if (!answer) return { kind: 'refused', tag, reason: 'unknownAnswer', answerTitle: null };
  if (tag.revision > answer.revision)
    return { kind: 'refused', tag, reason: 'unknownRevision', answerTitle: answer.title };
  const refused = { kind: 'refused', tag, reason: 'notTheCustomer', answerTitle: answer.title } as const;
  if (customerId === null) return refused;

  const accepted = (questionId: number | null): VerdictDecision => ({
    kind: 'accepted',
    tag,
    customerId,
    questionId,
    answerTitle: answer.title,
  });
  // The questions this customer asked that the answer serves, open ones first, then the latest.
  const served = db
    .prepare(
      `SELECT q.id FROM answer_questions aq JOIN questions q ON q.id = aq.question_id
       WHERE aq.answer_id = ? AND q.customer_id = ?
       ORDER BY q.status IN ('resolved', 'declined'), q.updated_at DESC, q.id DESC`,
    )
    .pluck()
    .all(tag.answerId, customerId) as number[];
  // The bundles of this answer sent to this customer, newest first.
  const bundles = db
    .prepare(
      'SELECT question_id FROM bundles WHERE answer_id = ? AND customer_id = ? ORDER BY created_at DESC, id DESC',
    )
    .pluck()
    .all(tag.answerId, customerId) as (number | null)[];

  // The question named in the tag, when it is one of theirs for this answer.
  if (tag.questionId !== null && (served.includes(tag.questionId) || bundles.includes(tag.questionId)))
    return accepted(tag.questionId);
  const bundleQuestion = bundles.find((q): q is number => q !== null);
  if (bundleQuestion !== undefined) return accepted(bundleQuestion);
  if (served.length) return accepted(served[0]!);
  if (bundles.length) return accepted(null);
  return refused;
}
