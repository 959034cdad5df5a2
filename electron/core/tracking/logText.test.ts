import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actorText, describeLogEntry, noteText, type Translate } from '../../../shared/tracking/logText';
import { createCapability } from '../capabilities';
import { translatorFor } from '../i18n';
import { importMail } from '../intake';
import { createLibrary, listLog, type Library } from '../library';
import { getQuestion } from '../questions';
import { setScope } from '../scope';
import { useTempDir } from '../testing';
import { sendDraft } from './drafts';
import { suggestedCheckpoint } from '../../../shared/tracking/checkpoint';
import { localDay } from './firstCheckpoint';
import { changeStatus } from './status';
import { workLogCsv } from './workLog';

// What the vendor reads in the work log and the status history of a Japanese customer's question,
// written by the real services: every line in words of the UI language, never in the codes the
// services record ("in_scope", "status: Re: …", "· vendor", an English note in a Japanese screen).

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../intake/fixtures');
const tempDir = useTempDir();
const clock = () => new Date('2026-11-25T12:00:00.000Z');

// Codes the services write that must never reach the screen as they are.
const CODES =
  /\b(in_scope|out_of_scope|needs_clarification|received|investigating|reproducing|waiting_on_customer|answered|resolved|declined|decline|clarification|status|vendor|cli|upgrade)\b/;

const tIn = (language: 'en' | 'ja'): Translate =>
  translatorFor(language).getFixedT(language) as unknown as Translate;
const inLanguage = (language: 'en' | 'ja', key: string) => tIn(language)(key);
const date = (day: string) => `<${day}>`;

async function japaneseQuestionWorkedOn(): Promise<{ library: Library; id: number }> {
  const library = createLibrary(path.join(tempDir(), 'lib'), { clock });
  const cap = createCapability(library, {
    title: 'ショップ・決済',
    description: '',
    keywords: [],
    parentId: null,
  });
  const report = await importMail(library, [path.join(fixtures, 'original-ja.eml')]);
  const id = report.items[0]!.questionId!;
  setScope(library, { questionId: id, verdict: 'in_scope', capabilityIds: [cap.id], note: '' });
  await sendDraft(library, async () => undefined, {
    questionId: id,
    purpose: 'status',
    via: 'mail',
    subject: 'Re: 決済画面で画像が崩れます（受け付けました）',
    body: '高橋 由美 様',
  });
  await sendDraft(library, async () => undefined, {
    questionId: id,
    purpose: 'clarification',
    via: 'copy',
    subject: '確認させてください',
    body: '…',
  });
  changeStatus(library, {
    id,
    to: 'waiting_on_customer',
    nextCheckpoint: '2026-12-01',
    note: '',
    customerMessage: '',
  });
  // Her reply, sent after that status change: back to investigating, with Kotae's own note.
  library.db.prepare("UPDATE status_changes SET at = '2026-11-22T00:00:00.000Z'").run();
  await importMail(library, [path.join(fixtures, 'reply-ja.eml')]);
  return { library, id };
}

