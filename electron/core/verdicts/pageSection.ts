import { html, type Html } from '../../../shared/html/html';
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

function copyBlock(mail: VerdictMail, title: string, t: (key: string) => string, prefix: string): Html {
  return html`<div class="${prefix}-verdict__text" data-verdict-text="${mail.verdict}">
<h3>${title}</h3>
<dl>
<dt>${t('page.to')}</dt><dd><code>${mail.to}</code></dd>
<dt>${t('page.subject')}</dt><dd><code>${mail.subject}</code></dd>
<dt>${t('page.body')}</dt><dd><pre>${mail.body}</pre></dd>
</dl>
</div>`;
}

/** The section's HTML, in the answer's language; null when the vendor has no address to write to. */
export function verdictSectionHtml(
  input: VerdictMailInput,
  language: Language,
  options: VerdictSectionOptions,
): Html | null {
  const mails = verdictMails(input, language);
  if (!mails) return null;
  const t = textIn(language, 'followUp') as unknown as (
    key: string,
    params?: Record<string, unknown>,
  ) => string;
  const p = options.prefix;
  const [primary, secondary] = options.buttonClass;
  return html`<section class="${p}-verdict" id="verdict" aria-labelledby="${p}-verdict-h" lang="${language}" data-testid="verdict">
<h2 id="${p}-verdict-h">${t('page.question')}</h2>
<p class="${p}-verdict__hint">${t('page.hint', { vendor: input.vendorName || input.vendorEmail })}</p>
<p class="${p}-verdict__buttons">
<a class="${primary}" href="${mails.solved.url}" data-verdict="solved">${t('page.solved')}</a>
<a class="${secondary}" href="${mails.notYet.url}" data-verdict="not_yet">${t('page.notYet')}</a>
</p>
<details class="${p}-verdict__copy" id="${p}-verdict-copy">
<summary>${t('page.noMailProgram')}</summary>
<p>${t('page.noMailProgramText')}</p>
${copyBlock(mails.solved, t('page.solved'), t, p)}
${copyBlock(mails.notYet, t('page.notYet'), t, p)}
</details>
</section>`;
}
