import { compareVersions } from '../releases/version';
import {
  findNodes,
  nodeText,
  resolutionFieldOf,
  resolutionFields,
  type AnswerDocument,
  type ResolutionField,
  type StepNode,
  type StepVerification,
} from './document';

// ONE derived state per answer (issue 17): computed once from the document, read by every output
// (app preview, bundle header, FAQ badge, mail draft) so none of them counts steps or compares
// versions on its own and none can disagree with another.

export interface AnswerVerificationState {
  /** Steps in the answer, and how many of them were replayed with a version. */
  total: number;
  verified: number;
  /** Steps reproduction found not to work as written. */
  failed: number;
  /** The oldest and the newest version any step was checked with (null when none was). */
  oldest: StepVerification | null;
  newest: StepVerification | null;
  /**
   * "Checked with …" for the whole answer (issue 22): only when every step was checked, and then
   * with the weakest link, the oldest version (and among equal versions the earliest date).
   */
  checkedWith: StepVerification | null;
}

export interface AnswerCompleteness {
  hasSteps: boolean;
  hasResolution: boolean;
  /** Fields of the resolution summary that are filled in, in the summary's order. */
  filledFields: ResolutionField[];
  missingFields: ResolutionField[];
  /** Every step checked and every field of the summary filled in. */
  complete: boolean;
}

export interface AnswerState {
  verification: AnswerVerificationState;
  completeness: AnswerCompleteness;
  /** Steps number themselves in document order, wherever they sit. */
  stepNumbers: ReadonlyMap<StepNode, number>;
}

/** Older first: by version, then by date. */
function compareChecks(a: StepVerification, b: StepVerification): number {
  return compareVersions(a.version, b.version) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
}

export function answerState(doc: AnswerDocument): AnswerState {
  const steps = findNodes(doc, 'kotae-step');
  const checks = steps.flatMap((s) => (s.verified ? [s.verified] : []));
  const sorted = [...checks].sort(compareChecks);
  const oldest = sorted[0] ?? null;
  const newest = sorted.at(-1) ?? null;
  const verification: AnswerVerificationState = {
    total: steps.length,
    verified: checks.length,
    failed: steps.filter((s) => s.failed).length,
    oldest,
    newest,
    checkedWith: steps.length > 0 && checks.length === steps.length ? oldest : null,
  };
  const summary = findNodes(doc, 'kotae-resolution')[0];
  const filledFields = resolutionFields.filter((f) => {
    const field = summary && resolutionFieldOf(summary, f);
    return !!field && nodeText(field).trim() !== '';
  });
  const completeness: AnswerCompleteness = {
    hasSteps: steps.length > 0,
    hasResolution: !!summary,
    filledFields,
    missingFields: resolutionFields.filter((f) => !filledFields.includes(f)),
    complete: verification.checkedWith !== null && filledFields.length === resolutionFields.length,
  };
  return { verification, completeness, stepNumbers: new Map(steps.map((s, i) => [s, i + 1])) };
}

/** The words of an answer's verification in one line, with the answer's labels. */
export function verificationLine(
  v: AnswerVerificationState,
  t: (key: string, params?: Record<string, string | number>) => string,
): string {
  if (!v.oldest || !v.newest) return t('notVerified');
  const sameVersion = compareVersions(v.oldest.version, v.newest.version) === 0;
  if (v.checkedWith)
    return sameVersion
      ? t('checkedWith', { version: v.checkedWith.version })
      : t('allVerifiedRange', { oldest: v.oldest.version, newest: v.newest.version });
  return sameVersion
    ? t('stepsVerified', { count: v.total, verified: v.verified, version: v.newest.version })
    : t('stepsVerifiedRange', {
        count: v.total,
        verified: v.verified,
        oldest: v.oldest.version,
        newest: v.newest.version,
      });
}
