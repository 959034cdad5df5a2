import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../bundles';
import { customerTimeline } from '../customers';
import { importMail } from '../intake';
import { testMail } from '../intake/testing';
import { createLibrary, listLog, seedDemo, type Library } from '../library';
import { getQuestion } from '../questions';
import { useTempDir } from '../testing';
import { changeStatus, workLogCsv } from '../tracking';
import { answerFeedback, dismissOffer, questionVerdicts, verdictMails } from './index';

const tempDir = useTempDir();

// The demo library: question 1 (Misaki Tanaka, images on phones) is served by answer 1; question
// 10 (John Miller, Google Analytics) by answer 5, in English.
const MISAKI = 'misaki.tanaka@example.jp';
const JOHN = 'john.miller@example.org';
const VENDOR = 'support@sirius.example.jp';

function setup() {
  const dir = tempDir();
  let now = new Date('2026-11-23T09:00:00.000Z').getTime();
  const library = createLibrary(path.join(dir, 'lib'), {
    seed: seedDemo,
    clock: () => new Date((now += 60_000)),
  });
  mkdirSync(path.join(dir, 'mail'));
  let n = 0;
  const importOne = async (raw: string | Buffer) => {
    const file = path.join(dir, 'mail', `m${++n}.eml`);
    writeFileSync(file, raw);
    const report = await importMail(library, [file]);
    expect(report.rejected).toBe(0);
    return report.items[0]!;
  };
  const send = (answerId: number, questionId: number) =>
    exportBundle(
      library,
      {
        answerId,
        customerId: library.db
          .prepare('SELECT customer_id FROM questions WHERE id = ?')
          .pluck()
          .get(questionId) as number,
        questionId,
        personalised: true,
        videoRendition: 'original',
        zip: true,
        folder: false,
      },
      { zipPath: path.join(dir, `bundle-${++n}.zip`), folderPath: null },
      { appVersion: 'test' },
      { signal: new AbortController().signal, progress: () => undefined },
    );
  return { library, importOne, send };
}

/** The two mails a page prepares, as the page would (same service, same words). */
function pageMails(library: Library, answerId: number, questionId: number | null, source: 'bundle' | 'faq') {
  const a = library.db
    .prepare('SELECT title, revision, language FROM answers WHERE id = ?')
    .get(answerId) as {
    title: string;
    revision: number;
    language: 'ja' | 'en';
  };
  return verdictMails(
    {
      answerId,
      revision: a.revision,
      questionId,
      title: a.title,
      vendorName: 'Sirius',
      vendorEmail: VENDOR,
      source,
    },
    a.language,
  )!;
}

/** ISO-2022-JP as an old Japanese mail program writes it: JIS runs between escapes, ASCII outside. */
function iso2022jp(text: string): Buffer {
  const parts: Buffer[] = [];
  const runs: string[] = [];
  for (const ch of text) {
    const ascii = ch.charCodeAt(0) < 0x80;
    const last = runs.at(-1);
    if (last !== undefined && (last.charCodeAt(0) < 0x80) === ascii) runs[runs.length - 1] = last + ch;
    else runs.push(ch);
  }
  for (const run of runs) {
    if (run.charCodeAt(0) < 0x80) parts.push(Buffer.from(run, 'latin1'));
    else
      parts.push(
        Buffer.from('\x1b$B', 'latin1'),
        Buffer.from(iconv.encode(run, 'EUC-JP').map((b) => b & 0x7f)),
        Buffer.from('\x1b(B', 'latin1'),
      );
  }
  return Buffer.concat(parts);
}

