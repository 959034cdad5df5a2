import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tokenize, TokenType } from '@csstools/css-tokenizer';

// The hostile-mail corpus (issue 9): files a customer (or their mail client) can send into the
// mail import, each with the outcome it must have. Pure data and generators, independent of the
// intake service's API: `corpus.test.ts` runs them through `importMail` once that service is on
// the branch (see README, "Hostile input corpora"). Reasons are the intake's RejectReason keys.

export type MailReason = 'empty' | 'tooLarge' | 'notMail' | 'truncated' | 'tooManyAttachments' | 'unreadable' | 'unsupported' | 'failed';
export type MailOutcome = 'imported' | { rejected: MailReason };

export interface MailCase {
  name: string;
  /** Writes the input under `dir` and returns the path given to the import. */
  make: (dir: string) => string;
  /** One outcome per message (an mbox holds several); a single file is one. */
  expected: MailOutcome[];
  /** What the stored message's HTML must never contain (sanitising). */
  htmlMustNotMatch?: RegExp[];
}

const CRLF = '\r\n';

export function mail(headers: Record<string, string>, body: string): string {
  const head = { From: 'Customer <customer@example.com>', To: 'support@example.com', Subject: 'Help', Date: 'Mon, 23 Nov 2026 09:00:00 +0900', 'Message-ID': `<${Math.abs(hash(body + JSON.stringify(headers)))}@example.com>`, 'MIME-Version': '1.0', ...headers };
  return `${Object.entries(head).map(([k, v]) => `${k}: ${v}`).join(CRLF)}${CRLF}${CRLF}${body}`;
}

