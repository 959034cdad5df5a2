import { simpleParser } from 'mailparser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, listLog, seedDemo } from '../library';
import { useTempDir } from '../testing';
import { draftMessage, sendDraft } from './index';
import { encodeHeaderWords, unsentEml } from './unsentEml';
import { MAX_MAILTO_LENGTH } from './drafts';

const tempDir = useTempDir();

function demo() {
  return createLibrary(path.join(tempDir(), 'lib'), {
    seed: seedDemo,
    clock: () => new Date('2026-12-07T09:00:00.000Z'),
  });
}

const questionId = (library: ReturnType<typeof demo>, subject: string) =>
  library.db.prepare('SELECT id FROM questions WHERE subject LIKE ?').pluck().get(`%${subject}%`) as number;

describe('the draft as an unsent .eml', () => {
  it('gives back the same subject, recipient and Japanese body when mailparser reads it', async () => {
    const library = demo();
    const draft = draftMessage(library, { questionId: questionId(library, 'WordPress'), purpose: 'decline' });
    const parsed = await simpleParser(
      unsentEml({ to: draft.to, subject: draft.subject, body: draft.body, date: new Date() }),
    );
    expect(parsed.subject).toBe(draft.subject);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : null).toBe(draft.to);
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(draft.body.trimEnd());
    expect(parsed.text).toContain('何卒よろしくお願いいたします。');
    expect(parsed.headers.get('x-unsent')).toBe('1');
  });

  it('splits a long Japanese subject into encoded words that never break a character', async () => {
    const subject = `Re: ${'日本語の件名がとても長い場合'.repeat(8)}（ご返信のお願い）`;
    const header = encodeHeaderWords(subject);
    for (const word of header.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    const parsed = await simpleParser(
      unsentEml({ to: 'a@example.jp', subject, body: 'x', date: new Date() }),
    );
    expect(parsed.subject).toBe(subject);
  });

  it('opens a decline too long for a mailto: link as a file, and logs it as sent', async () => {
    const library = demo();
    const id = questionId(library, 'WordPress');
    const draft = draftMessage(library, { questionId: id, purpose: 'decline' });
    const opened: string[] = [];
    const files: string[] = [];
    const result = await sendDraft(
      library,
      {
        openExternal: async (url) => void opened.push(url),
        openFile: async (file) => (files.push(file), true),
        draftFolder: tempDir(),
      },
      { questionId: id, purpose: 'decline', via: 'mail', subject: draft.subject, body: draft.body },
    );
    expect(encodeURIComponent(draft.body).length).toBeGreaterThan(MAX_MAILTO_LENGTH);
    expect(result).toMatchObject({ url: null, bodyOmitted: false });
    expect(files).toEqual([result.file]);
    expect(opened).toEqual([]);
    const parsed = await simpleParser(readFileSync(result.file!));
    expect(parsed.subject).toBe(draft.subject);
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(draft.body.trimEnd());
    const entry = listLog(library.db, { limit: 5 }).find((e) => e.action === 'draft.opened_in_mail');
    expect(entry?.detail).toMatchObject({ sent: true, file: result.file });
  });

  it('without a way to open files, opens the subject only; the copied text stays a draft', async () => {
    const library = demo();
    const id = questionId(library, 'WordPress');
    const draft = draftMessage(library, { questionId: id, purpose: 'decline' });
    const opened: string[] = [];
    const result = await sendDraft(library, async (url) => void opened.push(url), {
      questionId: id,
      purpose: 'decline',
      via: 'mail',
      subject: draft.subject,
      body: draft.body,
    });
    expect(result).toMatchObject({ bodyOmitted: true, file: null });
    expect(opened[0]).toMatch(/^mailto:.*body=$/);
    const entry = listLog(library.db, { limit: 5 }).find((e) => e.action === 'draft.opened_in_mail');
    expect(entry?.detail).toMatchObject({ sent: false });
  });
});
