import {
  findNodes,
  nodeText,
  resolutionFields,
  type ElementBase,
  type ResolutionNode,
} from '../../../shared/answers/document';
import type { EmailDraft } from '../../../shared/domain/bundle';
import type { BundleContent } from './content';
import { stepCount } from './content';
import { bundleT } from './text';

// Reply prefixes mail programs put before a subject, in ASCII and full width (ＲＥ：), repeated or
// numbered ("Re[2]:"); the customer's own words after them are kept as written.
const REPLY_PREFIX =
  /^\s*(?:(?:re|fwd?|fw|aw|sv|wg|返信|転送|ｒｅ|ｆｗｄ?|ｆｗ)\s*(?:\[\d+\]|\(\d+\)|［\d+］)?\s*[:：]\s*)+/i;

/** A question's subject as the topic of our reply: without "Re:"/"Fwd:"/"ＲＥ：" in front. */
export function questionTopic(subject: string): string {
  return subject.replace(REPLY_PREFIX, '').trim();
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
  parts.push(t('email.intro', { title: topic }));
  parts.push(howToOpen(content, attachmentName));

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
  // The key's fingerprint in every signature (issue 15): the customer compares it with the bundle's.
  const keyLine = content.vendor.fingerprint
    ? t('email.keyFingerprint', { fingerprint: content.vendor.fingerprint })
    : '';
  const signature = [content.vendor.name, content.vendor.email, keyLine].filter(Boolean).join('\n');
  if (signature) parts.push(signature);
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