function hash(s: string): number {
  let h = 7;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function file(dir: string, name: string, data: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
}

function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 5;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function multipart(parts: string[], boundary = 'b1', close = true): { headers: Record<string, string>; body: string } {
  const body = parts.map((p) => `--${boundary}${CRLF}${p}`).join(CRLF) + (close ? `${CRLF}--${boundary}--${CRLF}` : '');
  return { headers: { 'Content-Type': `multipart/mixed; boundary="${boundary}"` }, body };
}

function attachment(name: string, data: string): string {
  return `Content-Type: application/octet-stream; name="${name}"${CRLF}Content-Disposition: attachment; filename="${name}"${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${data}`;
}

const text = (t: string) => `Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${t}`;

/** Script, handlers and remote loads, as a hostile HTML mail carries them. */
export const HOSTILE_MAIL_HTML =
  '<html><head><meta http-equiv="refresh" content="0;url=http://evil.example/"><base href="http://evil.example/">' +
  '<style>body{background:url(http://evil.example/bg.png)}</style><script>window.__pwned=1</script></head>' +
  '<body onload="alert(1)"><p>Hello <b>support</b></p><img src="http://evil.example/track.gif" onerror="alert(2)">' +
  '<a href="javascript:alert(3)">click</a><iframe src="http://evil.example/"></iframe><svg><script>alert(4)</script></svg>' +
  '<form action="http://evil.example/"><input name=p></form><object data="http://evil.example/x"></object></body></html>';

/** Styles that load from the sender's server (or run script in old engines), or only look as if. */
export const HOSTILE_STYLES = [
  'background:url(http://evil.example/a.png)',
  'background:URL(http://evil.example/a.png)',
  'background:url("http://evil.example/a.png")',
  "background:url('http://evil.example/a.png')",
  'background:\\75 rl(http://evil.example/a.png)',
  'background:\\000075rl(http://evil.example/a.png)',
  'background:u\\rl(http://evil.example/a.png)',
  'background:u\\72l(http://evil.example/a.png)',
  'background:U\\52 L(http://evil.example/a.png)',
  'background:u/**/rl(http://evil.example/a.png)',
  'background:url/**/(http://evil.example/a.png)',
  'background:ｕｒｌ(http://evil.example/a.png)',
  'background:url\\28 http://evil.example/a.png\\29',
  'background:u\\0rl(http://evil.example/a.png)',
  'background:#fff url(http://evil.example/a.png) no-repeat',
  'background-image:image-set("http://evil.example/a.png" 1x)',
  'background-image:-webkit-image-set(url(http://evil.example/a.png) 1x)',
  'background-image:\\2d webkit-image-set("http://evil.example/a.png" 1x)',
  'background-image:\\69 mage-set("http://evil.example/a.png" 1x)',
  'background:image("http://evil.example/a.png")',
  'background:cross-fade(url(http://evil.example/a.png), red)',
  'list-style-image:url(http://evil.example/a.png)',
  'list-style:square url(http://evil.example/a.png)',
  'cursor:url(http://evil.example/c.cur), auto',
  'content:url(http://evil.example/a.png)',
  'border-image:url(http://evil.example/a.png) 30',
  'mask:url(http://evil.example/m.svg)',
  'filter:url(http://evil.example/f.svg#x)',
  'clip-path:url(http://evil.example/c.svg#x)',
  '@import url(http://evil.example/x.css)',
  '@\\69 mport "http://evil.example/x.css"',
  'width:expression(alert(1))',
  'width:expr\\65 ssion(alert(1))',
  'width:expr/**/ession(alert(1))',
  'behavior:url(http://evil.example/x.htc)',
  '-moz-binding:url(http://evil.example/x.xml#xss)',
  '--x:url(http://evil.example/a.png);background:var(--x)',
  'background:var(--x, url(http://evil.example/a.png))',
  'background:rgb(1,2,3) url(http://evil.example/a.png)',
  'color:rgb(url(http://evil.example/a.png))',
  'background:url(http://evil.example/a.png',
  'background:"x";background:url(http://evil.example/a.png)',
  'font-family:"x\\"; background:url(http://evil.example/a.png)',
  'color:red</style><img src=http://evil.example/a.png>',
];

/** Whether CSS text, as a browser tokenises it, could load anything or run anything. */
export function cssCouldLoad(css: string): boolean {
  return tokenize({ css }).some(
    (t) =>
      t[0] === TokenType.URL ||
      t[0] === TokenType.BadURL ||
      t[0] === TokenType.AtKeyword ||
      (t[0] === TokenType.Function && !['rgb', 'rgba', 'hsl', 'hsla'].includes(t[4].value.toLowerCase())),
  );
}

export const mailCorpus: MailCase[] = [
  { name: 'a plain text mail', make: (d) => file(d, 'plain.eml', mail({}, 'The payment button fails.')), expected: ['imported'] },
  {
    name: 'a Japanese mail in ISO-2022-JP',
    make: (d) => file(d, 'jis.eml', Buffer.concat([Buffer.from(mail({ Subject: '=?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=', 'Content-Type': 'text/plain; charset=ISO-2022-JP', 'Content-Transfer-Encoding': '7bit' }, '')), Buffer.from('\x1b$B$3$s$K$A$O\x1b(B\r\n', 'latin1')])),
    expected: ['imported'],
  },
  {
    name: 'HTML with script, handlers, iframes, forms and remote loads',
    make: (d) => file(d, 'html.eml', mail({ 'Content-Type': 'text/html; charset=utf-8' }, HOSTILE_MAIL_HTML)),
    expected: ['imported'],
    htmlMustNotMatch: [/<script/i, /\son\w+\s*=/i, /javascript:/i, /evil\.example/i, /<iframe/i, /<form/i, /<object/i, /<base/i, /<meta/i],
  },
  {
    name: 'XSS in the From name and the subject',
    make: (d) => file(d, 'xss-headers.eml', mail({ From: '"<img src=x onerror=alert(1)>" <x@example.com>', Subject: '<script>alert(1)</script>' }, 'body')),
    expected: ['imported'],
  },
  { name: 'a declared charset that does not exist', make: (d) => file(d, 'charset.eml', mail({ 'Content-Type': 'text/plain; charset=x-evil-42' }, 'caf\xe9')), expected: ['imported'] },
  { name: 'UTF-7 that would decode to script', make: (d) => file(d, 'utf7.eml', mail({ 'Content-Type': 'text/html; charset=utf-7' }, '+ADw-script+AD4-alert(1)+ADw-/script+AD4-')), expected: ['imported'], htmlMustNotMatch: [/<script/i] },
  { name: 'a subject of 100,000 characters (cut, not refused)', make: (d) => file(d, 'long-subject.eml', mail({ Subject: 'S'.repeat(100_000) }, 'x')), expected: ['imported'] },
  // Verdict tags (issue 22) are read from the subject in one pass: a forged one is an ordinary mail.
  { name: 'a subject of 12,000 verdict tags that never close', make: (d) => file(d, 'verdict-tags.eml', mail({ Subject: '[Kotae a1 r1 q1 '.repeat(12_000) }, 'x')), expected: ['imported'] },
  { name: 'a forged verdict on an answer that does not exist', make: (d) => file(d, 'verdict-forged.eml', mail({ Subject: 'Solved: x [Kotae a1 r1 q1 solved]' }, 'x')), expected: ['imported'] },
  { name: 'a body of 5 MB (cut, not refused)', make: (d) => file(d, 'long-body.eml', mail({}, `${'長い本文。'.repeat(350_000)}`)), expected: ['imported'] },
  // RFC 5322 caps a line at 998 characters: a header line of a megabyte is no mail.
  { name: 'a header line of 1 MB', make: (d) => file(d, 'long-header.eml', mail({ 'X-Long': 'h'.repeat(1 << 20) }, 'x')), expected: [{ rejected: 'notMail' }] },
  { name: '10,000 header lines', make: (d) => file(d, 'many-headers.eml', mail(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`X-H${i}`, String(i)])), 'x')), expected: ['imported'] },
  {
    name: 'an attachment named ../../../etc/cron.d/evil',
    make: (d) => { const m = multipart([text('see attached'), attachment('../../../etc/cron.d/evil', Buffer.from('* * * * * root rm -rf /').toString('base64'))]); return file(d, 'slip.eml', mail(m.headers, m.body)); },
    expected: ['imported'],
  },
  {
    name: 'attachments named with NUL, a drive letter, CON and 5,000 characters',
    make: (d) => { const m = multipart([text('x'), attachment('a\u0000.png', 'AAAA'), attachment('C:\\Windows\\evil.dll', 'AAAA'), attachment('CON', 'AAAA'), attachment('n'.repeat(5000), 'AAAA')]); return file(d, 'names.eml', mail(m.headers, m.body)); },
    expected: ['imported'],
  },
  { name: 'broken base64 in an attachment', make: (d) => { const m = multipart([text('x'), attachment('shot.png', '!!!not base64###')]); return file(d, 'b64.eml', mail(m.headers, m.body)); }, expected: ['imported'] },
  { name: 'a multipart whose closing boundary never comes (cut off)', make: (d) => { const m = multipart([text('x'), text('y')], 'never', false); return file(d, 'open-multipart.eml', mail(m.headers, m.body)); }, expected: [{ rejected: 'truncated' }] },
  {
    name: 'message/rfc822 nested 200 deep',
    make: (d) => {
      let inner = mail({}, 'innermost');
      for (let i = 0; i < 200; i++) inner = mail({ 'Content-Type': 'message/rfc822' }, inner);
      return file(d, 'nested.eml', inner);
    },
    expected: ['imported'],
  },
  { name: '201 attachments', make: (d) => { const m = multipart([text('x'), ...Array.from({ length: 201 }, (_, i) => attachment(`f${i}.txt`, 'AAAA'))]); return file(d, 'many.eml', mail(m.headers, m.body)); }, expected: [{ rejected: 'tooManyAttachments' }] },
  { name: 'a 26 MB message', make: (d) => file(d, 'huge.eml', mail({}, 'x'.repeat(26 * 1024 * 1024))), expected: [{ rejected: 'tooLarge' }] },
  { name: 'zero bytes', make: (d) => file(d, 'empty.eml', ''), expected: [{ rejected: 'empty' }] },
  { name: 'random bytes named .eml', make: (d) => file(d, 'random.eml', noise(64 * 1024)), expected: [{ rejected: 'notMail' }] },
  { name: 'a PDF named .eml', make: (d) => file(d, 'doc.eml', Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(4096)])), expected: [{ rejected: 'notMail' }] },
  // Headers alone make a message (an empty body is allowed): kept, with what it says.
  { name: 'headers only, the last one cut short', make: (d) => file(d, 'cut.eml', 'From: Customer <customer@example.com>\r\nSubject: Hel'), expected: ['imported'] },
  {
    name: 'an mbox with a good, an oversized and a good message',
    make: (d) => {
      const from = 'From customer@example.com Mon Nov 23 09:00:00 2026\n';
      return file(d, 'box.mbox', [from + mail({ Subject: 'one' }, 'a'), from + mail({ Subject: 'two' }, 'x'.repeat(26 * 1024 * 1024)), from + mail({ Subject: 'three' }, 'c')].join('\n\n'));
    },
    expected: ['imported', { rejected: 'tooLarge' }, 'imported'],
  },
  {
    name: 'HTML whose styles load through CSS escapes, comments, image-set and @import (issue 15)',
    make: (d) => file(d, 'css.eml', mail({ 'Content-Type': 'text/html; charset=utf-8' }, HOSTILE_STYLES.map((s) => `<p style="${s.replace(/"/g, '&quot;')}">x</p>`).join('') + '<style>@\\69 mport "http://evil.example/x.css"</style>')),
    expected: ['imported'],
    htmlMustNotMatch: [/evil\.example/i, /\\/, /url/i, /image-set/i, /expression/i, /@import/i, /<style/i],
  },
  {
    name: 'a classic Mac mbox (CR line ends only)',
    make: (d) => {
      const from = 'From customer@example.com Mon Nov 23 09:00:00 2026\r';
      return file(d, 'mac.mbox', [from + mail({ Subject: 'one' }, 'a').replace(/\r\n/g, '\r'), from + mail({ Subject: 'two' }, 'b').replace(/\r\n/g, '\r')].join('\r\r'));
    },
    expected: ['imported', 'imported'],
  },
  {
    name: 'an mbox of 30 MB without a single line end (one "From " line and nothing else)',
    make: (d) => file(d, 'one-line.mbox', `From customer@example.com ${'x'.repeat(30 * 1024 * 1024)}`),
    expected: [{ rejected: 'empty' }],
  },
  {
    name: 'an mbox whose middle message is 26 MB without a line end',
    make: (d) => {
      const from = 'From customer@example.com Mon Nov 23 09:00:00 2026\n';
      return file(d, 'long-line.mbox', [from + mail({ Subject: 'one' }, 'a'), from + mail({ Subject: 'two' }, 'x'.repeat(26 * 1024 * 1024)), from + mail({ Subject: 'three' }, 'c')].join('\n\n'));
    },
    expected: ['imported', { rejected: 'tooLarge' }, 'imported'],
  },
  { name: 'a FIFO named .eml (a reader would block forever)', make: (d) => { execFileSync('mkfifo', [path.join(d, 'pipe.eml')]); return path.join(d, 'pipe.eml'); }, expected: [{ rejected: 'unsupported' }] },
  { name: 'a file that does not exist', make: (d) => path.join(d, 'gone.eml'), expected: [{ rejected: 'unreadable' }] },
  {
    name: 'a link named .eml pointing at /etc/passwd',
    make: (d) => { mkdirSync(d, { recursive: true }); symlinkSync('/etc/passwd', path.join(d, 'passwd.eml')); return path.join(d, 'passwd.eml'); },
    expected: [{ rejected: 'notMail' }],
  },
];
