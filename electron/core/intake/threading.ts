import type { Database } from 'better-sqlite3';
import { prepared } from './statements';

// Which question a mail belongs to, and which customer sent it. Headers first (In-Reply-To, then
// References newest first), then the reverse (an original imported after its reply), then the
// subject: a "Re: …" from the same customer as an earlier question with that subject.

const PREFIX = /^\s*(?:(?:re|fwd?|aw|sv|vs|antw|wg|tr|返信|回答|転送)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)+/i;
const REPLY = /^\s*(?:re|aw|sv|vs|antw|返信|回答)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]/i;

/** The subject without "Re:", "Fwd:", "返信:" prefixes, spacing and case. */
export function baseSubject(subject: string): string {
  return subject.replace(PREFIX, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isReplySubject(subject: string): boolean {
  return REPLY.test(subject);
}

export interface ThreadKeys {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
}

export function findThread(db: Database, mail: ThreadKeys, customerId: number | null): number | null {
  const byMessageId = prepared(db, 'SELECT question_id AS q FROM messages WHERE message_id = ?');
  for (const id of [mail.inReplyTo, ...[...mail.references].reverse()]) {
    if (!id) continue;
    const row = byMessageId.get(id) as { q: number } | undefined;
    if (row) return row.q;
  }
  if (mail.messageId) {
    const row = prepared(
      db,
      'SELECT question_id AS q FROM messages WHERE in_reply_to = ? ORDER BY sent_at LIMIT 1',
    ).get(mail.messageId) as { q: number } | undefined;
    if (row) return row.q;
  }
  if (customerId !== null && isReplySubject(mail.subject)) {
    const base = baseSubject(mail.subject);
    const candidates = prepared(
      db,
      'SELECT id, subject FROM questions WHERE customer_id = ? ORDER BY updated_at DESC LIMIT 500',
    ).all(customerId) as { id: number; subject: string }[];
    const match = candidates.find((q) => base !== '' && baseSubject(q.subject) === base);
    if (match) return match.id;
  }
  return null;
}

/** The id of the message already in the library with this Message-ID or content, if any. */
export function findDuplicate(db: Database, messageId: string | null, contentHash: string): number | null {
  const row = (
    messageId
      ? prepared(db, 'SELECT question_id AS q FROM messages WHERE message_id = ? OR content_hash = ?').get(
          messageId,
          contentHash,
        )
      : prepared(db, 'SELECT question_id AS q FROM messages WHERE content_hash = ?').get(contentHash)
  ) as { q: number } | undefined;
  return row ? row.q : null;
}

export function findCustomerByEmail(db: Database, email: string): number | null {
  if (!email) return null;
  const row = prepared(
    db,
    'SELECT id FROM customers WHERE lower(email) = lower(?) AND email IS NOT NULL ORDER BY id LIMIT 1',
  ).get(email) as { id: number } | undefined;
  return row ? row.id : null;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A customer for this address: the one the library knows (any case), or a new one. */
export function matchOrCreateCustomer(
  db: Database,
  sender: { name: string; address: string; sample: string; byNameWithoutAddress?: boolean },
  now: string,
): { id: number; created: boolean } | null {
  if (!sender.address) {
    // Typed by hand with a name only: the customer of that name, or a new one. A mail without an
    // address has no customer (a display name alone identifies no one).
    const name = sender.name.trim();
    if (!sender.byNameWithoutAddress || !name) return null;
    const known = prepared(db, 'SELECT id FROM customers WHERE name = ? ORDER BY id LIMIT 1').get(name) as
      { id: number } | undefined;
    if (known) return { id: known.id, created: false };
  }
  const existing = sender.address ? findCustomerByEmail(db, sender.address) : null;
  if (existing !== null) return { id: existing, created: false };
  const name = sender.name.trim() || sender.address.split('@')[0] || sender.address;
  const language = JAPANESE.test(`${sender.name} ${sender.sample}`) ? 'ja' : 'en';
  const id = prepared(
    db,
    'INSERT INTO customers (name, email, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(name, sender.address ? sender.address.toLowerCase() : null, language, now, now).lastInsertRowid;
  return { id: Number(id), created: true };
}
