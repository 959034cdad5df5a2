import type { Language } from '../../../shared/domain/common';
import {
  verdictMail,
  type VerdictMail,
  type VerdictMailInput,
  type VerdictTranslate,
} from '../../../shared/verdicts/mail';
import { textIn } from '../i18n';

/**
 * The two messages a bundle page or an FAQ page prepares ("Solved" / "Not yet"), in the page's
 * language; none when the vendor has no address to write to (Settings → vendor e-mail).
 */
export function verdictMails(
  input: VerdictMailInput,
  language: Language,
): { solved: VerdictMail; notYet: VerdictMail } | null {
  if (!input.vendorEmail.trim()) return null;
  const t = textIn(language, 'followUp') as unknown as VerdictTranslate;
  return { solved: verdictMail(input, 'solved', t), notYet: verdictMail(input, 'not_yet', t) };
}
