import type { Database } from 'better-sqlite3';
import type { PrivacyDecision, PrivacySubject } from '../../../shared/domain/faq';
import type { Library } from '../library';

/** Records (or, with null, takes back) the vendor's decision about one finding, with a log entry. */
export function decideFinding(
  library: Library,
  input: {
    subject: PrivacySubject;
    subjectId: number;
    kind: string;
    key: string;
    decision: PrivacyDecision | null;
  },
): void {
  const { subject, subjectId, kind, key, decision } = input;
  library.mutate(
    {
      action: decision === null ? 'faq.privacy_undecided' : `faq.privacy_${decision}`,
      entity: subject,
      entityId: subjectId,
      answerId: subject === 'answer' ? subjectId : null,
      // The log names the kind, never the text itself: the log must not become a copy of it.
      summary: decision === null ? `Privacy decision taken back (${kind})` : `${kind}: ${decision}`,
      detail: { kind },
    },
    (db: Database) => {
      if (decision === null) {
        db.prepare(
          'DELETE FROM faq_privacy_decisions WHERE subject = ? AND subject_id = ? AND kind = ? AND match_key = ?',
        ).run(subject, subjectId, kind, key);
      } else {
        db.prepare(
          `INSERT INTO faq_privacy_decisions (subject, subject_id, kind, match_key, decision, decided_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (subject, subject_id, kind, match_key) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
        ).run(subject, subjectId, kind, key, decision, library.now());
      }
    },
  );
}
