import { z } from 'zod';
import { verdictKinds } from '../verdicts/tag';
import { Id, Timestamp } from './common';

// The customer's "Solved" / "Not yet" on an answer revision, received by mail (issue 22).

export const VerdictKind = z.enum(verdictKinds);

export const Verdict = z.object({
  id: Id,
  answerId: Id,
  answerTitle: z.string(),
  revision: z.number().int(),
  questionId: Id.nullable(),
  customerId: Id.nullable(),
  verdict: VerdictKind,
  receivedAt: Timestamp,
  /**
   * "Solved" offers to mark the question resolved, never does it by itself: pending until the
   * vendor resolves the question or says not now; null for "Not yet".
   */
  offer: z.enum(['pending', 'accepted', 'dismissed']).nullable(),
});
export type Verdict = z.infer<typeof Verdict>;

/** How an answer fares with customers: bundles sent, and the verdicts that came back. */
export const FeedbackCounts = z.object({
  sent: z.number().int(),
  solved: z.number().int(),
  notSolved: z.number().int(),
});
export type FeedbackCounts = z.infer<typeof FeedbackCounts>;

export const AnswerFeedback = FeedbackCounts.extend({
  answerId: Id,
  /** The same per revision, newest first: a rewrite is judged on its own. */
  revisions: z.array(FeedbackCounts.extend({ revision: z.number().int() })),
});
export type AnswerFeedback = z.infer<typeof AnswerFeedback>;
