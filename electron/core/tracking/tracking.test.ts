import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, checkpointProblem, suggestedCheckpoint } from '../../../shared/tracking/checkpoint';
import { mailtoUrl } from '../../../shared/tracking/mailto';
import { KotaeError } from '../../../shared/errors';
import { createLibrary, listLog, seedDemo, type Library } from '../library';
import { getQuestion } from '../questions';
import { ensureVendorKey } from '../signing';
import { useTempDir } from '../testing';
import { MAX_MAILTO_LENGTH } from './drafts';
import {
  changeStatus,
  draftMessage,
  getMessageTemplate,
  resetMessageTemplate,
  saveMessageTemplate,
  sendDraft,
  workLogCsv,
} from './index';

const tempDir = useTempDir();

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const endField = () => {
    rows.at(-1)!.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push([]);
      i++;
    } else field += ch;
  }
  if (field || rows.at(-1)!.length) rows.at(-1)!.push(field);
  else rows.pop();
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

// 2026-11-23 is a Monday.
function open(): Library {
  return createLibrary(path.join(tempDir(), 'lib'), {
    clock: () => new Date('2026-11-23T09:00:00.000Z'),
    seed: seedDemo,
  });
}
const questionId = (library: Library, subject: string) =>
  (library.db.prepare('SELECT id FROM questions WHERE subject LIKE ?').get(`%${subject}%`) as { id: number })
    .id;
const logCount = (library: Library) =>
  (library.db.prepare('SELECT count(*) AS n FROM log_entries').get() as { n: number }).n;

describe('checkpoints', () => {
  it('counts working days, skipping the weekend', () => {
    expect(addWorkingDays('2026-11-23', 2)).toBe('2026-11-25'); // Mon → Wed
    expect(addWorkingDays('2026-11-26', 2)).toBe('2026-11-30'); // Thu → Mon
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // Sat → Mon
    expect(suggestedCheckpoint('2026-11-27')).toBe('2026-12-01'); // Fri → Tue
  });
  it('requires a checkpoint, not in the past, for open statuses only', () => {
    expect(checkpointProblem('investigating', null, '2026-11-23')).toBe('required');
    expect(checkpointProblem('investigating', '2026-11-22', '2026-11-23')).toBe('past');
    expect(checkpointProblem('investigating', '2026-11-23', '2026-11-23')).toBeNull();
    expect(checkpointProblem('resolved', null, '2026-11-23')).toBeNull();
    expect(checkpointProblem('declined', '2020-01-01', '2026-11-23')).toBeNull();
  });
});

