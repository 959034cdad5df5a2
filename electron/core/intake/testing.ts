// Test mails, written out as text: what a mail client would send. (Writing a mail is not parsing
// one; the parsing under test is mailparser's.)

export interface TestAttachment {
  name: string;
  type: string;
  /** Already base64 (possibly broken on purpose), or bytes to encode. */
  base64?: string;
  data?: Buffer;
  cid?: string;
  inline?: boolean;
}

export interface TestMail {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string | null;
  inReplyTo?: string;
  references?: string;
  date?: string;
  text?: string;
  html?: string;
  attachments?: TestAttachment[];
  /** Extra raw header lines. */
  headers?: string[];
  /** Leave out the closing MIME boundary (a mail cut off in transit). */
  truncate?: boolean;
}

let counter = 0;

export function testMail(m: TestMail = {}): string {
  counter++;
  const head = [
    `From: ${m.from ?? 'Taro Yamada <taro@example.jp>'}`,
    `To: ${m.to ?? 'support@vendor.example'}`,
    `Subject: ${m.subject ?? 'Cannot publish my site'}`,
    `Date: ${m.date ?? 'Mon, 23 Nov 2026 09:00:00 +0900'}`,
    ...(m.messageId === null
      ? []
      : [`Message-ID: <${m.messageId ?? `m${counter}.${Date.now()}@example.jp`}>`]),
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`] : []),
    ...(m.references ? [`References: ${m.references}`] : []),
    'MIME-Version: 1.0',
    ...(m.headers ?? []),
  ];
  const text = m.text ?? 'Hello,\r\nthe publish button does nothing.\r\n';
  if (!m.html && !m.attachments?.length) {
    return [
      ...head,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      text,
    ].join('\r\n');
  }
  const boundary = `b-${counter}`;
  const parts: string[] = [
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${text}`,
  ];
  if (m.html)
    parts.push(
      `--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${m.html}`,
    );
  for (const a of m.attachments ?? []) {
    const b64 = a.base64 ?? (a.data ?? Buffer.alloc(0)).toString('base64').replace(/.{76}/g, '$&\r\n');
    parts.push(
      [
        `--${boundary}`,
        `Content-Type: ${a.type}; name="${a.name}"`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: ${a.inline ? 'inline' : 'attachment'}; filename="${a.name}"`,
        ...(a.cid ? [`Content-ID: <${a.cid}>`] : []),
        '',
        b64,
      ].join('\r\n'),
    );
  }
  const kind = m.html && !m.attachments?.length ? 'alternative' : 'mixed';
  return [
    ...head,
    `Content-Type: multipart/${kind}; boundary="${boundary}"`,
    '',
    parts.join('\r\n') + (m.truncate ? '' : `\r\n--${boundary}--\r\n`),
  ].join('\r\n');
}

/** An mbox (mboxrd) of these mails: "From " separators, body lines "From …" quoted as ">From …". */
export function testMbox(mails: string[]): string {
  return mails
    .map((raw) => {
      const body = raw.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      return `From taro@example.jp Mon Nov 23 09:00:00 2026\n${body}\n`;
    })
    .join('\n');
}

/** A 1×1 PNG. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export { splitMbox } from './mbox';
