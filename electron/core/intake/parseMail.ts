import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { RejectReason } from '../../../shared/api/intake';
import { intakeLimits, type IntakeLimits } from './limits';
import { normaliseContentId } from './sanitize';

// One raw message → what the library keeps of it. MIME, charsets (ISO-2022-JP, Shift_JIS, …) and
// transfer encodings are mailparser's job; this file only decides what is acceptable.

export interface MailAttachment {
  /** A bare file name: never a path (`../../x` becomes `x`), never empty. */
  fileName: string;
  mime: string;
  content: Buffer;
  contentId: string | null;
  inline: boolean;
}

export interface ParsedMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromName: string;
  /** Lower case: customers are matched by address, case-insensitively. */
  fromAddress: string;
  toAddresses: string[];
  subject: string;
  sentAt: string;
  text: string;
  /** The HTML part as sent (unsanitised: sanitising needs the stored inline images). */
  html: string | null;
  attachments: MailAttachment[];
  contentHash: string;
}

export class MailRejected extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** `<a@b>` → `a@b`; Message-IDs are compared without their brackets (or a trailing comment). */
export function normaliseMessageId(value: string | undefined | null): string | null {
  const raw = (value ?? '').trim();
  const bracketed = /<([^<>\s]+)>/.exec(raw)?.[1];
  const id = (bracketed ?? raw.replace(/^<+|>+$/g, '')).trim();
  return id && id.length <= 998 && !/\s/.test(id) ? id : null;
}

/** Same message, same hash, whether it came from an .eml (CRLF) or an mbox (LF). */
export function contentHash(raw: Buffer): string {
  const text = raw.toString('latin1').replace(/\r\n/g, '\n').replace(/\s+$/, '');
  return createHash('sha256').update(text, 'latin1').digest('hex');
}

/** A name for the file manager and the UI only: files are stored by hash, never by this name. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return clean || fallback;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '').filter(Boolean)).slice(0, 100);
}

function safeMime(type: string | undefined): string {
  const mime = (type ?? '').toLowerCase();
  return /^[a-z]+\/[a-z0-9.+-]+$/.test(mime) ? mime : 'application/octet-stream';
}

/** A multipart mail whose final boundary never came was cut off in transit or on disk. */
function isTruncated(mail: ParsedMail, raw: Buffer): boolean {
  const type = mail.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const boundary = type?.value?.startsWith('multipart/') ? type.params?.boundary : undefined;
  return !!boundary && !raw.includes(`--${boundary}--`);
}

export async function parseMail(raw: Buffer, limits: IntakeLimits = intakeLimits): Promise<ParsedMessage> {
  if (raw.length === 0 || raw.toString('latin1').trim() === '') throw new MailRejected('empty', '0 bytes');
  if (raw.length > limits.maxMessageBytes)
    throw new MailRejected('tooLarge', `${raw.length} bytes (limit ${limits.maxMessageBytes})`);
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, {
      keepCidLinks: true,
      skipTextToHtml: true,
      maxHtmlLengthToParse: limits.maxHtmlChars,
    });
  } catch (err) {
    throw new MailRejected('notMail', err instanceof Error ? err.message : String(err));
  }
  const known = ['from', 'subject', 'message-id', 'date'].filter((h) => mail.headers.has(h));
  if (known.length === 0) throw new MailRejected('notMail', 'no From, Subject, Message-ID or Date header');
  if (isTruncated(mail, raw)) throw new MailRejected('truncated', 'the final MIME boundary is missing');
  if (mail.attachments.length > limits.maxAttachments)
    throw new MailRejected(
      'tooManyAttachments',
      `${mail.attachments.length} (limit ${limits.maxAttachments})`,
    );

  const from = mail.from?.value[0];
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : new Date();
  const refs = Array.isArray(mail.references)
    ? mail.references
    : mail.references
      ? mail.references.split(/\s+/)
      : [];
  let text = mail.text ?? '';
  if (text.length > limits.maxTextChars) text = `${text.slice(0, limits.maxTextChars)}\n[…]`;
  const html = typeof mail.html === 'string' && mail.html.length <= limits.maxHtmlChars ? mail.html : null;
  return {
    messageId: normaliseMessageId(mail.messageId),
    inReplyTo: normaliseMessageId(mail.inReplyTo),
    references: refs
      .map(normaliseMessageId)
      .filter((r): r is string => r !== null)
      .slice(-100),
    fromName: (from?.name ?? '').slice(0, 200),
    fromAddress: (from?.address ?? '').trim().toLowerCase().slice(0, 320),
    toAddresses: addresses(mail.to),
    subject: (mail.subject ?? '').replace(/\s+/g, ' ').trim().slice(0, limits.maxSubjectChars),
    sentAt: date.toISOString(),
    text,
    html,
    attachments: mail.attachments.map((a, i) => ({
      fileName: safeFileName(a.filename, `attachment-${i + 1}`),
      mime: safeMime(a.contentType),
      content: a.content,
      contentId: a.contentId ? normaliseContentId(a.contentId) : a.cid ? normaliseContentId(a.cid) : null,
      inline: a.contentDisposition === 'inline' || (!!a.related && !!a.contentId),
    })),
    contentHash: contentHash(raw),
  };
}
