import { verdictSectionHtml } from '../verdicts';
import type { BundleContent } from './content';

/**
 * "Did this solve your problem?" under the answer (issue 22). The tag in the prepared subject names
 * the question the bundle answered, so the verdict finds its way back to it; a decline asks nothing.
 */
export function verdictSection(content: BundleContent): string {
  if (content.answer.kind === 'decline') return '';
  return verdictSectionHtml(
    {
      answerId: content.answer.id,
      revision: content.answer.revision,
      questionId: content.question?.id ?? null,
      title: content.answer.title,
      vendorName: content.vendor.name,
      vendorEmail: content.vendor.email,
      source: 'bundle',
    },
    content.answer.language,
    { prefix: 'kb', buttonClass: ['kb-button', 'kb-button kb-button--quiet'] },
  );
}
