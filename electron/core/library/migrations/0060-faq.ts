import type { Database } from 'better-sqlite3';

// The FAQ publisher (issue 8): the vendor's decisions about privacy findings, a cache of scan
// results so the Publish screen and a republish do not rescan unchanged answers, and the figures
// of each publication.
export function up(db: Database): void {
  db.exec(`
    -- One decision covers every occurrence of the same text (match_key: folded, no spaces) of one
    -- kind in one answer or capability. No foreign key: the subject is an answer or a capability.
    CREATE TABLE faq_privacy_decisions (
      id INTEGER PRIMARY KEY,
      subject TEXT NOT NULL CHECK (subject IN ('answer', 'capability')),
      subject_id INTEGER NOT NULL,
      kind TEXT NOT NULL,
      match_key TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('redact', 'not_personal')),
      decided_at TEXT NOT NULL,
      UNIQUE (subject, subject_id, kind, match_key)
    ) STRICT;

    -- Findings of the last scan of an answer, valid while input_hash (content, linked customer
    -- texts, the customer list, the scanner version) is unchanged; and the hash of the document
    -- at that scan, reused while its fingerprint (revision, update time, length) is unchanged.
    CREATE TABLE faq_scan_cache (
      answer_id INTEGER PRIMARY KEY REFERENCES answers(id) ON DELETE CASCADE,
      input_hash TEXT NOT NULL,
      findings TEXT NOT NULL CHECK (json_valid(findings)),
      doc_fingerprint TEXT NOT NULL DEFAULT '',
      doc_hash TEXT NOT NULL DEFAULT ''
    ) STRICT;

    ALTER TABLE publications ADD COLUMN stats TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(stats));
  `);
}