describe('changeStatus', () => {
  it('records who, when, why and the message, sets the checkpoint and logs in the same transaction', () => {
    const library = open();
    const id = questionId(library, 'スマートフォンで画像');
    const before = logCount(library);
    const change = changeStatus(library, {
      id,
      to: 'investigating',
      nextCheckpoint: '2026-11-25',
      note: 'reproduced on iPhone',
      customerMessage: 'We are on it.',
    });
    expect(change).toMatchObject({ fromStatus: 'received', toStatus: 'investigating', actor: 'vendor' });
    const q = getQuestion(library.db, id);
    expect(q.status).toBe('investigating');
    expect(q.nextCheckpoint).toBe('2026-11-25');
    expect(q.statusHistory.at(-1)).toMatchObject({
      note: 'reproduced on iPhone',
      customerMessage: 'We are on it.',
      nextCheckpoint: '2026-11-25',
      at: '2026-11-23T09:00:00.000Z',
    });
    expect(logCount(library)).toBe(before + 1);
    const [entry] = listLog(library.db, { questionId: id, limit: 1 });
    expect(entry).toMatchObject({
      action: 'question.status_changed',
      summary: 'received → investigating (2026-11-25)',
    });
  });

  it('refuses an open status without a checkpoint or with a past one, changing nothing', () => {
    const library = open();
    const id = questionId(library, 'スマートフォンで画像');
    const before = logCount(library);
    const attempt = (nextCheckpoint: string | null) => () =>
      changeStatus(library, { id, to: 'reproducing', nextCheckpoint, note: '', customerMessage: '' });
    expect(attempt(null)).toThrow(KotaeError);
    expect(attempt('2026-11-20')).toThrow(/checkpoint past/);
    expect(getQuestion(library.db, id).status).toBe('received');
    expect(logCount(library)).toBe(before);
  });

  it('refuses a change that changes nothing, but takes a new checkpoint or a message on the same status', () => {
    const library = open();
    const id = questionId(library, '決済ボタン'); // investigating, checkpoint today
    const same = {
      id,
      to: 'investigating' as const,
      nextCheckpoint: '2026-11-23',
      note: '',
      customerMessage: '',
    };
    expect(() => changeStatus(library, same)).toThrow(/nothing changes/);
    expect(changeStatus(library, { ...same, nextCheckpoint: '2026-11-26' }).nextCheckpoint).toBe(
      '2026-11-26',
    );
    expect(
      changeStatus(library, { ...same, nextCheckpoint: '2026-11-26', customerMessage: 'still on it' })
        .toStatus,
    ).toBe('investigating');
  });

  it('clears the checkpoint when closing', () => {
    const library = open();
    const id = questionId(library, '決済ボタン');
    changeStatus(library, {
      id,
      to: 'resolved',
      nextCheckpoint: '2026-12-01',
      note: 'fixed',
      customerMessage: '',
    });
    const q = getQuestion(library.db, id);
    expect(q.status).toBe('resolved');
    expect(q.nextCheckpoint).toBeNull();
    expect(q.statusHistory.at(-1)!.nextCheckpoint).toBeNull();
  });

  it('rolls back the change when the log entry cannot be written', () => {
    const library = open();
    const id = questionId(library, 'スマートフォンで画像');
    const changes = library.db.prepare('SELECT count(*) AS n FROM status_changes').pluck();
    const before = changes.get();
    // A trigger makes the log insert fail: the status change must not survive without its entry.
    library.db.exec(
      "CREATE TEMP TRIGGER no_log BEFORE INSERT ON log_entries BEGIN SELECT RAISE(ABORT, 'log full'); END",
    );
    expect(() =>
      changeStatus(library, {
        id,
        to: 'investigating',
        nextCheckpoint: '2026-11-25',
        note: '',
        customerMessage: '',
      }),
    ).toThrow(/log full/);
    expect(getQuestion(library.db, id).status).toBe('received');
    expect(changes.get()).toBe(before);
  });
});

