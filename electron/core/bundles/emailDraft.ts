import {
  findNodes,
  nodeText,
  resolutionFields,
  type ElementBase,
  type ResolutionNode,
} from '../../../shared/answers/document';
import type { EmailDraft } from '../../../shared/domain/bundle';
import type { BundleContent } from './content';
import { bundleT } from './text';

/**
 * The plain-text e-mail the vendor pastes into their mail program with the bundle attached: the
 * greeting (personalised bundles), how to open the bundle, the resolution summary for a reader who
 * never opens it, the closing template and the vendor's name.
 */
export function emailDraft(content: BundleContent, attachmentName: string): EmailDraft {
  const t = bundleT(content.answer.language);
  const title = content.answer.title;
  const parts: string[] = [];
  if (content.greeting) parts.push(content.greeting.trim());
  parts.push(t('email.intro', { title }));
  const isZip = /\.(zip|kotae)$/i.test(attachmentName);
  parts.push(t(isZip ? 'email.howToOpen' : 'email.howToOpenFolder', { file: attachmentName }));

  const resolution = findNodes<ResolutionNode>(content.answer.doc, 'kotae-resolution')[0];
  if (resolution) {
    const lines = resolutionFields.flatMap((field) => {
      const node = resolution.children.find((c) => (c as ElementBase & { field?: string }).field === field);
      const text = node ? nodeText(node).trim() : '';
      return text ? [`■ ${t(`answers:doc.field.${field}`)}\n${text}`] : [];
    });
    if (lines.length) parts.push(`${t('email.summary')}\n\n${lines.join('\n\n')}`);
  }
  if (content.closing) parts.push(content.closing.trim());
  const signature = [content.vendor.name, content.vendor.email].filter(Boolean).join('\n');
  if (signature) parts.push(signature);
  return { subject: t('email.subject', { title }), body: `${parts.join('\n\n')}\n` };
}

/** The draft as one file in the bundle, so it travels with what was sent. */
export function emailDraftFile(draft: EmailDraft, language: 'ja' | 'en'): string {
  return `${bundleT(language)('dialog.subject')}: ${draft.subject}\n\n${draft.body}`;
}
