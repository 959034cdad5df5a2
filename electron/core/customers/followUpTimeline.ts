import type { Database } from 'better-sqlite3';
import type { TimelineItem } from '../../../shared/domain/tracking';

// Issue 22 on the customer's timeline: the verdicts they sent ("Solved" / "Not yet" on an answer
// revision), and the releases that put an answer they received on the list to re-check, so the
// vendor sees that what this customer was told may have changed.

export function verdictAndReleaseItems(db: Database, customerId: number): TimelineItem[] {
  const verdicts = db
    .prepare(
      `SELECT v.received_at AS at, v.verdict, v.revision, a.id AS answer_id, a.title, q.id AS question_id, q.subject
       FROM answer_verdicts v JOIN answers a ON a.id = v.answer_id JOIN questions q ON q.id = v.question_id
       WHERE v.customer_id = ? OR q.customer_id = ?`,
    )
    .all(customerId, customerId) as {
    at: string;
    verdict: 'solved' | 'not_yet';
    revision: number;
    answer_id: number;
    title: string;
    question_id: number;
    subject: string;
  }[];
  const releases = db
    .prepare(
      `SELECT r.listed_at AS at, v.version, r.capabilities, a.id AS answer_id, a.title, q.id AS question_id, q.subject
       FROM answer_rechecks r JOIN product_versions v ON v.id = r.version_id JOIN answers a ON a.id = r.answer_id
       JOIN answer_questions aq ON aq.answer_id = a.id JOIN questions q ON q.id = aq.question_id
       WHERE q.customer_id = ?`,
    )
    .all(customerId) as {
    at: string;
    version: string;
    capabilities: string;
    answer_id: number;
    title: string;
    question_id: number;
    subject: string;
  }[];
  const titles = (json: string) => {
    try {
      const value = JSON.parse(json) as unknown;
      return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
    } catch {
      return [];
    }
  };
  return [
    ...verdicts.map((v) => ({
      at: v.at,
      kind: 'verdict' as const,
      questionId: v.question_id,
      questionSubject: v.subject,
      // The verdict's code; the screen says it in words ("Solved" / "Not yet").
      title: v.verdict,
      // The answer it is about; the question's page says which revision.
      text: v.title,
      answerId: v.answer_id,
      message: null,
      delivery: null,
      ref: null,
    })),
    ...releases.map((r) => ({
      at: r.at,
      kind: 'release' as const,
      questionId: r.question_id,
      questionSubject: r.subject,
      title: r.version,
      text: [r.title, titles(r.capabilities).join(', ')].filter(Boolean).join(' — '),
      answerId: r.answer_id,
      message: null,
      delivery: null,
      ref: null,
    })),
  ];
}
