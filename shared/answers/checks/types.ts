import type { CheckFinding, CheckRules, TechnicalLevel } from '../../domain/checks';
import type { ScopeVerdict } from '../../domain/status';
import type { AnswerDocument } from '../document';

export interface CheckInput {
  doc: AnswerDocument;
  kind: 'answer' | 'decline';
  language: 'ja' | 'en';
  /** The questions the answer serves, with their scope verdicts and customers' technical level. */
  questions: {
    id: number;
    subject: string;
    scopeVerdict: ScopeVerdict | null;
    technicalLevel: TechnicalLevel | null;
  }[];
  mediaExists: (sha256: string) => boolean;
  clipExists: (clipId: number) => boolean;
  rules: CheckRules;
}

export type Finding = CheckFinding;

export function finding(
  category: Finding['category'],
  severity: Finding['severity'],
  code: string,
  block: number | null,
  params: Finding['params'] = {},
  discriminator = '',
): Finding {
  return { id: `${code}:${block ?? '-'}:${discriminator}`, category, severity, code, params, block };
}
