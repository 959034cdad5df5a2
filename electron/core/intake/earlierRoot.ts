import type { Library } from '../library';
import { firstCheckpoint } from '../tracking';
import { prepared } from './statements';

// Mail does not arrive in order: a reply imported before its original (two files dropped at once,
// `kotae import reply.eml original.eml`) starts the question, with the reply's "Re: …" subject, its
// time and a customer named after the address. When an earlier message of the customer then joins
// the thread, it is the real start of the request, so the question takes its subject, text and
// received time, and a customer whose name was only made up from the address takes the sender's name.

export interface EarlierMessage {
  fromName: string;
  fromAddress: string;
  subject: string;
  text: string;
  sentAt: string;
}

/** What an earlier message changed, for the work-log entry of the message. */
export interface AdoptedRoot {
  subject?: { from: string; to: string };
  receivedAt?: { from: string; to: string };
  nextCheckpoint?: { from: string | null; to: string };
}

/** Called inside the intake's transaction, for an incoming message threaded onto `questionId`. */
export function adoptEarlierRoot(
  library: Library,
  questionId: number,
  mail: EarlierMessage,
): AdoptedRoot | null {
  const db = library.db;
  const q = prepared(
    db,
    `SELECT q.subject, q.received_at, q.status, q.next_checkpoint, q.customer_id,
            c.name AS customer_name, c.email AS customer_email,
            (SELECT count(*) FROM status_changes s WHERE s.question_id = q.id) AS changes
     FROM questions q LEFT JOIN customers c ON c.id = q.customer_id WHERE q.id = ?`,
  ).get(questionId) as
    | {
        subject: string;
        received_at: string;
        status: string;
        next_checkpoint: string | null;
        customer_id: number | null;
        customer_name: string | null;
        customer_email: string | null;
        changes: number;
      }
    | undefined;
  if (!q || !(mail.sentAt < q.received_at)) return null;
  const adopted: AdoptedRoot = { receivedAt: { from: q.received_at, to: mail.sentAt } };
  if (mail.subject !== q.subject) adopted.subject = { from: q.subject, to: mail.subject };
  // The checkpoint still is the one the question got when it landed (nobody has moved it): it counts
  // from the real start of the request now.
  let checkpoint = q.next_checkpoint;
  if (q.status === 'received' && q.changes === 0) {
    checkpoint = firstCheckpoint(mail.sentAt, library.today());
    if (checkpoint !== q.next_checkpoint)
      adopted.nextCheckpoint = { from: q.next_checkpoint, to: checkpoint };
  }
  prepared(
    db,
    'UPDATE questions SET subject = ?, body = ?, received_at = ?, next_checkpoint = ? WHERE id = ?',
  ).run(mail.subject, mail.text, mail.sentAt, checkpoint, questionId);
  renameCustomerFromAddress(library, q, mail);
  return adopted;
}

function renameCustomerFromAddress(
  library: Library,
  q: { customer_id: number | null; customer_name: string | null; customer_email: string | null },
  mail: EarlierMessage,
): void {
  const name = mail.fromName.trim();
  if (q.customer_id === null || !q.customer_email || !name) return;
  if (q.customer_email.toLowerCase() !== mail.fromAddress.toLowerCase()) return;
  // matchOrCreateCustomer names a customer without a display name after the address's local part.
  const derived = q.customer_email.split('@')[0];
  if (q.customer_name !== derived && q.customer_name !== q.customer_email) return;
  prepared(library.db, 'UPDATE customers SET name = ?, updated_at = ? WHERE id = ?').run(
    name,
    library.now(),
    q.customer_id,
  );
  library.writeLog({
    action: 'customer.renamed',
    entity: 'customer',
    entityId: q.customer_id,
    customerId: q.customer_id,
    summary: `${q.customer_name ?? ''} → ${name}`,
    detail: { from: q.customer_name, to: name, reason: 'earlier_message' },
  });
}