describe('drafts and templates', () => {
  it('drafts a status message in the customer language with the checkpoint and the status', () => {
    const library = open();
    const id = questionId(library, 'スマートフォンで画像');
    const draft = draftMessage(library, {
      questionId: id,
      purpose: 'status',
      status: 'investigating',
      nextCheckpoint: '2026-11-25',
    });
    expect(draft.language).toBe('ja');
    // The library's clock is in 2026: a date of this year is written without the year.
    expect(draft.body).toContain('11月25日（水）までに');
    expect(draft.body).not.toMatch(/\{\{/);
    expect(draft.to).toMatch(/@/);
  });

  it('signs an English customer’s message with the vendor’s English name', () => {
    const library = open();
    const english = draftMessage(library, {
      questionId: questionId(library, 'Google Analytics'),
      purpose: 'status',
      status: 'investigating',
      nextCheckpoint: '2026-11-25',
    });
    expect(english.language).toBe('en');
    expect(english.body).toContain('Sirius Support');
    expect(english.body).not.toContain('サポート');
    const japanese = draftMessage(library, {
      questionId: questionId(library, 'スマートフォンで画像'),
      purpose: 'status',
      status: 'investigating',
      nextCheckpoint: '2026-11-25',
    });
    expect(japanese.body).toContain('Sirius サポート');
  });

  it('closes every message with the signing key’s fingerprint, in the customer’s language (issue 15)', async () => {
    const library = open();
    const draft = (subject: string) =>
      draftMessage(library, {
        questionId: questionId(library, subject),
        purpose: 'status',
        status: 'investigating',
        nextCheckpoint: '2026-11-25',
      }).body;
    // No key yet (nothing needed one): no line, rather than a line without a fingerprint.
    expect(draft('Google Analytics')).not.toMatch(/signed with the key/);
    const { fingerprint } = (await ensureVendorKey(library))!;
    expect(
      draft('Google Analytics').endsWith(
        `Sirius Support\nOur answer bundles are signed with the key ${fingerprint}.`,
      ),
    ).toBe(true);
    expect(
      draft('スマートフォンで画像').endsWith(
        `Sirius サポート\n当方の回答バンドルは、フィンガープリント ${fingerprint} の鍵で電子署名しています。`,
      ),
    ).toBe(true);
    expect(
      draftMessage(library, { questionId: questionId(library, 'WordPress'), purpose: 'decline' }).body,
    ).toContain(fingerprint);
  });

  it('a decline lists the support scope; an edited template is used and can be reset', () => {
    const library = open();
    const id = questionId(library, 'WordPress');
    expect(draftMessage(library, { questionId: id, purpose: 'decline' }).body).toContain('ページ編集');
    saveMessageTemplate(library, {
      key: 'scope.out_of_scope',
      language: 'ja',
      subject: 'S {{subject}}',
      body: 'B {{customer}}',
    });
    const edited = draftMessage(library, { questionId: id, purpose: 'decline' });
    expect(edited.subject).toContain('WordPress');
    expect(edited.body).toMatch(/^B .+/);
    expect(getMessageTemplate(library, 'scope.out_of_scope', 'ja').isDefault).toBe(false);
    expect(resetMessageTemplate(library, { key: 'scope.out_of_scope', language: 'ja' }).isDefault).toBe(true);
  });

  it('opens a draft as a mailto: URL and logs it with its text', async () => {
    const library = open();
    const id = questionId(library, 'WordPress');
    const opened: string[] = [];
    const { url } = await sendDraft(library, async (u) => void opened.push(u), {
      questionId: id,
      purpose: 'decline',
      via: 'mail',
      subject: '件名 & more',
      body: '一行目\n二行目',
    });
    expect(opened).toEqual([url]);
    expect(url).toMatch(/^mailto:[^?]+@[^?]+\?subject=/);
    expect(url).toContain('%0D%0A');
    expect(decodeURIComponent(url!.split('body=')[1]!)).toBe('一行目\r\n二行目');
    expect(listLog(library.db, { questionId: id, limit: 1 })[0]).toMatchObject({
      action: 'draft.opened_in_mail',
    });
  });

  it('opens a long message with the subject only, saying so, and still logs the full text', async () => {
    const library = open();
    const id = questionId(library, 'WordPress');
    const opened: string[] = [];
    const body = 'お問い合わせありがとうございます。'.repeat(40);
    const result = await sendDraft(library, async (u) => void opened.push(u), {
      questionId: id,
      purpose: 'decline',
      via: 'mail',
      subject: '件名',
      body,
    });
    expect(result.bodyOmitted).toBe(true);
    expect(opened[0]).toMatch(/&body=$/);
    expect(opened[0]!.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    const detail = library.db
      .prepare('SELECT detail FROM log_entries ORDER BY id DESC LIMIT 1')
      .pluck()
      .get() as string;
    expect(JSON.parse(detail).body).toBe(body);
  });

  it('mailtoUrl encodes what would break the URL', () => {
    expect(mailtoUrl('a@b.c', 'x&y=z', '?')).toBe('mailto:a@b.c?subject=x%26y%3Dz&body=%3F');
    expect(mailtoUrl(null, '', '')).toBe('mailto:?subject=&body=');
  });
});

describe('work log CSV', () => {
  it('exports the entries of a question, oldest first, with note and customer message', () => {
    const library = open();
    const id = questionId(library, 'スマートフォンで画像');
    changeStatus(library, {
      id,
      to: 'investigating',
      nextCheckpoint: '2026-11-25',
      note: 'note, with "quotes"',
      customerMessage: '連絡\n二行',
    });
    const { csv, rows } = workLogCsv(library.db, { questionId: id });
    expect(csv.startsWith('\uFEFFat,actor,action,')).toBe(true);
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(rows);
    expect(records[0]!.action).toBe('question.received');
    const last = records.at(-1)!;
    expect(last).toMatchObject({
      action: 'question.status_changed',
      question_id: String(id),
      note: 'note, with "quotes"',
      message: '連絡\n二行',
    });
  });
});
