import { compareVersions } from '../releases/version';
import { findNodes, type AnswerDocument, type StepVerification } from './document';

/**
 * "Verified with version X on date" for a whole answer: only when every step has been verified,
 * and then with the weakest link of the chain: the oldest version any step was verified with
 * (a step checked last week on 4.2 is older than one checked a month ago on 5.0), and among
 * those the earliest date. This is what the FAQ shows as "Checked with …" (issue 22).
 */
export function answerVerification(doc: AnswerDocument): StepVerification | null {
  const steps = findNodes(doc, 'kotae-step');
  if (!steps.length || steps.some((s) => !s.verified)) return null;
  return steps
    .map((s) => s.verified!)
    .reduce((a, b) => {
      const byVersion = compareVersions(a.version, b.version);
      return byVersion < 0 || (byVersion === 0 && a.at <= b.at) ? a : b;
    });
}
