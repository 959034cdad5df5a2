import path from 'node:path';
import { describe, expect, it } from 'vitest';
import defaultRulesJson from '../../../resources/checks/default-rules.json';
import { checkMessage } from '../../../shared/answers/checks';
import { CheckRules } from '../../../shared/domain/checks';
import type { QuestionStatus } from '../../../shared/domain/status';
import { topicOf } from '../../../shared/tracking/letter';
import { createLibrary, seedDemo, type Library } from '../library';
import { useTempDir } from '../testing';
import { draftMessage, questionContact } from './index';

// The built-in customer messages read as a careful native writer would write them (issue 18):
// business Japanese (お世話になっております … 何卒よろしくお願いいたします, 様 after the name from the
// customer's record, 「お客様」 without one, no doubled particles) and plain English (Dear …,
// "Wednesday, 9 December", ASCII brackets, "-" bullets). Every draft also passes our own answer
// checks (tone: no blame, no arguing, no talking down, no bare apology).

const tempDir = useTempDir();
const rules = CheckRules.parse(defaultRulesJson);
const TODAY = '2026-12-07';
const CHECKPOINT = '2026-12-09';

function library(): Library {
  return createLibrary(path.join(tempDir(), 'lib'), {
    seed: seedDemo,
    clock: () => new Date(`${TODAY}T09:00:00.000Z`),
  });
}

/** A question from a new customer, as intake or the vendor would have recorded them. */
function questionFrom(
  lib: Library,
  customer: { name: string; email: string; company?: string; language: 'ja' | 'en' },
  subject: string,
): number {
  const customerId = Number(
    lib.db
      .prepare(
        "INSERT INTO customers (name, email, company, language, created_at, updated_at) VALUES (?, ?, ?, ?, 'now', 'now')",
      )
      .run(customer.name, customer.email, customer.company ?? '', customer.language).lastInsertRowid,
  );
  return Number(
    lib.db
      .prepare(
        "INSERT INTO questions (customer_id, subject, body, status, received_at, created_at, updated_at) VALUES (?, ?, '', 'received', 'now', 'now', 'now')",
      )
      .run(customerId, subject).lastInsertRowid,
  );
}

const openStatuses: QuestionStatus[] = [
  'received',
  'investigating',
  'reproducing',
  'waiting_on_customer',
  'answered',
];
const closedStatuses: QuestionStatus[] = ['resolved', 'declined'];

/** Every built-in draft for a question: the decline, the clarification and each status message. */
function everyDraft(lib: Library, questionId: number) {
  return [
    { name: 'decline', ...draftMessage(lib, { questionId, purpose: 'decline' }) },
    { name: 'clarification', ...draftMessage(lib, { questionId, purpose: 'clarification' }) },
    ...openStatuses.map((status) => ({
      name: status,
      ...draftMessage(lib, { questionId, purpose: 'status', status, nextCheckpoint: CHECKPOINT }),
    })),
    ...closedStatuses.map((status) => ({
      name: status,
      ...draftMessage(lib, { questionId, purpose: 'status', status, nextCheckpoint: null }),
    })),
  ];
}

function expectPassesOurChecks(text: string, language: 'ja' | 'en', name: string) {
  const findings = checkMessage(text, language, rules, 'beginner');
  expect(findings.map((f) => `${name}: ${f.code} ${JSON.stringify(f.params)}`)).toEqual([]);
}

