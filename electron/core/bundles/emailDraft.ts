import { findNodes, nodeText, resolutionFieldOf, resolutionFields } from '../../../shared/answers/document';
import type { EmailDraft } from '../../../shared/domain/bundle';
import type { BundleContent } from './content';
import { stepCount } from './content';
import { bundleT } from './text';
import { tidyQuotedPunctuation, topicOf, withoutReplyPrefix } from '../../../shared/tracking/letter';

/**
 * A question's subject as the topic of our reply: without "Re:"/"Fwd:"/"ＲＥ：" in front, and
 * without a Japanese ending (…について) that the sentence quoting it says itself.
 */
export function questionTopic(subject: string): string {
  return withoutReplyPrefix(subject) ? topicOf(subject) : '';
}

/**
 * The plain-text e-mail the vendor pastes into their mail program with the bundle attached: the
 * greeting (personalised bundles), how to open the bundle, the resolution summary for a reader who
 * never opens it, the closing template and the vendor's name.
 */
export function emailDraft(content: BundleContent, attachmentName: string): EmailDraft {
  const t = bundleT(content.answer.language);
  const title = content.answer.title;
  // The customer recognises their own question; the answer's title is our name for it.
  const topic = (content.question && questionTopic(content.question.subject)) || title;
  const parts: string[] = [];
  if (content.greeting) parts.push(content.greeting.trim());
  parts.push(tidyQuotedPunctuation(t('email.intro', { title: topic }), content.answer.language));
  parts.push(howToOpen(content, attachmentName));

  const resolution = findNodes(content.answer.doc, 'kotae-resolution')[0];
  if (resolution) {
    const language = content.answer.language;
    const lines = resolutionFields.flatMap((field) => {
      const node = resolutionFieldOf(resolution, field);
      const text = node ? nodeText(node).trim() : '';
      if (!text) return [];
      const label = t(`answers:doc.field.${field}`);
      // Japanese mail marks a heading with ■; English reads a "-" list with the label first.
      // "Fully resolved? Yes." — a label that asks a question takes no colon after it.
      const separator = /[?？]$/.test(label) ? ' ' : ': ';
      return [
        language === 'ja' ? `■ ${label}\n${text}` : `- ${label}${separator}${text.replace(/\n/g, '\n  ')}`,
      ];
    });
    if (lines.length)
      parts.push(`${t('email.summary')}\n\n${lines.join(content.answer.language === 'ja' ? '\n\n' : '\n')}`);
  }
  // The key's fingerprint in every signature (issue 15): the customer compares it with the bundle's.
  const keyLine = content.vendor.fingerprint
    ? t('email.keyFingerprint', { fingerprint: content.vendor.fingerprint })
    : '';
  const signature = [content.vendor.name, content.vendor.email, keyLine].filter(Boolean).join('\n');
  const closing = content.closing?.trim() ?? '';
  // A closing that ends in a sign-off ("Kind regards,") takes the name on the next line.
  if (closing && signature && /[,，]$/.test(closing)) parts.push(`${closing}\n${signature}`);
  else {
    if (closing) parts.push(closing);
    if (signature) parts.push(signature);
  }
  return { subject: t('email.subject', { title }), body: `${parts.join('\n\n')}\n` };
}

/**
 * How to open the bundle, promising only what it holds: ticking off steps when it has steps, videos
 * when it has videos.
 */
function howToOpen(content: BundleContent, attachmentName: string): string {
  const language = content.answer.language;
  const t = bundleT(language);
  const isZip = /\.(zip|kotae)$/i.test(attachmentName);
  const sentences = [t(isZip ? 'email.howToOpen' : 'email.howToOpenFolder', { file: attachmentName })];
  if (stepCount(content.answer.doc) > 0) sentences.push(t('email.tickSteps'));
  if (content.clips.length > 0) sentences.push(t('email.videos', { count: content.clips.length }));
  return sentences.join(language === 'ja' ? '' : ' ');
}

/** The draft as one file in the bundle, so it travels with what was sent. */
export function emailDraftFile(draft: EmailDraft, language: 'ja' | 'en'): string {
  return `${bundleT(language)('dialog.subject')}: ${draft.subject}\n\n${draft.body}`;
}
