import { isOpenStatus, type QuestionStatus } from '../../../shared/domain/status';
import type { StatusChangeView } from '../../../shared/domain/question';
import { KotaeError } from '../../../shared/errors';
import { checkpointProblem, suggestedCheckpoint } from '../../../shared/tracking/checkpoint';
import type { AutomaticNote } from '../../../shared/tracking/logText';
import type { Library } from '../library';
import { questionContact } from './drafts';
import { customerT } from './text';

export interface StatusChange {
  id: number;
  to: QuestionStatus;
  nextCheckpoint: string | null;
  note: string;
  customerMessage: string;
}

/**
 * Moves a question to a status: who (the library's actor), when, why (the note) and the message
 * for the customer are recorded in status_changes, the question's checkpoint is set (open) or
 * cleared (closed), and the work log gets its entry: all in one transaction.
 */
export function changeStatus(library: Library, change: StatusChange): StatusChangeView {
  const current = library.db
    .prepare('SELECT status, next_checkpoint, customer_id, subject FROM questions WHERE id = ?')
    .get(change.id) as
    | { status: QuestionStatus; next_checkpoint: string | null; customer_id: number | null; subject: string }
    | undefined;
  if (!current) throw new KotaeError('NOT_FOUND', { id: change.id });
  const problem = checkpointProblem(change.to, change.nextCheckpoint, library.today());
  if (problem)
    throw new KotaeError(
      'INVALID_INPUT',
      { detail: `checkpoint ${problem}` },
      undefined,
      `tracking:errors.checkpoint_${problem}`,
    );
  const checkpoint = isOpenStatus(change.to) ? change.nextCheckpoint : null;
  if (
    current.status === change.to &&
    current.next_checkpoint === checkpoint &&
    !change.customerMessage.trim()
  )
    throw new KotaeError(
      'INVALID_INPUT',
      { detail: 'nothing changes' },
      undefined,
      'tracking:errors.statusUnchanged',
    );
  const at = library.now();
  const id = library.mutate(
    (changeId: number) => ({
      action: 'question.status_changed',
      entity: 'question',
      entityId: change.id,
      questionId: change.id,
      customerId: current.customer_id,
      summary: `${current.status} → ${change.to}${checkpoint ? ` (${checkpoint})` : ''}`,
      detail: {
        statusChangeId: changeId,
        from: current.status,
        to: change.to,
        nextCheckpoint: checkpoint,
        note: change.note,
      },
    }),
    (db) => {
      db.prepare('UPDATE questions SET status = ?, next_checkpoint = ?, updated_at = ? WHERE id = ?').run(
        change.to,
        checkpoint,
        at,
        change.id,
      );
      return Number(
        db
          .prepare(
            `INSERT INTO status_changes (question_id, from_status, to_status, at, actor, note, customer_message, next_checkpoint)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            change.id,
            current.status,
            change.to,
            at,
            library.actor,
            change.note,
            change.customerMessage,
            checkpoint,
          ).lastInsertRowid,
      );
    },
  );
  return {
    id,
    fromStatus: current.status,
    toStatus: change.to,
    at,
    actor: library.actor,
    note: change.note,
    customerMessage: change.customerMessage,
    nextCheckpoint: checkpoint,
    // Saving a status sends nothing: the message is a draft until it is sent (issue 18).
    delivery: change.customerMessage.trim() ? 'draft' : null,
  };
}

/**
 * A customer's reply to a question we were waiting on puts it back on our desk: investigating, with
 * a checkpoint no earlier than two working days from today. Replies older than the last status
 * change (an old mailbox imported late) change nothing. Called inside the intake's transaction.
 */
export function reopenOnCustomerReply(library: Library, questionId: number, replySentAt: string): void {
  reopenForCustomer(library, questionId, replySentAt, ['waiting_on_customer'], 'customerReplied');
}

/**
 * The customer says an answer has not solved it yet ("Not yet", issue 22): a question we had
 * answered, closed as resolved or were waiting on goes back to investigating, with a checkpoint,
 * as a reply does. One already on our desk keeps its status; a declined one stays declined.
 * Returns whether the status changed.
 */
export function reopenOnNotSolved(library: Library, questionId: number, sentAt: string): boolean {
  return reopenForCustomer(
    library,
    questionId,
    sentAt,
    ['answered', 'resolved', 'waiting_on_customer'],
    'customerNotSolved',
  );
}

function reopenForCustomer(
  library: Library,
  questionId: number,
  sentAt: string,
  from: readonly QuestionStatus[],
  note: AutomaticNote,
): boolean {
  const row = library.db
    .prepare(
      `SELECT q.status, q.next_checkpoint AS checkpoint,
              (SELECT max(at) FROM status_changes s WHERE s.question_id = q.id) AS last_change
       FROM questions q WHERE q.id = ?`,
    )
    .get(questionId) as
    { status: QuestionStatus; checkpoint: string | null; last_change: string | null } | undefined;
  if (!row || !from.includes(row.status)) return false;
  if (row.last_change && sentAt <= row.last_change) return false;
  const suggested = suggestedCheckpoint(library.today());
  changeStatus(library, {
    id: questionId,
    to: 'investigating',
    nextCheckpoint: row.checkpoint && row.checkpoint > suggested ? row.checkpoint : suggested,
    // Written in the customer's language like everything about this request; the UI shows it in
    // its own language (shared/tracking/logText.ts noteText).
    note: customerT(questionContact(library, questionId).language)(`status.automaticNote.${note}`),
    customerMessage: '',
  });
  return true;
}
