import type { Database } from 'better-sqlite3';
import type { AnswerFeedback, FeedbackCounts, Verdict } from '../../../shared/domain/verdict';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';

interface VerdictRow {
  id: number;
  answer_id: number;
  title: string;
  revision: number;
  question_id: number | null;
  customer_id: number | null;
  verdict: 'solved' | 'not_yet';
  received_at: string;
  offer_dismissed_at: string | null;
  question_status: string | null;
}

const select = `SELECT v.id, v.answer_id, a.title, v.revision, v.question_id, v.customer_id, v.verdict,
                       v.received_at, v.offer_dismissed_at, q.status AS question_status
                FROM answer_verdicts v JOIN answers a ON a.id = v.answer_id
                LEFT JOIN questions q ON q.id = v.question_id`;

function toVerdict(r: VerdictRow): Verdict {
  return {
    id: r.id,
    answerId: r.answer_id,
    answerTitle: r.title,
    revision: r.revision,
    questionId: r.question_id,
    customerId: r.customer_id,
    verdict: r.verdict,
    receivedAt: r.received_at,
    offer:
      r.verdict !== 'solved'
        ? null
        : r.offer_dismissed_at
          ? 'dismissed'
          : r.question_status === 'resolved'
            ? 'accepted'
            : 'pending',
  };
}

/** The verdicts a question received, newest first. */
export function questionVerdicts(db: Database, questionId: number): Verdict[] {
  return (
    db
      .prepare(`${select} WHERE v.question_id = ? ORDER BY v.received_at DESC, v.id DESC`)
      .all(questionId) as VerdictRow[]
  ).map(toVerdict);
}

export function getVerdict(db: Database, id: number): Verdict {
  const row = db.prepare(`${select} WHERE v.id = ?`).get(id) as VerdictRow | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id });
  return toVerdict(row);
}

/** "Not now": the question stays as it is and the offer to resolve it goes away. */
export function dismissOffer(library: Library, id: number): Verdict {
  const verdict = getVerdict(library.db, id);
  if (verdict.offer !== 'pending') return verdict;
  library.mutate(
    {
      action: 'verdict.offer_dismissed',
      entity: 'verdict',
      entityId: id,
      questionId: verdict.questionId,
      customerId: verdict.customerId,
      answerId: verdict.answerId,
      summary: `${verdict.answerTitle} (${verdict.revision})`,
      detail: { verdict: verdict.verdict, revision: verdict.revision, title: verdict.answerTitle },
    },
    (db) =>
      db.prepare('UPDATE answer_verdicts SET offer_dismissed_at = ? WHERE id = ?').run(library.now(), id),
  );
  return getVerdict(library.db, id);
}

const zero = (): FeedbackCounts => ({ sent: 0, solved: 0, notSolved: 0 });

/**
 * Sent, solved and not solved for each answer, and per revision. A bundle counts as sent when it
 * was made for a customer. A customer who wrote "Not yet" and later "Solved" about the same
 * revision counts once, with their last word.
 */
export function answerFeedback(db: Database, answerIds: readonly number[]): AnswerFeedback[] {
  const ids = JSON.stringify([...new Set(answerIds)]);
  const byAnswer = new Map<number, Map<number, FeedbackCounts>>();
  const at = (answerId: number, revision: number) => {
    let revisions = byAnswer.get(answerId);
    if (!revisions) byAnswer.set(answerId, (revisions = new Map()));
    let counts = revisions.get(revision);
    if (!counts) revisions.set(revision, (counts = zero()));
    return counts;
  };
  const sent = db
    .prepare(
      `SELECT answer_id, revision, count(*) AS n FROM bundles
       WHERE customer_id IS NOT NULL AND answer_id IN (SELECT value FROM json_each(?)) GROUP BY answer_id, revision`,
    )
    .all(ids) as { answer_id: number; revision: number; n: number }[];
  for (const s of sent) at(s.answer_id, s.revision).sent += s.n;
  const verdicts = db
    .prepare(
      `SELECT id, answer_id, revision, question_id, customer_id, verdict FROM answer_verdicts
       WHERE answer_id IN (SELECT value FROM json_each(?)) ORDER BY received_at, id`,
    )
    .all(ids) as {
    id: number;
    answer_id: number;
    revision: number;
    question_id: number | null;
    customer_id: number | null;
    verdict: 'solved' | 'not_yet';
  }[];
  const last = new Map<string, (typeof verdicts)[number]>();
  for (const v of verdicts)
    last.set(`${v.answer_id}/${v.revision}/${v.customer_id ?? `q${v.question_id ?? `v${v.id}`}`}`, v);
  for (const v of last.values()) {
    const counts = at(v.answer_id, v.revision);
    if (v.verdict === 'solved') counts.solved++;
    else counts.notSolved++;
  }
  return answerIds.map((answerId) => {
    const revisions = [...(byAnswer.get(answerId) ?? new Map<number, FeedbackCounts>())]
      .map(([revision, counts]) => ({ revision, ...counts }))
      .sort((a, b) => b.revision - a.revision);
    const total = revisions.reduce(
      (sum, r) => ({
        sent: sum.sent + r.sent,
        solved: sum.solved + r.solved,
        notSolved: sum.notSolved + r.notSolved,
      }),
      zero(),
    );
    return { answerId, ...total, revisions };
  });
}
