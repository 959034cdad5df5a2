import type { Database } from 'better-sqlite3';
import type { QuestionDetail } from '../../../shared/domain/question';
import { KotaeError } from '../../../shared/errors';
import type { QuestionStatus } from '../../../shared/domain/status';
import { summaryColumns, toSummary, type SummaryRow } from './list';

/** Everything about one question on one screen: the thread, the history, links and the customer. */
export function getQuestion(db: Database, id: number): QuestionDetail {
  const summary = db
    .prepare(
      `SELECT ${summaryColumns}, q.body, q.scope_note
       FROM questions q LEFT JOIN customers c ON c.id = q.customer_id WHERE q.id = ?`,
    )
    .get(id) as (SummaryRow & { body: string; scope_note: string }) | undefined;
  if (!summary) throw new KotaeError('NOT_FOUND', { id });
  const messages = db
    .prepare(
      'SELECT id, direction, from_name, from_address, subject, sent_at, text, html FROM messages WHERE question_id = ? ORDER BY sent_at, id',
    )
    .all(id) as {
    id: number;
    direction: 'in' | 'out' | 'note';
    from_name: string;
    from_address: string;
    subject: string;
    sent_at: string;
    text: string;
    html: string | null;
  }[];
  const history = db
    .prepare(
      `SELECT id, from_status, to_status, at, actor, note, customer_message, next_checkpoint,
              -- Sent: the vendor marked this text sent, or it went whole to the mail program.
              EXISTS (SELECT 1 FROM log_entries l WHERE l.question_id = s.question_id
                        AND (l.action = 'draft.marked_sent'
                             OR (l.action = 'draft.opened_in_mail' AND coalesce(json_extract(l.detail, '$.sent'), 1)))
                        AND trim(json_extract(l.detail, '$.body')) = trim(s.customer_message)) AS sent
       FROM status_changes s WHERE question_id = ? ORDER BY at, id`,
    )
    .all(id) as {
    id: number;
    from_status: QuestionStatus | null;
    to_status: QuestionStatus;
    at: string;
    actor: string;
    note: string;
    customer_message: string;
    next_checkpoint: string | null;
    sent: number;
  }[];
  const capabilities = (
    db
      .prepare(
        `SELECT c.id, c.title, c.title_ja, c.title_en FROM question_capabilities qc
         JOIN capabilities c ON c.id = qc.capability_id WHERE qc.question_id = ? ORDER BY c.position`,
      )
      .all(id) as { id: number; title: string; title_ja: string; title_en: string }[]
  ).map((c) => ({ id: c.id, title: c.title, titles: { ja: c.title_ja, en: c.title_en } }));
  const answers = db
    .prepare(
      'SELECT a.id, a.title FROM answer_questions aq JOIN answers a ON a.id = aq.answer_id WHERE aq.question_id = ? ORDER BY aq.linked_at',
    )
    .all(id) as { id: number; title: string }[];
  return {
    ...toSummary(summary),
    body: summary.body,
    scopeNote: summary.scope_note,
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      fromName: m.from_name,
      fromAddress: m.from_address,
      subject: m.subject,
      sentAt: m.sent_at,
      text: m.text,
      html: m.html,
    })),
    statusHistory: history.map((h) => ({
      id: h.id,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      at: h.at,
      actor: h.actor,
      note: h.note,
      customerMessage: h.customer_message,
      nextCheckpoint: h.next_checkpoint,
      delivery: h.customer_message.trim() ? (h.sent ? ('sent' as const) : ('draft' as const)) : null,
    })),
    capabilities,
    answers,
  };
}
