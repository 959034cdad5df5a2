import type { Database } from 'better-sqlite3';

// Intake (issue 4): the lookups threading and customer matching do for every imported mail.
// A reply that arrives before its original is found by the original's Message-ID in in_reply_to;
// senders are matched to customers by address regardless of case.
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX messages_in_reply_to ON messages(in_reply_to) WHERE in_reply_to IS NOT NULL;
    CREATE INDEX customers_email_nocase ON customers(lower(email)) WHERE email IS NOT NULL;
  `);
}
