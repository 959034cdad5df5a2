import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../library';
import { getQuestion } from '../questions';
import { useTempDir } from '../testing';
import { localDay } from '../tracking';
import { suggestedCheckpoint } from '../../../shared/tracking/checkpoint';
import { importMail } from './importMail';
import { testMail } from './testing';

// A reply imported before its original (fixtures/: a Japanese customer's question, with her name
// in the From header, and her reply "Re: …" sent an hour later from the bare address).

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const original = path.join(fixtures, 'original-ja.eml');
const reply = path.join(fixtures, 'reply-ja.eml');
const tempDir = useTempDir();
const clock = () => new Date('2026-11-25T12:00:00.000Z');

function question(library: Library, id: number) {
  const q = getQuestion(library.db, id);
  const row = library.db.prepare('SELECT body FROM questions WHERE id = ?').get(id) as { body: string };
  return {
    subject: q.subject,
    receivedAt: q.receivedAt,
    customer: q.customerName,
    checkpoint: q.nextCheckpoint,
    body: row.body,
  };
}

function expectTakenFromOriginal(library: Library, id: number): void {
  const q = question(library, id);
  expect(q.subject).toBe('決済画面で画像が崩れます');
  expect(q.receivedAt).toBe('2026-11-23T01:00:00.000Z');
  expect(q.customer).toBe('高橋 由美');
  expect(q.body).toContain('ショップの決済画面で商品画像が崩れて表示されます');
  expect(q.checkpoint).toBe(suggestedCheckpoint(localDay('2026-11-23T01:00:00.000Z')!));
}

describe('an earlier message arriving after its reply', () => {
  it('in one import, reply first: the question takes the original subject, time and sender name', async () => {
    const library = createLibrary(path.join(tempDir(), 'lib'), { clock });
    const report = await importMail(library, [reply, original]);
    expect(report).toMatchObject({ imported: 1, threaded: 1 });
    const id = report.items[0]!.questionId!;
    expect(report.items[1]!.questionId).toBe(id);
    expectTakenFromOriginal(library, id);
    const renamed = library.db
      .prepare("SELECT summary, detail FROM log_entries WHERE action = 'customer.renamed'")
      .all() as { summary: string; detail: string }[];
    expect(renamed).toHaveLength(1);
    expect(JSON.parse(renamed[0]!.detail)).toMatchObject({ from: 'yumi.takahashi', to: '高橋 由美' });
    const thread = library.db
      .prepare("SELECT detail FROM log_entries WHERE action = 'message.thread'")
      .get() as { detail: string };
    expect(JSON.parse(thread.detail).earlierRoot).toMatchObject({
      subject: { from: 'Re: 決済画面で画像が崩れます', to: '決済画面で画像が崩れます' },
    });
    library.close();
  });

  it('in two imports, and the original in order changes nothing', async () => {
    const library = createLibrary(path.join(tempDir(), 'lib'), { clock });
    const first = await importMail(library, [reply]);
    const id = first.items[0]!.questionId!;
    expect(question(library, id)).toMatchObject({
      subject: 'Re: 決済画面で画像が崩れます',
      customer: 'yumi.takahashi',
    });
    await importMail(library, [original]);
    expectTakenFromOriginal(library, id);

    const inOrder = createLibrary(path.join(tempDir(), 'lib'), { clock });
    const both = await importMail(inOrder, [original, reply]);
    expectTakenFromOriginal(inOrder, both.items[0]!.questionId!);
    expect(
      inOrder.db.prepare("SELECT count(*) AS n FROM log_entries WHERE action = 'customer.renamed'").get(),
    ).toEqual({ n: 0 });
    library.close();
    inOrder.close();
  });

  it('keeps a name the customer was given, and a checkpoint the vendor has set', async () => {
    const dir = tempDir();
    const library = createLibrary(path.join(dir, 'lib'), { clock });
    const write = (name: string, raw: string) => {
      writeFileSync(path.join(dir, name), raw);
      return path.join(dir, name);
    };
    const later = await importMail(library, [
      write(
        'r.eml',
        testMail({
          from: 'Anna Berg <anna@example.se>',
          subject: 'Re: Images vanish',
          messageId: 'r@example.se',
          inReplyTo: 'q@example.se',
          date: 'Tue, 24 Nov 2026 12:00:00 +0000',
        }),
      ),
    ]);
    const id = later.items[0]!.questionId!;
    library.db
      .prepare("UPDATE questions SET status = 'investigating', next_checkpoint = '2026-12-04' WHERE id = ?")
      .run(id);
    library.db
      .prepare(
        "INSERT INTO status_changes (question_id, from_status, to_status, at, actor, next_checkpoint) VALUES (?, 'received', 'investigating', ?, 'vendor', '2026-12-04')",
      )
      .run(id, '2026-11-24T13:00:00.000Z');
    await importMail(library, [
      write(
        'q.eml',
        testMail({
          from: 'A. Berg <anna@example.se>',
          subject: 'Images vanish',
          messageId: 'q@example.se',
          date: 'Mon, 23 Nov 2026 12:00:00 +0000',
        }),
      ),
    ]);
    expect(question(library, id)).toMatchObject({
      subject: 'Images vanish',
      receivedAt: '2026-11-23T12:00:00.000Z',
      customer: 'Anna Berg',
      checkpoint: '2026-12-04',
    });
    library.close();
  });
});
