import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOverdue } from '../../../shared/domain/status';
import { createLibrary, openLibrary, type Library, migrations } from '../library';
import { migrate } from '../library/testing';
import { listQuestions } from '../questions';
import { useTempDir } from '../testing';
import { importMail } from './importMail';
import { createQuestionByHand } from './newQuestion';
import { testMail } from './testing';

// Every open request has a next checkpoint (DESIGN.md): a new question gets its first one when it
// lands, in the same transaction as the question and its work-log entry.

const tempDir = useTempDir();
// Wednesday 25 November 2026, midday UTC: the same calendar day from UTC-11 to UTC+11.
const clock = () => new Date('2026-11-25T12:00:00.000Z');

function setup(): { library: Library; dir: string; write: (name: string, raw: string) => string } {
  const dir = tempDir();
  const library = createLibrary(path.join(dir, 'lib'), { clock });
  const write = (name: string, raw: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, raw);
    return file;
  };
  return { library, dir, write };
}

const checkpointOf = (library: Library, id: number) =>
  (
    library.db.prepare('SELECT next_checkpoint AS c FROM questions WHERE id = ?').get(id) as {
      c: string | null;
    }
  ).c;

const createLog = (library: Library, id: number) =>
  library.db
    .prepare("SELECT detail FROM log_entries WHERE action = 'question.create' AND question_id = ?")
    .all(id)
    .map((r) => JSON.parse((r as { detail: string }).detail) as Record<string, unknown>);

describe('a new question gets its first checkpoint', () => {
  it('an imported mail: two working days from the day it was sent, logged with the question', async () => {
    const { library, write } = setup();
    const report = await importMail(library, [
      write('q.eml', testMail({ date: 'Wed, 25 Nov 2026 12:00:00 +0000', messageId: 'cp1@example.jp' })),
    ]);
    const id = report.items[0]!.questionId!;
    expect(checkpointOf(library, id)).toBe('2026-11-27');
    expect(createLog(library, id)).toEqual([expect.objectContaining({ nextCheckpoint: '2026-11-27' })]);
    expect(listQuestions(library.db, { offset: 0, limit: 10 }).items[0]).toMatchObject({
      id,
      status: 'received',
      nextCheckpoint: '2026-11-27',
    });
    library.close();
  });

  it('an old mail imported late lands overdue; a reply threaded on does not move the checkpoint', async () => {
    const { library, write } = setup();
    const report = await importMail(library, [
      write('old.eml', testMail({ date: 'Mon, 02 Nov 2026 12:00:00 +0000', messageId: 'old@example.jp' })),
      write(
        're.eml',
        testMail({
          date: 'Tue, 03 Nov 2026 12:00:00 +0000',
          messageId: 're@example.jp',
          inReplyTo: 'old@example.jp',
        }),
      ),
    ]);
    expect(report).toMatchObject({ imported: 1, threaded: 1 });
    const id = report.items[0]!.questionId!;
    expect(checkpointOf(library, id)).toBe('2026-11-04');
    expect(isOverdue('2026-11-04', library.today(), 'received')).toBe(true);
    library.close();
  });

  it('a question typed by hand: two working days from today', () => {
    const { library } = setup();
    const { questionId } = createQuestionByHand(library, {
      customerName: '高橋 由美',
      customerEmail: 'yumi@example.jp',
      subject: '決済画面で画像が崩れます',
      body: 'スマホで見ると崩れます。',
      html: null,
    });
    expect(checkpointOf(library, questionId)).toBe('2026-11-27');
    expect(createLog(library, questionId)).toEqual([
      expect.objectContaining({ nextCheckpoint: '2026-11-27' }),
    ]);
    library.close();
  });

  it('the upgrade gives open questions without one a checkpoint, logged; closed ones stay without', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'lib'));
    // A library written by the version before, with questions that never got a checkpoint.
    const old = new Database(path.join(dir, 'lib', 'library.sqlite'));
    migrate(
      old,
      migrations.filter((m) => m.version < 110),
    );
    const add = old.prepare(
      `INSERT INTO questions (subject, body, status, received_at, created_at, updated_at)
       VALUES (?, '', ?, ?, ?, ?)`,
    );
    const received = '2026-11-02T12:00:00.000Z';
    const open = Number(add.run('open', 'investigating', received, received, received).lastInsertRowid);
    const closed = Number(add.run('closed', 'resolved', received, received, received).lastInsertRowid);
    old.close();

    const library = openLibrary(path.join(dir, 'lib'), { clock });
    expect(checkpointOf(library, open)).toBe('2026-11-04');
    expect(checkpointOf(library, closed)).toBeNull();
    const logged = library.db
      .prepare("SELECT question_id AS q, actor FROM log_entries WHERE action = 'question.checkpoint_set'")
      .all();
    expect(logged).toEqual([{ q: open, actor: 'upgrade' }]);
    library.close();
  });
});
