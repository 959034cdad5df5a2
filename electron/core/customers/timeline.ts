import type { Database } from 'better-sqlite3';
import type { TimelineItem } from '../../../shared/domain/tracking';
import { verdictAndReleaseItems } from './followUpTimeline';

/**
 * Everything between us and one customer on one timeline, newest first: their mails and our
 * replies, status changes with the message they got, and the answers linked to their questions.
 */
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
      `SELECT s.at, s.to_status, s.note, s.customer_message, q.id AS question_id, q.subject AS question_subject
       FROM status_changes s JOIN questions q ON q.id = s.question_id WHERE q.customer_id = ?`,
    )
    .all(customerId) as {
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
  // Messages that left through the app (copied or opened in the mail program), from the work log.
  const drafts = db
    .prepare(
      `SELECT l.at, l.detail, q.id AS question_id, q.subject AS question_subject
       FROM log_entries l JOIN questions q ON q.id = l.question_id
       WHERE q.customer_id = ? AND l.action IN ('draft.copied', 'draft.opened_in_mail')`,
    )
    .all(customerId) as { at: string; detail: string; question_id: number; question_subject: string }[];
  const excerpt = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 280);
  const items: TimelineItem[] = [
    ...messages.map((m) => ({
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
    ...changes.map((c) => ({
      at: c.at,
      kind: 'status' as const,
      questionId: c.question_id,
      questionSubject: c.question_subject,
      title: c.to_status,
      text: excerpt(c.customer_message || c.note),
      answerId: null,
    })),
    ...answers.map((a) => ({
      at: a.at,
      kind: 'answer' as const,
      questionId: a.question_id,
      questionSubject: a.question_subject,
      title: a.title,
      text: excerpt(a.plain_text),
      answerId: a.answer_id,
    })),
    ...drafts.map((d) => {
      const detail = JSON.parse(d.detail) as { subject?: string; body?: string };
      return {
        at: d.at,
        kind: 'draft' as const,
        questionId: d.question_id,
        questionSubject: d.question_subject,
        title: detail.subject ?? '',
        text: excerpt(detail.body ?? ''),
        answerId: null,
      };
    }),
    ...verdictAndReleaseItems(db, customerId),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
