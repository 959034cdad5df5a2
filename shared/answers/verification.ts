import type { AnswerDocument, StepVerification } from './document';
import { answerState } from './state';

/**
 * "Verified with version X on date" for a whole answer: only when every step has been verified,
 * and then with the weakest link of the chain: the oldest version any step was verified with
 * (a step checked last week on 4.2 is older than one checked a month ago on 5.0), and among
 * those the earliest date. This is what the FAQ shows as "Checked with …" (issue 22). It is the
 * answer's derived state (state.ts) read for the one field the library stores.
 */
export function answerVerification(doc: AnswerDocument): StepVerification | null {
  return answerState(doc).verification.checkedWith;
}