describe('business Japanese templates', () => {
  it('open with the company, the name and 様, お世話になっております; close with よろしくお願いいたします', () => {
    const lib = library();
    const id = questionFrom(
      lib,
      { name: '鈴木 一郎', email: 'ichiro@example.jp', company: '株式会社ミドリ珈琲', language: 'ja' },
      'Re: 独自ドメインの設定について',
    );
    for (const draft of everyDraft(lib, id)) {
      expect(draft.language).toBe('ja');
      expect(
        draft.body.startsWith('株式会社ミドリ珈琲\n鈴木 一郎 様\n\nいつもお世話になっております。'),
      ).toBe(true);
      expect(draft.body).toMatch(/よろしくお願いいたします。\n\nSirius サポート$/);
      // The subject is quoted once, without the について it already ends in.
      expect(draft.body).not.toMatch(/について」について|」についてについて/);
      expect(draft.body).toContain('「独自ドメインの設定」');
      expect(draft.subject).not.toMatch(/^Re: Re:/);
      for (const doubled of ['をを', 'がが', 'にに', 'はは', 'でで', 'のの', '様 様', 'お客 様'])
        expect(draft.body).not.toContain(doubled);
      expect(draft.body).not.toMatch(/[■]/);
      expectPassesOurChecks(draft.body, 'ja', draft.name);
    }
  });

  it('writes the checkpoint as 12月9日（水） and lists the scope with 「・」', () => {
    const lib = library();
    const id = questionFrom(
      lib,
      { name: '佐藤 健', email: 'ken@example.jp', language: 'ja' },
      'FTP で移行したい',
    );
    const status = draftMessage(lib, {
      questionId: id,
      purpose: 'status',
      status: 'investigating',
      nextCheckpoint: CHECKPOINT,
    });
    expect(status.body).toContain('12月9日（水）までに');
    expect(status.body.startsWith('佐藤 健 様\n\n')).toBe(true);
    const decline = draftMessage(lib, { questionId: id, purpose: 'decline' });
    expect(decline.body).toContain('・ページ編集：ページの作成・編集・並べ替え。');
    expect(decline.untranslated).toEqual([]);
    const nextYear = draftMessage(lib, {
      questionId: id,
      purpose: 'status',
      status: 'investigating',
      nextCheckpoint: '2027-01-06',
    });
    expect(nextYear.body).toContain('2027年1月6日（水）までに');
  });

  it('never greets a customer by their address: without a name on record, 「お客様」', () => {
    const lib = library();
    // Intake names a sender without a display name after the address: that is no name.
    const id = questionFrom(
      lib,
      { name: 'sato', email: 'sato@example.jp', language: 'ja' },
      '画像が出ません',
    );
    expect(questionContact(lib, id).customerName).toBe('sato');
    for (const draft of everyDraft(lib, id)) {
      expect(draft.body.startsWith('お客様\n\nいつもお世話になっております。')).toBe(true);
      expect(draft.body).not.toMatch(/sato/i);
      expectPassesOurChecks(draft.body, 'ja', draft.name);
    }
  });
});

describe('plain English templates', () => {
  it('greet by name, write the day as "Wednesday, 9 December", and sign off plainly', () => {
    const lib = library();
    const id = questionFrom(
      lib,
      { name: 'John Smith', email: 'john@smith-bakery.example', company: 'Smith Bakery', language: 'en' },
      'Re: Can I change the menu?',
    );
    for (const draft of everyDraft(lib, id)) {
      expect(draft.language).toBe('en');
      expect(draft.body.startsWith('Dear John Smith,\n\n')).toBe(true);
      expect(draft.body).toMatch(/Kind regards,\nSirius Support$/);
      // English typography only: no full-width brackets, Japanese punctuation or ■/・ bullets.
      expect(draft.body + draft.subject).not.toMatch(/[（）「」、。・■：]/);
      // A quoted question ends the clause with its own question mark.
      expect(draft.body).not.toMatch(/\?”[.,]/);
      expectPassesOurChecks(draft.body, 'en', draft.name);
    }
    const status = draftMessage(lib, {
      questionId: id,
      purpose: 'status',
      status: 'investigating',
      nextCheckpoint: CHECKPOINT,
    });
    expect(status.body).toContain('Next update by Wednesday, 9 December');
    expect(status.subject).toBe('Re: Can I change the menu? (progress update)');
  });

  it('an English decline lists the catalogue in English with "-" bullets', () => {
    const lib = library();
    const id = questionFrom(
      lib,
      { name: 'Jane Doe', email: 'jane@example.org', language: 'en' },
      'Moving my WordPress site',
    );
    const decline = draftMessage(lib, { questionId: id, purpose: 'decline' });
    expect(decline.body).toContain('- Editing pages\n  Creating, editing and reordering pages;');
    expect(decline.body).toContain('- Backup and restore\n');
    expect(decline.body).not.toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(decline.untranslated).toEqual([]);
  });

  it('says which capabilities have no English text, instead of mixing languages silently', () => {
    const lib = library();
    lib.db.prepare("UPDATE capabilities SET title_en = '', description_en = '' WHERE title = 'ブログ'").run();
    const id = questionFrom(
      lib,
      { name: 'Jane Doe', email: 'jane@example.org', language: 'en' },
      'Moving my site',
    );
    const decline = draftMessage(lib, { questionId: id, purpose: 'decline' });
    expect(decline.untranslated).toEqual(['ブログ']);
  });

  it('without a name on record, "Hello,"', () => {
    const lib = library();
    const id = questionFrom(lib, { name: 'jdoe', email: 'jdoe@example.org', language: 'en' }, 'Forms');
    for (const draft of everyDraft(lib, id)) {
      expect(draft.body.startsWith('Hello,\n\n')).toBe(true);
      expect(draft.body).not.toContain('jdoe');
    }
  });
});

describe('topicOf', () => {
  it('drops reply prefixes and a Japanese ending the sentence says itself', () => {
    expect(topicOf('Re: Fwd: 独自ドメインについて')).toBe('独自ドメイン');
    expect(topicOf('ＲＥ：決済の件')).toBe('決済');
    expect(topicOf('【至急】画像が出ない')).toBe('画像が出ない');
    expect(topicOf('について')).toBe('について');
    expect(topicOf('Can I change the menu?')).toBe('Can I change the menu?');
  });
});
