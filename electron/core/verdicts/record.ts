import type { Library } from '../library';
import { reopenOnNotSolved } from '../tracking';
import type { VerdictDecision } from './recognise';

// Recording a verdict, inside the intake's transaction for the mail that carried it: the verdict
// row, its work-log entry and, for "Not yet", the question back on the vendor's desk.

export function recordVerdict(
  library: Library,
  decision: Extract<VerdictDecision, { kind: 'accepted' }>,
  mail: { questionId: number; messageRowId: number; sentAt: string },
): { verdictId: number; reopened: boolean } {
  const { tag } = decision;
  const verdictId = Number(
    library.db
      .prepare(
        `INSERT INTO answer_verdicts (answer_id, revision, question_id, customer_id, message_id, verdict, received_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        tag.answerId,
        tag.revision,
        mail.questionId,
        decision.customerId,
        mail.messageRowId,
        tag.verdict,
        mail.sentAt,
        library.now(),
      ).lastInsertRowid,
  );
  library.writeLog({
    action: 'verdict.received',
    entity: 'verdict',
    entityId: verdictId,
    questionId: mail.questionId,
    customerId: decision.customerId,
    answerId: tag.answerId,
    summary: `${tag.verdict}: ${decision.answerTitle} (${tag.revision})`,
    detail: { verdict: tag.verdict, revision: tag.revision, title: decision.answerTitle },
  });
  const reopened = tag.verdict === 'not_yet' && reopenOnNotSolved(library, mail.questionId, mail.sentAt);
  return { verdictId, reopened };
}

/** A look-alike verdict subject that did not count: the mail is kept as it is, the log says why. */
export function logRefusedVerdict(
  library: Library,
  decision: Extract<VerdictDecision, { kind: 'refused' }>,
  mail: { questionId: number; customerId: number | null },
): void {
  const { tag } = decision;
  library.writeLog({
    action: 'verdict.refused',
    entity: 'message',
    questionId: mail.questionId,
    customerId: mail.customerId,
    answerId: decision.reason === 'unknownAnswer' ? null : tag.answerId,
    summary: `${tag.verdict}: #${tag.answerId} (${tag.revision})`,
    detail: {
      verdict: tag.verdict,
      answerId: tag.answerId,
      revision: tag.revision,
      reason: decision.reason,
      title: decision.answerTitle,
    },
  });
}
