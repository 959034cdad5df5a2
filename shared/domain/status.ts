import { z } from 'zod';

// The life of a request. Names follow the vendor's vocabulary in DESIGN.md: a question is received,
// investigated, reproduced, answered and finally resolved; it may wait on the customer, or be
// declined because it is outside what the tool does.
export const questionStatuses = [
  'received',
  'investigating',
  'reproducing',
  'waiting_on_customer',
  'answered',
  'resolved',
  'declined',
] as const;
export const QuestionStatus = z.enum(questionStatuses);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

const closedStatuses: ReadonlySet<QuestionStatus> = new Set(['resolved', 'declined']);

/** Open questions need a next checkpoint: the date the customer will next hear from us. */
export function isOpenStatus(status: QuestionStatus): boolean {
  return !closedStatuses.has(status);
}

export const ScopeVerdict = z.enum(['in_scope', 'out_of_scope', 'needs_clarification']);
export type ScopeVerdict = z.infer<typeof ScopeVerdict>;

/** A checkpoint strictly before today is overdue; days compare as strings in YYYY-MM-DD. */
export function isOverdue(nextCheckpoint: string | null, today: string, status: QuestionStatus): boolean {
  return nextCheckpoint !== null && isOpenStatus(status) && nextCheckpoint < today;
}
