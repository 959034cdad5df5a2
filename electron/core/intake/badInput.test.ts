import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../library';
import { useTempDir } from '../testing';
import { importMail } from './importMail';
import { intakeLimits } from './limits';
import { PIXEL_PNG, testMail, testMbox } from './testing';
import { questionThread } from './thread';

const tempDir = useTempDir();

function setup() {
  const dir = tempDir();
  const library = createLibrary(path.join(dir, 'lib'));
  const write = (name: string, raw: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, raw);
    return file;
  };
  return { library, dir, write };
}

function onlyThread(library: Library) {
  const { id } = library.db.prepare('SELECT id FROM questions ORDER BY id DESC LIMIT 1').get() as {
    id: number;
  };
  return questionThread(library.db, id);
}

/**
 * ISO-2022-JP bytes of a text of JIS X 0208 characters. iconv-lite cannot encode it, but its EUC-JP
 * bytes are the same code points with the high bit set: clear it between the two escapes.
 */
function iso2022jp(text: string): Buffer {
  const euc = iconv.encode(text, 'EUC-JP');
  return Buffer.concat([
    Buffer.from('\x1b$B', 'latin1'),
    Buffer.from(euc.map((b) => b & 0x7f)),
    Buffer.from('\x1b(B', 'latin1'),
  ]);
}

describe('charsets', () => {
  it('decodes ISO-2022-JP headers and body', async () => {
    const { library, write } = setup();
    const subject = `=?ISO-2022-JP?B?${iso2022jp('サイトが公開できません').toString('base64')}?=`;
    const from = `=?ISO-2022-JP?B?${iso2022jp('山田太郎').toString('base64')}?= <taro@example.jp>`;
    const raw = Buffer.concat([
      Buffer.from(
        `From: ${from}\r\nTo: s@v.example\r\nSubject: ${subject}\r\nMessage-ID: <jis@x>\r\nDate: Mon, 23 Nov 2026 09:00:00 +0900\r\n` +
          'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n',
      ),
      iso2022jp('公開ボタンを押しても何も起きません。'),
      Buffer.from('\r\n'),
    ]);
    expect((await importMail(library, [write('jis.eml', raw)])).imported).toBe(1);
    const [m] = onlyThread(library);
    expect(m).toMatchObject({
      subject: 'サイトが公開できません',
      fromName: '山田太郎',
      text: '公開ボタンを押しても何も起きません。',
    });
    library.close();
  });

  it('decodes Shift_JIS (quoted-printable and 8-bit), and a wrong declared charset does not fail the import', async () => {
    const { library, write } = setup();
    const sjis = iconv.encode('テンプレートが壊れました', 'Shift_JIS');
    const head = (id: string, cte: string, charset: string) =>
      `From: a@example.jp\r\nSubject: sjis ${id}\r\nMessage-ID: <${id}@x>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n`;
    const qp = [...sjis].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    const report = await importMail(library, [
      write('a.eml', Buffer.concat([Buffer.from(head('sj8', '8bit', 'Shift_JIS')), sjis])),
      write('b.eml', Buffer.from(head('sjqp', 'quoted-printable', 'shift_jis') + qp)),
      write('c.eml', Buffer.concat([Buffer.from(head('bogus', '8bit', 'x-no-such-charset')), sjis])),
    ]);
    expect(report).toMatchObject({ imported: 3, rejected: 0 });
    const texts = library.db.prepare('SELECT text FROM messages ORDER BY id').all() as { text: string }[];
    expect(texts[0]!.text).toBe('テンプレートが壊れました');
    expect(texts[1]!.text).toBe('テンプレートが壊れました');
    expect(texts[2]!.text.length).toBeGreaterThan(0);
    library.close();
  });
});