describe('a customer\'s "Not yet"', () => {
  it('forwarded in Japanese, puts the answered question back to investigating with a checkpoint', async () => {
    const { library, importOne, send } = setup();
    changeStatus(library, {
      id: 1,
      to: 'answered',
      nextCheckpoint: '2026-12-10',
      note: '',
      customerMessage: '',
    });
    await send(1, 1);
    const mail = pageMails(library, 1, 1, 'bundle').notYet;
    expect(mail.subject).toContain('[Kotae a1 r1 q1 not-yet]');

    const item = await importOne(
      testMail({
        from: `田中 美咲 <${MISAKI}>`,
        subject: `転送: ${mail.subject}`,
        date: 'Tue, 24 Nov 2026 10:00:00 +0900',
        text: `${mail.body}\r\n3番目の手順で止まります。`,
      }),
    );
    expect(item).toMatchObject({ outcome: 'threaded', questionId: 1, verdict: 'not_yet' });
    const question = getQuestion(library.db, 1);
    expect(question.status).toBe('investigating');
    expect(question.nextCheckpoint! >= '2026-11-25').toBe(true);
    expect(question.statusHistory.at(-1)).toMatchObject({
      fromStatus: 'answered',
      toStatus: 'investigating',
      note: 'お客様から、ご案内した手順ではまだ解決していないとのご連絡がありました。',
    });
    expect(questionVerdicts(library.db, 1)).toMatchObject([
      { answerId: 1, revision: 1, verdict: 'not_yet', offer: null, questionId: 1 },
    ]);
    expect(listLog(library.db, { questionId: 1, limit: 10 }).map((e) => e.action)).toEqual(
      expect.arrayContaining(['verdict.received', 'question.status_changed', 'message.thread']),
    );
    expect(workLogCsv(library.db, { questionId: 1 }, 'ja').csv).toContain(
      'まだ解決していません：スマートフォンで画像が表示されないときの確認手順（第1版）',
    );
    // On the customer's timeline, with the answer it was about.
    const customerId = question.customerId!;
    expect(customerTimeline(library.db, customerId)).toContainEqual(
      expect.objectContaining({ kind: 'verdict', title: 'not_yet', questionId: 1, answerId: 1 }),
    );
    expect(answerFeedback(library.db, [1])).toEqual([
      {
        answerId: 1,
        sent: 1,
        solved: 0,
        notSolved: 1,
        revisions: [{ revision: 1, sent: 1, solved: 0, notSolved: 1 }],
      },
    ]);
  });

  it('in ISO-2022-JP, quoted by a reply, is recognised all the same', async () => {
    const { library, importOne, send } = setup();
    changeStatus(library, {
      id: 1,
      to: 'waiting_on_customer',
      nextCheckpoint: '2026-12-10',
      note: '',
      customerMessage: '',
    });
    await send(1, 1);
    const subject = `返信: ${pageMails(library, 1, 1, 'bundle').notYet.subject}`;
    const raw = Buffer.concat([
      Buffer.from(
        `From: ${MISAKI}\r\nTo: ${VENDOR}\r\nSubject: =?ISO-2022-JP?B?${iso2022jp(subject).toString('base64')}?=\r\n` +
          'Message-ID: <jis-verdict@example.jp>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0900\r\nMIME-Version: 1.0\r\n' +
          'Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n',
      ),
      iso2022jp('まだ表示されません。'),
    ]);
    expect(await importOne(raw)).toMatchObject({ questionId: 1, verdict: 'not_yet' });
    expect(getQuestion(library.db, 1).status).toBe('investigating');
  });
});

