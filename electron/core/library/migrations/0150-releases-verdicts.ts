import type { Database } from 'better-sqlite3';
import { answerVerification } from '../../../../shared/answers/verification';
import type { AnswerDocument } from '../../../../shared/answers/document';

// Answers that stay true (issue 22).
// - A release is a product version with its date, a note and the capabilities it changed; the
//   versions the library knew before (names only) stay as they are, with no recorded_at.
// - answer_rechecks: the answers a release put on the list to re-check (their steps were verified
//   with an older version and they touch a changed capability), done when every step is verified
//   again with the release or newer. The titles of the capabilities that matched are kept, so the
//   list still says why after a capability is renamed or deleted.
// - answer_verdicts: a customer's "Solved" / "Not yet" on one revision of an answer, from a mail
//   intake recognised; the mail itself stays in the question's thread (message_id).
// - answers.verified_version now names the OLDEST version any step was verified with (before: the
//   version of the step verified earliest), the honest "Checked with" of the FAQ: recomputed here.
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE product_versions ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE product_versions ADD COLUMN recorded_at TEXT;

    CREATE TABLE release_capabilities (
      version_id INTEGER NOT NULL REFERENCES product_versions(id) ON DELETE CASCADE,
      capability_id INTEGER NOT NULL,
      title TEXT NOT NULL,
      PRIMARY KEY (version_id, capability_id)
    ) STRICT;

    CREATE TABLE answer_rechecks (
      answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
      version_id INTEGER NOT NULL REFERENCES product_versions(id) ON DELETE CASCADE,
      capabilities TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(capabilities)),
      listed_at TEXT NOT NULL,
      done_at TEXT,
      done_version TEXT,
      PRIMARY KEY (answer_id, version_id)
    ) STRICT;
    CREATE INDEX answer_rechecks_open ON answer_rechecks(version_id) WHERE done_at IS NULL;

    CREATE TABLE answer_verdicts (
      id INTEGER PRIMARY KEY,
      answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL,
      customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
      message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
      verdict TEXT NOT NULL CHECK (verdict IN ('solved', 'not_yet')),
      received_at TEXT NOT NULL,
      offer_dismissed_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX answer_verdicts_answer ON answer_verdicts(answer_id, revision);
    CREATE INDEX answer_verdicts_question ON answer_verdicts(question_id) WHERE question_id IS NOT NULL;
  `);

  const answers = db.prepare('SELECT id, doc FROM answers').all() as { id: number; doc: string }[];
  const set = db.prepare('UPDATE answers SET verified_version = ?, verified_at = ? WHERE id = ?');
  for (const a of answers) {
    let verification: ReturnType<typeof answerVerification>;
    try {
      verification = answerVerification(JSON.parse(a.doc) as AnswerDocument);
    } catch {
      continue; // a document this version cannot read keeps what it had
    }
    set.run(verification?.version ?? null, verification?.at ?? null, a.id);
  }
}
