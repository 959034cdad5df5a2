import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../files';

// A draft as a mail file that mail programs open as a new, unsent message (X-Unsent: 1: Outlook,
// Apple Mail and Thunderbird open it in the compose window): what "Open in mail" does when the
// draft is too long for a mailto: link. UTF-8 throughout; the subject as RFC 2047 encoded words,
// the body in base64, so Japanese survives every mail program unchanged.

export interface UnsentMail {
  from?: string | null | undefined;
  to: string | null;
  subject: string;
  body: string;
  date: Date;
}

const MAX_ENCODED_WORD = 75; // RFC 2047 §2
const WORD_OVERHEAD = '=?UTF-8?B??='.length;

/** A header value as encoded words, split between characters so no word breaks a UTF-8 sequence. */
export function encodeHeaderWords(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value) && !value.includes('=?')) return value;
  const maxBytes = Math.floor((MAX_ENCODED_WORD - WORD_OVERHEAD) / 4) * 3;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > maxBytes) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  // Folded: each encoded word on its own continuation line (whitespace between words is dropped).
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** An address header value: only a plain address, never a display name from stored text. */
function address(value: string): string {
  return value.replace(/[\r\n<>",]/g, '').trim();
}

export function unsentEml(mail: UnsentMail): string {
  const body = Buffer.from(mail.body.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  const lines = [
    ...(mail.from ? [`From: ${address(mail.from)}`] : []),
    ...(mail.to ? [`To: ${address(mail.to)}`] : []),
    `Subject: ${encodeHeaderWords(mail.subject.replace(/[\r\n]+/g, ' '))}`,
    `Date: ${mail.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@kotae.invalid>`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(body.match(/.{1,76}/g) ?? []),
    '',
  ];
  return lines.join('\r\n');
}

/**
 * Writes the draft into the temp folder (its own subfolder, a fresh name each time, written whole
 * then renamed into place) and returns the file, for the OS to open with the mail program.
 */
export async function writeUnsentEml(
  mail: UnsentMail,
  folder = path.join(os.tmpdir(), 'kotae-drafts'),
): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `draft-${randomUUID()}.eml`);
  await writeFileAtomic(file, unsentEml(mail));
  return file;
}