describe('bad input: each message imported correctly or rejected with a reason, nothing else affected', () => {
  it('rejects zero-byte, non-mail, truncated and oversized files with reasons, and imports the good one', async () => {
    const { library, write } = setup();
    const limits = { ...intakeLimits, maxMessageBytes: 4096 };
    const report = await importMail(
      library,
      [
        write('empty.eml', ''),
        write('binary.eml', Buffer.from([0, 1, 2, 3, 255, 254, 0, 10, 13, 10])),
        write('truncated.eml', testMail({ subject: 'cut', html: '<p>x</p>', truncate: true })),
        write('huge.eml', testMail({ subject: 'huge', text: 'x'.repeat(10_000) })),
        write('good.eml', testMail({ subject: 'good' })),
        path.join(tempDir(), 'missing.eml'),
      ],
      { limits },
    );
    expect(report).toMatchObject({ imported: 1, rejected: 5 });
    const reasons = Object.fromEntries(
      report.items.filter((i) => i.outcome === 'rejected').map((i) => [i.source, i.reason]),
    );
    expect(reasons).toEqual({
      'missing.eml': 'unreadable',
      'empty.eml': 'empty',
      'binary.eml': 'notMail',
      'truncated.eml': 'truncated',
      'huge.eml': 'tooLarge',
    });
    expect(library.db.prepare('SELECT subject FROM questions').all()).toEqual([{ subject: 'good' }]);
    library.close();
  });

  it('a mail over the real 25 MB limit is refused before it is read', async () => {
    const { library, write } = setup();
    const big = Buffer.alloc(intakeLimits.maxMessageBytes + 1, 0x78);
    Buffer.from('From: a@example.com\r\nSubject: big\r\n\r\n').copy(big);
    const report = await importMail(library, [write('big.eml', big)]);
    expect(report.items).toEqual([
      expect.objectContaining({ source: 'big.eml', outcome: 'rejected', reason: 'tooLarge' }),
    ]);
    library.close();
  });

  it('malformed mails (no boundary, endless header, deep nesting, bad date, odd From) each get an outcome', async () => {
    const { library, write } = setup();
    let nested = 'deep body';
    for (let i = 0; i < 60; i++)
      nested = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${nested}\r\n--n${i}--`;
    const files = [
      write(
        'noboundary.eml',
        'From: a@example.com\r\nSubject: nb\r\nContent-Type: multipart/mixed\r\n\r\nbody',
      ),
      write('longheader.eml', `From: a@example.com\r\nSubject: ${'長'.repeat(100_000)}\r\n\r\nbody`),
      write('nested.eml', `From: a@example.com\r\nSubject: nested\r\nMIME-Version: 1.0\r\n${nested}\r\n`),
      write(
        'baddate.eml',
        'From: a@example.com\r\nSubject: date\r\nDate: the day after tomorrow\r\n\r\nbody',
      ),
      write('oddfrom.eml', 'From: <<<@>>> "\r\nSubject: odd\r\n\r\nbody'),
      write('headeronly.eml', 'Subject: only a header'),
    ];
    const report = await importMail(library, files);
    expect(report.imported + report.rejected).toBe(files.length);
    for (const item of report.items) if (item.outcome === 'rejected') expect(item.reason).not.toBe('failed');
    const rows = library.db.prepare('SELECT subject, sent_at FROM messages').all() as {
      subject: string;
      sent_at: string;
    }[];
    for (const row of rows) {
      expect(row.subject.length).toBeLessThanOrEqual(intakeLimits.maxSubjectChars);
      expect(Number.isNaN(Date.parse(row.sent_at))).toBe(false);
    }
    library.close();
  });

  it('an oversized message in an mbox is rejected alone; the ones around it are imported', async () => {
    const { library, write } = setup();
    const limits = { ...intakeLimits, maxMessageBytes: 4096 };
    const mbox = testMbox([
      testMail({ subject: 'one' }),
      testMail({ subject: 'big', text: 'y'.repeat(20_000) }),
      testMail({ subject: 'three' }),
    ]);
    const report = await importMail(library, [write('m.mbox', mbox)], { limits });
    expect(report).toMatchObject({ imported: 2, rejected: 1 });
    expect(report.items.find((i) => i.outcome === 'rejected')).toMatchObject({
      source: 'm.mbox#2',
      reason: 'tooLarge',
    });
    library.close();
  });

  it('script-laden HTML is stored without script, handlers or remote loads', async () => {
    const { library, write } = setup();
    const html =
      '<p onmouseover="steal()">Hi<script>document.title="pwned"</script></p><img src="https://tracker.example/p.gif" onerror="x()">' +
      '<iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">j</a><a href="https://ok.example/">ok</a>' +
      '<div style="background:url(https://evil.example/bg)">bg</div><link rel="stylesheet" href="https://evil.example/s.css">' +
      '<svg><script>x()</script></svg><form action="https://evil.example"><input name="p"></form>';
    await importMail(library, [write('evil.eml', testMail({ html }))]);
    const [m] = onlyThread(library);
    expect(m!.html).toBeTruthy();
    expect(m!.html).not.toMatch(
      /script|onmouseover|onerror|iframe|javascript:|<form|<link|url\(|<svg|href=/i,
    );
    expect(m!.html).not.toMatch(/src="https?:/);
    expect(m!.html).toContain('data-blocked="remote"');
    expect(m!.html).toContain('title="https://ok.example/"');
    library.close();
  });

  it('attachments named ../../x stay in the media folder under their hash; zero-byte and broken base64 attachments import', async () => {
    const { library, dir, write } = setup();
    const raw = testMail({
      html: '<p>see <img src="cid:shot@x"></p>',
      attachments: [
        { name: '../../x', type: 'application/octet-stream', data: Buffer.from('escape attempt') },
        { name: '..\\..\\win.txt', type: 'text/plain', data: Buffer.from('w') },
        { name: 'empty.txt', type: 'text/plain', data: Buffer.alloc(0) },
        { name: 'broken.bin', type: 'application/octet-stream', base64: 'SGVsbG8%%%@@@!!!bm90IGJhc2U2NA' },
        { name: 'shot.png', type: 'image/png', data: PIXEL_PNG, cid: 'shot@x', inline: true },
      ],
    });
    const report = await importMail(library, [write('att.eml', raw)]);
    expect(report).toMatchObject({ imported: 1, rejected: 0 });
    const [m] = onlyThread(library);
    expect(m!.attachments.map((a) => a.fileName)).toEqual([
      'x',
      'win.txt',
      'empty.txt',
      'broken.bin',
      'shot.png',
    ]);
    expect(m!.attachments.find((a) => a.fileName === 'empty.txt')!.size).toBe(0);
    const shot = m!.attachments.find((a) => a.fileName === 'shot.png')!;
    expect(shot).toMatchObject({ inline: true, mime: 'image/png' });
    expect(m!.html).toContain(`data-media="${shot.sha256}"`);
    // Nothing was written outside the library: the temp folder holds only what the test wrote.
    expect(readdirSync(dir).sort()).toEqual(['att.eml', 'lib']);
    // …and no file took an attachment's name anywhere under it (they are stored by hash only).
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.basename(f));
    expect(names.filter((n) => n === 'x' || n === 'win.txt')).toEqual([]);
    for (const a of m!.attachments)
      expect(
        library.media.fileOf({
          sha256: a.sha256,
          ext: a.fileName === 'shot.png' ? 'png' : a.fileName === 'x' ? '' : a.fileName.split('.').pop()!,
        }),
      ).not.toBeNull();
    library.close();
  });

  it('a folder of mails imports its .eml and .mbox files', async () => {
    const { library, dir, write } = setup();
    write('one.eml', testMail({ subject: 'one' }));
    write('two.mbox', testMbox([testMail({ subject: 'two' }), testMail({ subject: 'three' })]));
    write('notes.txt', 'not mail');
    const report = await importMail(library, [dir]);
    expect(report).toMatchObject({ imported: 3, rejected: 0 });
    library.close();
  });

  it('an mbox with 10,000 messages imports every one', async () => {
    const { library, write } = setup();
    const mails = Array.from({ length: 10_000 }, (_, i) =>
      testMail({
        messageId: `bulk${i}@x`,
        subject: `Bulk ${i}`,
        from: `user${i % 500}@example.com`,
        text: `Body ${i}\r\nFrom the shop\r\n`,
      }),
    );
    const report = await importMail(library, [write('bulk.mbox', testMbox(mails))]);
    expect(report).toMatchObject({ imported: 10_000, rejected: 0, duplicates: 0 });
    expect(report.items.length).toBe(intakeLimits.maxReportItems);
    expect(report.unlisted).toBe(10_000 - intakeLimits.maxReportItems);
    const customers = library.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number };
    expect(customers.n).toBe(500);
    // ">From the shop" in the mbox is "From the shop" again in the message.
    const text = library.db.prepare("SELECT text FROM messages WHERE message_id = 'bulk7@x'").get() as {
      text: string;
    };
    expect(text.text).toBe('Body 7\nFrom the shop');
    library.close();
  }, 300_000);
});
