import type {
  CheckCategory,
  CheckFinding,
  CheckRules,
  CheckSeverity,
  TechnicalLevel,
} from '../../domain/checks';
import { documentOf, paragraph } from '../document';
import { completenessFindings } from './completeness';
import { scopeFindings } from './scope';
import { textBlocks } from './text';
import { jargonFindings, readerLevel, toneFindings } from './tone';
import type { CheckInput } from './types';

// The answer checks: pure functions of the document and its context, so the editor shows them
// live, and `kotae check` and the send/publish steps print exactly the same findings.

export type { CheckInput } from './types';
export { readerLevel } from './tone';
export { normalizeForRules, phraseMatcher } from './phrases';

const severityOrder: Record<CheckSeverity, number> = { error: 0, warning: 1 };

export function checkAnswer(input: CheckInput): CheckFinding[] {
  const blocks = textBlocks(input.doc);
  const rules = input.rules[input.language];
  const level = readerLevel(input.questions.map((q) => q.technicalLevel));
  const findings = [
    ...completenessFindings(input),
    ...toneFindings(blocks, rules),
    ...jargonFindings(blocks, rules, level),
    ...scopeFindings(input),
  ];
  // Document order within a severity, so the list reads top to bottom like the answer.
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        severityOrder[a.f.severity] - severityOrder[b.f.severity] ||
        (a.f.block ?? -1) - (b.f.block ?? -1) ||
        a.i - b.i,
    )
    .map(({ f }) => f);
}

/**
 * The words of a plain-text message to a customer (a status mail, a decline) through the same tone
 * and jargon rules as an answer: a message has no steps to check, but it must not blame, argue or
 * talk down either. Paragraphs are the blank-line separated parts.
 */
export function checkMessage(
  text: string,
  language: 'ja' | 'en',
  rules: CheckRules,
  level: TechnicalLevel | null = null,
): CheckFinding[] {
  const paragraphs = text.split(/\n[ \t]*\n/).filter((p) => p.trim());
  const blocks = textBlocks(documentOf(paragraphs.map((p) => paragraph(p))));
  return [...toneFindings(blocks, rules[language]), ...jargonFindings(blocks, rules[language], level)];
}

export function countFindings(findings: CheckFinding[]): Record<CheckSeverity, number> {
  return {
    error: findings.filter((f) => f.severity === 'error').length,
    warning: findings.filter((f) => f.severity === 'warning').length,
  };
}

export function findingsByCategory(findings: CheckFinding[]): Record<CheckCategory, CheckFinding[]> {
  const out: Record<CheckCategory, CheckFinding[]> = { completeness: [], tone: [], jargon: [], scope: [] };
  for (const f of findings) out[f.category].push(f);
  return out;
}

/** A translator, as i18next's `t` (the app) or the CLI's instance provides it. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The finding in words: what is wrong, and a plain explanation of why and what to do. */
export function findingText(f: CheckFinding, t: Translate): { message: string; explanation: string } {
  const params: Record<string, unknown> = { ...f.params };
  if (typeof f.params.field === 'string') params.field = t(`checks:field.${f.params.field}`);
  if (typeof f.params.level === 'string') params.level = t(`checks:level.${f.params.level}`);
  const message = t(`checks:finding.${f.code}.message`, params);
  let explanation = t(`checks:finding.${f.code}.explain`, params);
  // Japanese sentences follow each other without a space.
  const append = (more: string) => {
    explanation += /[。！？」）]$/.test(explanation) ? more : ` ${more}`;
  };
  if (typeof f.params.advice === 'string' && f.params.advice) append(f.params.advice);
  if (f.code === 'jargon' && typeof f.params.plain === 'string' && f.params.plain)
    append(t('checks:plainWords', { plain: f.params.plain }));
  return { message, explanation };
}
