import { vendorNameIn } from '../../../../shared/domain/faq';
import { verdictSectionHtml } from '../../verdicts';

/**
 * "Did this solve your problem?" on an answer page (issue 22), in the answer's language. An FAQ
 * page answers no particular question: the prepared subject names the answer and its revision,
 * and intake counts the mail only from a customer the answer was sent to or whose question it serves.
 */
export function faqVerdictSection(
  answer: { id: number; revision: number; title: string; language: 'ja' | 'en' },
  vendor: { name: string; nameEn?: string; email: string },
): string {
  return verdictSectionHtml(
    {
      answerId: answer.id,
      revision: answer.revision,
      questionId: null,
      title: answer.title,
      vendorName: vendorNameIn(vendor, answer.language),
      vendorEmail: vendor.email,
      source: 'faq',
    },
    answer.language,
    { prefix: 'faq', buttonClass: ['button', 'button button--quiet'] },
  );
}
