import { findNodes, type AnswerDocument, type StepVerification } from './document';

/**
 * "Verified with version X on date" for a whole answer: only when every step has been verified,
 * and then with the oldest verification, the weakest link of the chain.
 */
export function answerVerification(doc: AnswerDocument): StepVerification | null {
  const steps = findNodes(doc, 'kotae-step');
  if (!steps.length || steps.some((s) => !s.verified)) return null;
  return steps.map((s) => s.verified!).reduce((a, b) => (a.at <= b.at ? a : b));
}