describe('a customer\'s "Solved"', () => {
  it('from an FAQ page, quoted in English, offers to resolve the question and never does it alone', async () => {
    const { library, importOne } = setup();
    const mail = pageMails(library, 5, null, 'faq').solved;
    expect(mail.subject).toBe('Solved: Adding a Google Analytics tag [Kotae a5 r1 solved]');
    const item = await importOne(
      testMail({ from: `John Miller <${JOHN}>`, subject: `Re: ${mail.subject}`, text: mail.body }),
    );
    expect(item).toMatchObject({ outcome: 'threaded', questionId: 10, verdict: 'solved' });
    expect(getQuestion(library.db, 10).status).toBe('answered');
    const [verdict] = questionVerdicts(library.db, 10);
    expect(verdict).toMatchObject({
      verdict: 'solved',
      offer: 'pending',
      answerTitle: 'Adding a Google Analytics tag',
    });

    // "Not now": the offer goes, the question stays; the log says so.
    expect(dismissOffer(library, verdict!.id).offer).toBe('dismissed');
    expect(getQuestion(library.db, 10).status).toBe('answered');
    expect(listLog(library.db, { questionId: 10, limit: 5 })[0]?.action).toBe('verdict.offer_dismissed');

    // A second "Solved"; the vendor resolves the question: the offer was taken.
    await importOne(
      testMail({ from: JOHN, subject: `Fwd: ${mail.subject}`, date: 'Tue, 24 Nov 2026 09:00:00 +0000' }),
    );
    changeStatus(library, { id: 10, to: 'resolved', nextCheckpoint: null, note: '', customerMessage: '' });
    expect(questionVerdicts(library.db, 10).map((v) => v.offer)).toEqual(['accepted', 'dismissed']);
    // The same customer on the same revision counts once.
    expect(answerFeedback(library.db, [5])[0]).toMatchObject({ sent: 0, solved: 1, notSolved: 0 });
  });

  it('after a "Not yet", the last word of a customer on a revision is what counts', async () => {
    const { library, importOne, send } = setup();
    await send(1, 1);
    const mails = pageMails(library, 1, 1, 'bundle');
    await importOne(
      testMail({ from: MISAKI, subject: mails.notYet.subject, date: 'Mon, 23 Nov 2026 10:00:00 +0000' }),
    );
    await importOne(
      testMail({ from: MISAKI, subject: mails.solved.subject, date: 'Mon, 23 Nov 2026 11:00:00 +0000' }),
    );
    expect(answerFeedback(library.db, [1])[0]).toMatchObject({ sent: 1, solved: 1, notSolved: 0 });
  });
});

describe('a look-alike subject', () => {
  it('from someone the answer was never sent to is an ordinary mail, and the log says why', async () => {
    const { library, importOne, send } = setup();
    await send(1, 1);
    const subject = pageMails(library, 1, 1, 'bundle').notYet.subject;
    const before = getQuestion(library.db, 1).status;
    const item = await importOne(testMail({ from: 'someone@elsewhere.example', subject }));
    expect(item.outcome).toBe('imported');
    expect(item.verdict).toBeUndefined();
    expect(item.questionId).not.toBe(1);
    expect(getQuestion(library.db, 1).status).toBe(before);
    expect(library.db.prepare('SELECT count(*) FROM answer_verdicts').pluck().get()).toBe(0);
    const [refused] = listLog(library.db, { questionId: item.questionId!, limit: 5 }).filter(
      (e) => e.action === 'verdict.refused',
    );
    expect(refused?.detail).toMatchObject({ reason: 'notTheCustomer', answerId: 1, verdict: 'not_yet' });
    expect(workLogCsv(library.db, { questionId: item.questionId! }, 'en').csv).toContain(
      'about answer 1, but from someone it was not sent to: imported as an ordinary mail',
    );
  });

  it('from a known customer about an answer they never got, or an answer that does not exist, is not a verdict', async () => {
    const { library, importOne } = setup();
    // Misaki never asked about analytics (answer 5).
    const other = await importOne(
      testMail({ from: MISAKI, subject: pageMails(library, 5, null, 'faq').solved.subject }),
    );
    expect(other.verdict).toBeUndefined();
    const missing = await importOne(testMail({ from: JOHN, subject: 'Solved: x [Kotae a999 r1 solved]' }));
    expect(missing.verdict).toBeUndefined();
    const future = await importOne(testMail({ from: JOHN, subject: 'Solved: x [Kotae a5 r7 solved]' }));
    expect(future.verdict).toBeUndefined();
    expect(library.db.prepare('SELECT count(*) FROM answer_verdicts').pluck().get()).toBe(0);
    const reasons = listLog(library.db, { limit: 50 })
      .filter((e) => e.action === 'verdict.refused')
      .map((e) => e.detail.reason);
    expect(reasons.sort()).toEqual(['notTheCustomer', 'unknownAnswer', 'unknownRevision']);
  });

  it("in our own reply quoting the customer's verdict is not a verdict", async () => {
    const { library, importOne, send } = setup();
    await send(1, 1);
    const subject = pageMails(library, 1, 1, 'bundle').solved.subject;
    await importOne(testMail({ from: VENDOR, to: MISAKI, subject: `Re: ${subject}` }));
    expect(library.db.prepare('SELECT count(*) FROM answer_verdicts').pluck().get()).toBe(0);
  });
});
