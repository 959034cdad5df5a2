import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../library';
import { useTempDir } from '../testing';
import { changeStatus } from '../tracking';
import { suggestedCheckpoint } from '../../../shared/tracking/checkpoint';
import { importMail } from './importMail';
import { createQuestionByHand } from './newQuestion';
import { PIXEL_PNG, testMail, testMbox } from './testing';
import { questionThread } from './thread';

const tempDir = useTempDir();

function setup(): { library: Library; dir: string; write: (name: string, raw: string | Buffer) => string } {
  const dir = tempDir();
  const library = createLibrary(path.join(dir, 'lib'));
  const write = (name: string, raw: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, raw);
    return file;
  };
  return { library, dir, write };
}

const count = (library: Library, table: string) =>
  (library.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('threading', () => {
  it('threads a reply onto its question by In-Reply-To, and by References alone', async () => {
    const { library, write } = setup();
    const first = await importMail(library, [write('q.eml', testMail({ messageId: 'q1@example.jp' }))]);
    expect(first).toMatchObject({ imported: 1, threaded: 0, rejected: 0 });
    const questionId = first.items[0]!.questionId!;
    const reply = await importMail(library, [
      write(
        'r1.eml',
        testMail({ messageId: 'r1@example.jp', inReplyTo: 'q1@example.jp', subject: 'Re: something else' }),
      ),
      write(
        'r2.eml',
        testMail({
          messageId: 'r2@example.jp',
          references: '<zz@elsewhere> <r1@example.jp>',
          subject: 'more',
        }),
      ),
    ]);
    expect(reply).toMatchObject({ imported: 0, threaded: 2 });
    expect(reply.items.map((i) => i.questionId)).toEqual([questionId, questionId]);
    expect(questionThread(library.db, questionId)).toHaveLength(3);
    expect(count(library, 'questions')).toBe(1);
    library.close();
  });

  it('a reply to a question we wait on puts it back to investigating, with a checkpoint and a log entry', async () => {
    const { library, write } = setup();
    const first = await importMail(library, [write('q.eml', testMail({ messageId: 'w1@example.jp' }))]);
    const questionId = first.items[0]!.questionId!;
    const soon = suggestedCheckpoint(library.today());
    changeStatus(library, {
      id: questionId,
      to: 'waiting_on_customer',
      nextCheckpoint: soon,
      note: '',
      customerMessage: '',
    });
    // A reply written before we started waiting (an old mailbox imported late) changes nothing…
    await importMail(library, [
      write(
        'old.eml',
        testMail({
          messageId: 'w0@example.jp',
          inReplyTo: 'w1@example.jp',
          date: 'Mon, 2 Jan 2023 09:00:00 +0900',
        }),
      ),
    ]);
    const status = () =>
      library.db.prepare('SELECT status FROM questions WHERE id = ?').pluck().get(questionId);
    expect(status()).toBe('waiting_on_customer');
    // …a new one does.
    await importMail(library, [
      write(
        'new.eml',
        testMail({
          messageId: 'w2@example.jp',
          inReplyTo: 'w1@example.jp',
          date: new Date(Date.now() + 60_000).toUTCString(),
        }),
      ),
    ]);
    expect(status()).toBe('investigating');
    const last = library.db
      .prepare(
        'SELECT to_status, note, next_checkpoint FROM status_changes WHERE question_id = ? ORDER BY id DESC',
      )
      .get(questionId);
    expect(last).toEqual({
      to_status: 'investigating',
      note: 'The customer replied.',
      next_checkpoint: soon,
    });
    expect(
      library.db
        .prepare(
          "SELECT count(*) FROM log_entries WHERE action = 'question.status_changed' AND question_id = ?",
        )
        .pluck()
        .get(questionId),
    ).toBe(2);
    library.close();
  });

  it('threads an original imported after its reply onto the reply’s question', async () => {
    const { library, write } = setup();
    await importMail(library, [
      write('r.eml', testMail({ messageId: 'late-r@x', inReplyTo: 'late-q@x', subject: 'Re: Help' })),
    ]);
    const report = await importMail(library, [
      write('q.eml', testMail({ messageId: 'late-q@x', subject: 'Help' })),
    ]);
    expect(report.threaded).toBe(1);
    expect(count(library, 'questions')).toBe(1);
    library.close();
  });

  it('falls back to "Re: subject" from the same address (any case), not from someone else', async () => {
    const { library, write } = setup();
    await importMail(library, [write('q.eml', testMail({ messageId: 's1@x', subject: '公開できません' }))]);
    const same = await importMail(library, [
      write(
        'r.eml',
        testMail({ messageId: 's2@x', from: 'TARO@Example.JP', subject: 'Re: Re:  公開できません' }),
      ),
    ]);
    expect(same.threaded).toBe(1);
    const other = await importMail(library, [
      write(
        'o.eml',
        testMail({ messageId: 's3@x', from: 'hanako@example.jp', subject: 'RE: 公開できません' }),
      ),
    ]);
    expect(other.imported).toBe(1);
    const notReply = await importMail(library, [
      write('n.eml', testMail({ messageId: 's4@x', subject: '公開できません' })),
    ]);
    expect(notReply.imported).toBe(1);
    expect(count(library, 'questions')).toBe(3);
    library.close();
  });

  it('a mail from the vendor’s own address is our reply: it threads as "out", the customer is its recipient', async () => {
    const { library, write } = setup();
    library.db
      .prepare("INSERT INTO library_settings (key, value) VALUES ('vendor', ?)")
      .run(JSON.stringify({ email: 'Support@Vendor.example' }));
    await importMail(library, [
      write('q.eml', testMail({ messageId: 'v1@x', from: 'Taro <taro@example.jp>', subject: 'Help' })),
    ]);
    const sent = await importMail(library, [
      write(
        'a.eml',
        testMail({
          messageId: 'v2@x',
          from: 'support@vendor.example',
          to: 'Taro <taro@example.jp>',
          inReplyTo: 'v1@x',
          subject: 'Re: Help',
        }),
      ),
      write(
        'b.eml',
        testMail({
          messageId: 'v3@x',
          from: 'support@vendor.example',
          to: 'new@example.com',
          subject: 'Your licence',
        }),
      ),
    ]);
    expect(sent).toMatchObject({ threaded: 1, imported: 1 });
    const directions = library.db.prepare('SELECT direction FROM messages ORDER BY id').all();
    expect(directions).toEqual([{ direction: 'in' }, { direction: 'out' }, { direction: 'out' }]);
    const emails = library.db.prepare('SELECT email FROM customers ORDER BY id').all();
    expect(emails).toEqual([{ email: 'taro@example.jp' }, { email: 'new@example.com' }]);
    library.close();
  });
});

describe('dedupe', () => {
  it('re-importing the same message is a no-op, by Message-ID or else by content', async () => {
    const { library, write } = setup();
    const raw = testMail({
      messageId: 'dup@x',
      attachments: [{ name: 'a.png', type: 'image/png', data: PIXEL_PNG }],
    });
    const noId = testMail({ messageId: null, subject: 'no id' });
    const files = [write('a.eml', raw), write('b.eml', noId)];
    expect(await importMail(library, files)).toMatchObject({ imported: 2, duplicates: 0 });
    const before = {
      m: count(library, 'messages'),
      l: count(library, 'log_entries'),
      a: count(library, 'message_attachments'),
    };
    // Same mails again, as files and inside an mbox (LF line ends, its own framing).
    const again = await importMail(library, [...files, write('all.mbox', testMbox([raw, noId]))]);
    expect(again).toMatchObject({ imported: 0, threaded: 0, duplicates: 4, rejected: 0 });
    expect({
      m: count(library, 'messages'),
      l: count(library, 'log_entries'),
      a: count(library, 'message_attachments'),
    }).toEqual(before);
    library.close();
  });
});

describe('customers', () => {
  it('matches the sender to a customer by address, case-insensitively, or creates one', async () => {
    const { library, write } = setup();
    library.db
      .prepare(
        "INSERT INTO customers (name, email, created_at, updated_at) VALUES ('山田 太郎', 'Taro@Example.JP', 'x', 'x')",
      )
      .run();
    const report = await importMail(library, [
      write('a.eml', testMail({ from: '"T. Yamada" <taro@EXAMPLE.jp>' })),
      write('b.eml', testMail({ from: 'Hanako Sato <Hanako@Example.JP>', subject: 'other' })),
    ]);
    expect(report.imported).toBe(2);
    const rows = library.db.prepare('SELECT name, email FROM customers ORDER BY id').all();
    expect(rows).toEqual([
      { name: '山田 太郎', email: 'Taro@Example.JP' },
      { name: 'Hanako Sato', email: 'hanako@example.jp' },
    ]);
    const owners = library.db.prepare('SELECT customer_id AS c FROM questions ORDER BY id').all();
    expect(owners).toEqual([{ c: 1 }, { c: 2 }]);
    library.close();
  });

  it('a question typed by hand gets its customer, its log entry, and sanitised pasted HTML', () => {
    const { library } = setup();
    const { questionId, customerId } = createQuestionByHand(library, {
      customerName: 'Ken',
      customerEmail: 'ken@example.com',
      subject: 'Re: Forms',
      body: '',
      html: '<p>Form <b>broken</b><img src="https://track.example/p.gif"><script>alert(1)</script></p>',
    });
    expect(customerId).not.toBeNull();
    const [message] = questionThread(library.db, questionId);
    expect(message!.text).toBe('Form broken');
    expect(message!.html).not.toMatch(/script|track\.example/);
    expect(count(library, 'log_entries')).toBe(2);
    // A name without an address: that customer again, not a new one each time.
    const first = createQuestionByHand(library, {
      customerName: '佐藤',
      customerEmail: '',
      subject: 'A',
      body: 'a',
      html: null,
    });
    const second = createQuestionByHand(library, {
      customerName: '佐藤',
      customerEmail: '',
      subject: 'B',
      body: 'b',
      html: null,
    });
    expect(first.customerId).not.toBeNull();
    expect(second.customerId).toBe(first.customerId);
    library.close();
  });
});

describe('cancel', () => {
  it('a cancelled import leaves whole messages only: each with its attachments and log entry', async () => {
    const { library, write } = setup();
    const mails = Array.from({ length: 40 }, (_, i) =>
      testMail({
        messageId: `c${i}@x`,
        subject: `Question ${i}`,
        attachments: [
          { name: `shot-${i}.png`, type: 'image/png', data: Buffer.concat([PIXEL_PNG, Buffer.from([i])]) },
        ],
      }),
    );
    const controller = new AbortController();
    const report = await importMail(library, [write('big.mbox', testMbox(mails))], {
      signal: controller.signal,
      onItem: (r) => {
        if (r.imported === 15) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.imported).toBe(15);
    expect(count(library, 'messages')).toBe(15);
    expect(count(library, 'questions')).toBe(15);
    expect(count(library, 'message_attachments')).toBe(15);
    const orphans = library.db
      .prepare(
        `SELECT count(*) AS n FROM messages m WHERE NOT EXISTS (SELECT 1 FROM message_attachments a WHERE a.message_id = m.id)
           OR NOT EXISTS (SELECT 1 FROM log_entries l WHERE l.entity = 'message' AND l.entity_id = m.id)`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    // The rest comes in on the next import; the first 15 are duplicates.
    const rest = await importMail(library, [write('big2.mbox', testMbox(mails))]);
    expect(rest).toMatchObject({ imported: 25, duplicates: 15 });
    library.close();
  });
});
