import type { Database } from 'better-sqlite3';
import type { TimelineItem } from '../../../shared/domain/tracking';
import { verdictAndReleaseItems } from './followUpTimeline';

/**
 * Everything between us and one customer on one timeline, newest first: their mails and our
 * replies, status changes with the message they got, and the answers linked to their questions.
 */
const deliveryOf = (sentAt: string | null) => (sentAt ? ('sent' as const) : ('draft' as const));

export function customerTimeline(db: Database, customerId: number): TimelineItem[] {
  const messages = db
    .prepare(
      `SELECT m.sent_at AS at, m.direction, m.subject, m.text, q.id AS question_id, q.subject AS question_subject
       FROM messages m JOIN questions q ON q.id = m.question_id WHERE q.customer_id = ?`,
    )
    .all(customerId) as {
    at: string;
    direction: 'in' | 'out' | 'note';
    subject: string;
    text: string;
    question_id: number;
    question_subject: string;
  }[];
  const changes = db
    .prepare(
      `SELECT s.id, s.at, s.to_status, s.note, s.customer_message, q.id AS question_id, q.subject AS question_subject
       FROM status_changes s JOIN questions q ON q.id = s.question_id WHERE q.customer_id = ?`,
    )
    .all(customerId) as {
    id: number;
    at: string;
    to_status: string;
    note: string;
    customer_message: string;
    question_id: number;
    question_subject: string;
  }[];
  const answers = db
    .prepare(
      `SELECT aq.linked_at AS at, a.id AS answer_id, a.title, a.plain_text, q.id AS question_id, q.subject AS question_subject
       FROM answer_questions aq JOIN answers a ON a.id = aq.answer_id JOIN questions q ON q.id = aq.question_id
       WHERE q.customer_id = ?`,
    )
    .all(customerId) as {
    at: string;
    answer_id: number;
    title: string;
    plain_text: string;
    question_id: number;
    question_subject: string;
  }[];
  // Messages drafted in the app: copied, handed to the mail program, marked as sent (work log).
  const draftEvents = db
    .prepare(
      `SELECT l.id, l.at, l.action, l.detail, q.id AS question_id, q.subject AS question_subject
       FROM log_entries l JOIN questions q ON q.id = l.question_id
       WHERE q.customer_id = ? AND l.action IN ('draft.copied', 'draft.opened_in_mail', 'draft.marked_sent')
       ORDER BY l.at, l.id`,
    )
    .all(customerId) as {
    id: number;
    at: string;
    action: string;
    detail: string;
    question_id: number;
    question_subject: string;
  }[];
  // One message is one item, however often it was copied: keyed by question and text. It is sent
  // only once the vendor said so (Mark as sent) or it went whole to the mail program.
  const drafted = new Map<
    string,
    {
      at: string;
      sentAt: string | null;
      subject: string;
      body: string;
      logId: number;
      questionId: number;
      questionSubject: string;
    }
  >();
  for (const e of draftEvents) {
    const detail = JSON.parse(e.detail) as { subject?: string; body?: string; sent?: boolean };
    const body = detail.body ?? '';
    const key = `${e.question_id}\n${body.trim()}`;
    const sent =
      e.action === 'draft.marked_sent' || (e.action === 'draft.opened_in_mail' && detail.sent !== false);
    const known = drafted.get(key);
    const entry = known ?? {
      at: e.at,
      sentAt: null,
      subject: detail.subject ?? '',
      body,
      logId: e.id,
      questionId: e.question_id,
      questionSubject: e.question_subject,
    };
    if (sent && !entry.sentAt) entry.sentAt = e.at;
    drafted.set(key, entry);
  }
  const sentAtOf = (questionId: number, body: string) =>
    drafted.get(`${questionId}\n${body.trim()}`)?.sentAt ?? null;
  const excerpt = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 280);
  const items: TimelineItem[] = [
    ...messages.map((m) => ({
      message: null,
      delivery: null,
      ref: null,
      at: m.at,
      kind:
        m.direction === 'in'
          ? ('message_in' as const)
          : m.direction === 'out'
            ? ('message_out' as const)
            : ('note' as const),
      questionId: m.question_id,
      questionSubject: m.question_subject,
      title: m.subject || m.question_subject,
      text: excerpt(m.text),
      answerId: null,
    })),
    ...changes.map((c) => {
      // The message saved with a status change was only drafted, unless it was sent.
      const hasMessage = !!c.customer_message.trim();
      return {
        at: c.at,
        kind: 'status' as const,
        questionId: c.question_id,
        questionSubject: c.question_subject,
        title: c.to_status,
        text: excerpt(c.note),
        answerId: null,
        message: hasMessage ? excerpt(c.customer_message) : null,
        delivery: hasMessage ? deliveryOf(sentAtOf(c.question_id, c.customer_message)) : null,
        ref: hasMessage ? `status:${c.id}` : null,
      };
    }),
    ...answers.map((a) => ({
      message: null,
      delivery: null,
      ref: null,
      at: a.at,
      kind: 'answer' as const,
      questionId: a.question_id,
      questionSubject: a.question_subject,
      title: a.title,
      text: excerpt(a.plain_text),
      answerId: a.answer_id,
    })),
    // A message already shown with its status change is not shown twice.
    ...[...drafted.values()]
      .filter(
        (m) =>
          !changes.some((c) => c.question_id === m.questionId && c.customer_message.trim() === m.body.trim()),
      )
      .map((m) => ({
        at: m.sentAt ?? m.at,
        kind: 'draft' as const,
        questionId: m.questionId,
        questionSubject: m.questionSubject,
        title: m.subject,
        text: '',
        answerId: null,
        message: excerpt(m.body),
        delivery: deliveryOf(m.sentAt),
        ref: `log:${m.logId}`,
      })),
    ...verdictAndReleaseItems(db, customerId),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
