import type { Database } from 'better-sqlite3';
import type { ThreadMessage } from '../../../shared/api/intake';
import { KotaeError } from '../../../shared/errors';
import { resanitiseStoredHtml } from './sanitize';

interface MessageRow {
  id: number;
  direction: 'in' | 'out' | 'note';
  from_name: string;
  from_address: string;
  to_addresses: string;
  subject: string;
  sent_at: string;
  text: string;
  html: string | null;
}

interface AttachmentRow {
  message_id: number;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  inline: number;
  content_id: string | null;
}

/** The thread of a question, oldest first, each message with its attachments. */
export function questionThread(db: Database, questionId: number): ThreadMessage[] {
  if (!db.prepare('SELECT 1 FROM questions WHERE id = ?').get(questionId))
    throw new KotaeError('NOT_FOUND', { id: questionId });
  const messages = db
    .prepare(
      `SELECT id, direction, from_name, from_address, to_addresses, subject, sent_at, text, html
       FROM messages WHERE question_id = ? ORDER BY sent_at, id`,
    )
    .all(questionId) as MessageRow[];
  const attachments = db
    .prepare(
      `SELECT ma.message_id, a.sha256, ma.file_name, a.mime, a.size, ma.inline, ma.content_id
       FROM message_attachments ma JOIN media_assets a ON a.id = ma.asset_id
       JOIN messages m ON m.id = ma.message_id WHERE m.question_id = ? ORDER BY ma.rowid`,
    )
    .all(questionId) as AttachmentRow[];
  return messages.map((m) => {
    const own = attachments.filter((a) => a.message_id === m.id);
    return {
      id: m.id,
      direction: m.direction,
      fromName: m.from_name,
      fromAddress: m.from_address,
      toAddresses: JSON.parse(m.to_addresses) as string[],
      subject: m.subject,
      sentAt: m.sent_at,
      text: m.text,
      html:
        m.html === null
          ? null
          : resanitiseStoredHtml(
              m.html,
              own.map((a) => a.sha256),
            ),
      attachments: own.map((a) => ({
        sha256: a.sha256,
        fileName: a.file_name,
        mime: a.mime,
        size: a.size,
        inline: a.inline === 1,
        contentId: a.content_id,
      })),
    };
  });
}
