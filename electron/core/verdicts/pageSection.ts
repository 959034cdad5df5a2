import { escapeHtml as e } from '../../../shared/answers/renderHtml';
import type { Language } from '../../../shared/domain/common';
import type { VerdictMail, VerdictMailInput } from '../../../shared/verdicts/mail';
import { textIn } from '../i18n';
import { verdictMails } from './pageMail';

// "Did this solve your problem?" on a bundle page and on each FAQ page (issue 22): two links that
// open the customer's mail program with the prepared message (mailto:, nothing is fetched), and,
// for a computer with no mail program, the address, subject and text to copy. Works without
// script; the bundle viewer opens the copy panel when a button is pressed. One builder for both
// pages, which differ only in their class names.

export interface VerdictSectionOptions {
  /** Class prefix of the page: 'kb' (bundle) or 'faq' (site). */
  prefix: 'kb' | 'faq';
  /** Classes of the page's buttons: primary and secondary. */
  buttonClass: [string, string];
}

function copyBlock(mail: VerdictMail, title: string, t: (key: string) => string, prefix: string): string {
  return `<div class="${prefix}-verdict__text" data-verdict-text="${mail.verdict}">
<h3>${e(title)}</h3>
<dl>
<dt>${e(t('page.to'))}</dt><dd><code>${e(mail.to)}</code></dd>
<dt>${e(t('page.subject'))}</dt><dd><code>${e(mail.subject)}</code></dd>
<dt>${e(t('page.body'))}</dt><dd><pre>${e(mail.body)}</pre></dd>
</dl>
</div>`;
}

/** The section's HTML, in the answer's language; '' when the vendor has no address to write to. */
export function verdictSectionHtml(
  input: VerdictMailInput,
  language: Language,
  options: VerdictSectionOptions,
): string {
  const mails = verdictMails(input, language);
  if (!mails) return '';
  const t = textIn(language, 'followUp') as unknown as (
    key: string,
    params?: Record<string, unknown>,
  ) => string;
  const p = options.prefix;
  const [primary, secondary] = options.buttonClass;
  return `<section class="${p}-verdict" id="verdict" aria-labelledby="${p}-verdict-h" lang="${e(language)}" data-testid="verdict">
<h2 id="${p}-verdict-h">${e(t('page.question'))}</h2>
<p class="${p}-verdict__hint">${e(t('page.hint', { vendor: input.vendorName || input.vendorEmail }))}</p>
<p class="${p}-verdict__buttons">
<a class="${primary}" href="${e(mails.solved.url)}" data-verdict="solved">${e(t('page.solved'))}</a>
<a class="${secondary}" href="${e(mails.notYet.url)}" data-verdict="not_yet">${e(t('page.notYet'))}</a>
</p>
<details class="${p}-verdict__copy" id="${p}-verdict-copy">
<summary>${e(t('page.noMailProgram'))}</summary>
<p>${e(t('page.noMailProgramText'))}</p>
${copyBlock(mails.solved, t('page.solved'), t, p)}
${copyBlock(mails.notYet, t('page.notYet'), t, p)}
</details>
</section>`;
}
