import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verdictMail } from './mail';
import { parseVerdictTag, verdictTag, type VerdictTag } from './tag';
import { resources } from '../i18n';

const solved: VerdictTag = { answerId: 12, revision: 3, questionId: 45, verdict: 'solved' };
const notYet: VerdictTag = { answerId: 7, revision: 2, questionId: null, verdict: 'not_yet' };

describe('the verdict tag of a subject', () => {
  it('round-trips with and without a question', () => {
    expect(verdictTag(solved)).toBe('[Kotae a12 r3 q45 solved]');
    expect(verdictTag(notYet)).toBe('[Kotae a7 r2 not-yet]');
    expect(parseVerdictTag(verdictTag(solved))).toEqual(solved);
    expect(parseVerdictTag(verdictTag(notYet))).toEqual(notYet);
  });

  it('is found when forwarded or quoted, in Japanese and English mail programs', () => {
    for (const prefix of [
      'Fwd: ',
      'FW: ',
      'Re: ',
      'RE: Fwd: ',
      '返信: ',
      '転送: ',
      'Re: 転送：',
      'AW: ',
      'TR: ',
    ])
      expect(parseVerdictTag(`${prefix}解決しました：画像の差し替え ${verdictTag(solved)}`)).toEqual(solved);
  });

  it('survives full-width brackets, letters and spaces, and folded lines', () => {
    expect(parseVerdictTag('まだ解決していません ［Ｋｏｔａｅ　ａ７　ｒ２　ｎｏｔ－ｙｅｔ］')).toEqual(
      notYet,
    );
    expect(parseVerdictTag('Not solved yet: x [Kotae\r\n a7\tr2 not-yet]')).toEqual(notYet);
    expect(parseVerdictTag('[kotae A7 R2 NOT_YET]')).toEqual(notYet);
  });

  it('is not found in subjects that only look like it', () => {
    for (const subject of [
      'Kotae a12 r3 solved',
      '[Kotae a12 solved]',
      '[Kotae a12 r3 q solved]',
      '[Kotae a12 r3 q45 fixed]',
      '[Kotae a0 r3 solved]',
      '[Kotae a12 r3 q45 q46 solved]',
      '[Kotae a1234567890 r3 solved]',
      '[Kotaex a12 r3 solved]',
      '[Kotae a12 r3 solved',
      '',
    ])
      expect(parseVerdictTag(subject), subject).toBeNull();
  });

  it('takes the first well-formed tag after broken ones', () => {
    expect(parseVerdictTag(`[Kotae a1 broken] [kotae ${'x'.repeat(200)} ${verdictTag(notYet)}`)).toEqual(
      notYet,
    );
  });

  it('reads a subject of a hundred thousand "[kotae" without a tag to its end (bounded look-ahead)', () => {
    expect(parseVerdictTag('[kotae '.repeat(100_000))).toBeNull();
    expect(parseVerdictTag(`${'[kotae a1 r'.repeat(50_000)} ${verdictTag(solved)}`)).toEqual(solved);
  });

  it('any tag, with any text around it, is read back', () => {
    fc.assert(
      fc.property(
        fc.record({
          answerId: fc.integer({ min: 1, max: 999_999_999 }),
          revision: fc.integer({ min: 1, max: 999_999_999 }),
          questionId: fc.option(fc.integer({ min: 1, max: 999_999_999 }), { nil: null }),
          verdict: fc.constantFrom('solved' as const, 'not_yet' as const),
        }),
        fc.string({ maxLength: 40 }).filter((s) => !s.toLowerCase().includes('[kotae')),
        fc.string({ maxLength: 40 }),
        (tag, before, after) => {
          expect(parseVerdictTag(`${before} ${verdictTag(tag)}${after}`)).toEqual(tag);
        },
      ),
    );
  });
});

function translate(language: 'ja' | 'en') {
  return (key: string, params: Record<string, unknown> = {}) => {
    const value = key
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources[language].followUp);
    return String(value).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
  };
}

describe('the prepared verdict mail', () => {
  const input = {
    answerId: 12,
    revision: 3,
    questionId: 45,
    title: 'スマートフォンで画像が表示されないときの確認手順',
    vendorName: 'Sirius サポート',
    vendorEmail: 'support@sirius.example.jp',
    source: 'bundle' as const,
  };

  it('is addressed to the vendor, with the tag in its subject, in Japanese', () => {
    const mail = verdictMail(input, 'not_yet', translate('ja'));
    expect(mail.to).toBe('support@sirius.example.jp');
    expect(mail.subject).toBe(
      'まだ解決していません：スマートフォンで画像が表示されないときの確認手順 [Kotae a12 r3 q45 not-yet]',
    );
    expect(mail.body).toBe(
      [
        'Sirius サポート ご担当者様',
        '',
        'お世話になっております。',
        'ご案内いただいた「スマートフォンで画像が表示されないときの確認手順」の手順を試しましたが、まだ解決していません。',
        '',
        'うまくいかなかった手順と、そのとき画面に表示された内容：',
        '',
        '',
        '回答番号：12（第3版）／お問い合わせ番号：45',
      ].join('\n'),
    );
    expect(parseVerdictTag(mail.subject)).toEqual({
      answerId: 12,
      revision: 3,
      questionId: 45,
      verdict: 'not_yet',
    });
    const url = new URL(mail.url);
    expect(url.protocol).toBe('mailto:');
    expect(url.searchParams.get('subject')).toBe(mail.subject);
    expect(url.searchParams.get('body')).toBe(mail.body.replace(/\n/g, '\r\n'));
  });

  it('reads as plain English from an FAQ page, and cuts a long title in the subject only', () => {
    const long = 'Adding a Google Analytics tag to every page of a site with several languages and a shop';
    const mail = verdictMail(
      { ...input, questionId: null, title: long, vendorName: 'Sirius Support', source: 'faq' },
      'solved',
      translate('en'),
    );
    expect(mail.subject).toBe(
      'Solved: Adding a Google Analytics tag to every page of a site with… [Kotae a12 r3 solved]',
    );
    expect(mail.body.split('\n')).toEqual([
      'Hello Sirius Support,',
      '',
      `The steps in your FAQ article "${long}" solved my problem. Thank you.`,
      '',
      '(Anything else you would like to tell us:)',
      '',
      '',
      'Answer no. 12, revision 3',
    ]);
  });
});