describe('work log and status history in words', () => {
  it('every log line of a worked-on question reads without internal codes, in Japanese and English', async () => {
    const { library, id } = await japaneseQuestionWorkedOn();
    const entries = listLog(library.db, { questionId: id, limit: 100 });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'question.scope_set',
        'draft.opened_in_mail',
        'draft.copied',
        'question.status_changed',
      ]),
    );
    for (const language of ['ja', 'en'] as const) {
      const lines = entries.map((e) => describeLogEntry(e, tIn(language), date));
      for (const line of lines) expect(line).not.toMatch(CODES);
    }
    const ja = entries.map((e) => describeLogEntry(e, tIn('ja'), date));
    expect(ja).toContain('対応範囲内：ショップ・決済');
    expect(ja).toContain('状況のお知らせ：Re: 決済画面で画像が崩れます（受け付けました）');
    expect(ja).toContain('実現したいことの確認：確認させてください');
    expect(ja).toContain('お客様の返信待ち → 調査中 (次回連絡 <2026-12-01>)');
    const first = suggestedCheckpoint(localDay('2026-11-23T01:00:00.000Z')!); // the day she wrote, in this time zone
    expect(ja).toContain(`決済画面で画像が崩れます (次回連絡 <${first}>)`);
    library.close();
  });

  it('the CSV export reads the same in the language asked for; without one it keeps the stored codes', async () => {
    const { library, id } = await japaneseQuestionWorkedOn();
    const ja = workLogCsv(library.db, { questionId: id }, 'ja').csv;
    expect(ja).toContain('対応範囲内：ショップ・決済');
    expect(ja).toContain('お客様の返信待ち → 調査中 (次回連絡 2026-12-01)');
    expect(ja).toContain('お客様から返信がありました。');
    expect(ja).not.toMatch(/,in_scope|,status: /);
    const en = workLogCsv(library.db, { questionId: id }, 'en').csv;
    expect(en).toContain('In scope: ショップ・決済');
    expect(en).toContain('The customer replied.');
    expect(workLogCsv(library.db, { questionId: id }).csv).toContain('in_scope: ショップ・決済');
    library.close();
  });

  it('an old entry without the titles in its detail still shows them, after the verdict in words', () => {
    const line = describeLogEntry(
      { action: 'question.scope_set', summary: 'in_scope: ショップ・決済', detail: { verdict: 'in_scope' } },
      tIn('ja'),
      date,
    );
    expect(line).toBe('対応範囲内：ショップ・決済');
  });

  it('a bundle sent reads without the abbreviation "rev."', () => {
    const entry = { action: 'bundle.exported', summary: 'answer.zip (rev. 3) → 高橋 由美', detail: {} };
    expect(describeLogEntry(entry, tIn('ja'), date)).toBe('answer.zip（第 3 版）→ 高橋 由美 様');
    expect(describeLogEntry(entry, tIn('en'), date)).toBe('answer.zip (revision 3) for 高橋 由美');
    expect(describeLogEntry({ ...entry, summary: 'a.zip (rev. 1)' }, tIn('en'), date)).toBe(
      'a.zip (revision 1)',
    );
  });

  it('the status history names who acted and shows Kotae’s own note in the UI language', async () => {
    const library = createLibrary(path.join(tempDir(), 'lib'), { clock });
    const report = await importMail(library, [path.join(fixtures, 'original-ja.eml')]);
    const id = report.items[0]!.questionId!;
    changeStatus(library, {
      id,
      to: 'waiting_on_customer',
      nextCheckpoint: '2026-12-01',
      note: '',
      customerMessage: '',
    });
    library.db.prepare("UPDATE status_changes SET at = '2026-11-22T00:00:00.000Z'").run();
    await importMail(library, [path.join(fixtures, 'reply-ja.eml')]);
    const history = getQuestion(library.db, id).statusHistory;
    const reopened = history.at(-1)!;
    expect(reopened).toMatchObject({ toStatus: 'investigating' });
    // Stored in the customer's language (Japanese), shown in the UI's.
    expect(reopened.note).toBe('お客様から返信がありました。');
    expect(noteText(reopened.note, tIn('en'), inLanguage)).toBe('The customer replied.');
    expect(noteText(reopened.note, tIn('ja'), inLanguage)).toBe('お客様から返信がありました。');
    expect(noteText('The customer replied.', tIn('ja'), inLanguage)).toBe('お客様から返信がありました。');
    expect(noteText('自分で書いたメモ', tIn('en'), inLanguage)).toBe('自分で書いたメモ');
    for (const h of history) {
      expect(actorText(h.actor, tIn('ja'))).not.toMatch(CODES);
      expect(actorText(h.actor, tIn('en'))).not.toMatch(CODES);
    }
    expect(actorText('vendor', tIn('ja'))).toBe('あなた');
    expect(actorText('山田', tIn('ja'))).toBe('山田');
    library.close();
  });
});
