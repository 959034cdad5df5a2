import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import defaultRulesJson from '../../../resources/checks/default-rules.json';
import { demoAnswers } from '../../../resources/demo/answers';
import { CheckRules } from '../../domain/checks';
import { resources } from '../../i18n';
import {
  documentOf,
  options,
  paragraph,
  resolution,
  step,
  type AnswerDocument,
  type DocNode,
} from '../document';
import { checkAnswer, checkMessage, findingText, type CheckInput } from './index';

const rules = CheckRules.parse(defaultRulesJson);
const fullResolution = resolution(
  { cause: 'c', done: 'd', remains: 'r', resolved: 'y', prevention: 'p' },
  true,
);
const verified = { version: '4.2.1', at: '2026-01-01T00:00:00.000Z' };

function input(doc: AnswerDocument, extra: Partial<CheckInput> = {}): CheckInput {
  return {
    doc,
    kind: 'answer',
    language: 'en',
    questions: [{ id: 1, subject: 'Q', scopeVerdict: 'in_scope', technicalLevel: 'expert' }],
    mediaExists: () => true,
    clipExists: () => true,
    rules,
    ...extra,
  };
}

/** A complete, verified answer with `opening` as its first paragraph. */
function answer(opening: string, more: DocNode[] = []): AnswerDocument {
  return documentOf([
    paragraph(opening),
    step('Open Settings.', 'The settings page opens.', { verified }),
    ...more,
    fullResolution,
  ]);
}

const codes = (i: CheckInput) => checkAnswer(i).map((f) => f.code);

describe('completeness', () => {
  it('passes a complete, verified answer', () => {
    expect(checkAnswer(input(answer('Here is how to do it.')))).toEqual([]);
  });

  it('flags a missing resolution summary and missing steps', () => {
    expect(codes(input(documentOf([paragraph('Hello')])))).toEqual(['no_steps', 'resolution_missing']);
  });

  it('flags each empty part of the resolution summary by name', () => {
    const doc = documentOf([
      step('a', 'b', { verified }),
      resolution({ cause: 'c', done: '', remains: ' ', resolved: 'y', prevention: 'p' }, null),
    ]);
    const found = checkAnswer(input(doc)).filter((f) => f.code === 'resolution_field_empty');
    expect(found.map((f) => f.params.field)).toEqual(['done', 'remains']);
    expect(found[0]!.block).toBe(1);
  });

  it('flags a step without an expected result, numbered as the customer sees it', () => {
    const doc = documentOf([step('a', 'b', { verified }), step('c', '', { verified }), fullResolution]);
    const f = checkAnswer(input(doc));
    expect(f.map((x) => x.code)).toEqual(['step_no_expected']);
    expect(f[0]!.params.step).toBe(2);
  });

  it('counts unverified steps in one finding', () => {
    const doc = documentOf([step('a', 'b'), step('c', 'd', { verified }), step('e', 'f'), fullResolution]);
    const f = checkAnswer(input(doc));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      code: 'steps_unverified',
      severity: 'warning',
      params: { count: 2, steps: '1, 3' },
    });
  });

  it('flags a screenshot or picture whose file is not in the library', () => {
    const sha = 'a'.repeat(64);
    const doc = answer('Hi.', [
      step('x', 'y', { verified, screenshot: { sha256: sha, ext: 'png', alt: 'settings.png' } }),
    ]);
    expect(codes(input(doc, { mediaExists: (s) => s !== sha }))).toEqual(['media_missing']);
    expect(codes(input(doc))).toEqual([]);
  });

  it('flags a video link to a clip that is gone', () => {
    const doc = answer('Hi.', [step('x', 'y', { verified, videoLink: { clipId: 9, timeS: 3 } })]);
    expect(codes(input(doc, { clipExists: () => false }))).toEqual(['clip_missing']);
  });

  it('asks for two or more complete options', () => {
    const one = answer('Hi.', [options([{ title: 'Only', pros: 'p', cons: 'c' }])]);
    expect(codes(input(one))).toEqual(['options_too_few']);
    const two = answer('Hi.', [
      options([
        { title: 'A', pros: 'p', cons: 'c' },
        { title: 'B', pros: '', cons: 'c' },
      ]),
    ]);
    expect(codes(input(two))).toEqual(['option_incomplete']);
  });

  it('does not ask a decline for steps or a summary', () => {
    const doc = documentOf([paragraph('Thank you for asking. This is outside what Sirius does.')]);
    expect(
      codes(
        input(doc, {
          kind: 'decline',
          questions: [{ id: 1, subject: 'Q', scopeVerdict: 'out_of_scope', technicalLevel: null }],
        }),
      ),
    ).toEqual([]);
  });

  it('passes every demo answer on completeness', () => {
    for (const a of demoAnswers) {
      const findings = checkAnswer(input(a.doc, { kind: a.kind, language: a.language })).filter(
        (f) => f.category === 'completeness',
      );
      expect(findings, a.title).toEqual([]);
    }
  });
});

describe('tone in English', () => {
  const en = (opening: string) => codes(input(answer(opening)));

  it('flags blaming, arguing and talking down', () => {
    expect(en('This happened because of user error on your side.')).toEqual(['tone_blame']);
    expect(en('That is not possible, this is not a bug.')).toEqual(['tone_argue', 'tone_argue']);
    expect(en('Obviously, you need to press Save.')).toEqual(['tone_talkDown']);
  });

  it('matches regardless of case, apostrophes and spacing', () => {
    expect(en('It’s  YOUR FAULT, I think.')).toEqual(['tone_blame']);
    expect(en('THAT’S NOT TRUE.')).toEqual(['tone_argue']);
  });

  it('does not flag ordinary wording that contains the same words', () => {
    expect(en('You should have received a confirmation e-mail; it may be in your spam folder.')).toEqual([]);
    expect(en('Your default settings are kept. The fault was in our update, and it is fixed.')).toEqual([]);
    expect(en('I understand how frustrating a broken checkout is on a Friday.')).toEqual([]);
  });

  it('flags an answer that opens with a bare apology', () => {
    expect(en('We apologize for the inconvenience. Please follow the steps below.')).toEqual([
      'tone_bare_apology',
    ]);
    expect(en('Dear Ms Miller,\n\nSorry for the trouble. Here is the fix.')).toEqual(['tone_bare_apology']);
  });

  it('accepts an apology that acknowledges the situation, or one later in the answer', () => {
    expect(en('I am sorry: losing orders right before your sale must be stressful.')).toEqual([]);
    expect(en('Your shop is back online. Here is what happened, and we are sorry it did.')).toEqual([]);
  });
});

describe('tone in Japanese', () => {
  const ja = (opening: string) => codes(input(answer(opening), { language: 'ja' }));

  it('flags blaming, arguing and talking down', () => {
    expect(ja('今回の件はお客様の操作ミスによるものです。')).toEqual(['tone_blame']);
    expect(ja('そのようなことはありません。弊社の問題ではありません。')).toEqual([
      'tone_argue',
      'tone_argue',
    ]);
    expect(ja('この設定は誰でもできます。')).toEqual(['tone_talkDown']);
  });

  it('matches full-width and half-width forms alike', () => {
    expect(ja('ｱﾘｴﾏｾﾝ。')).toEqual([]); // katakana is not the rule's wording
    expect(ja('設定はカンタンです。')).toEqual([]);
    expect(ja('ご存知ないかもしれませんが、ここを押します。')).toEqual(['tone_talkDown']);
  });

  it('does not flag wording that states the cause as a fact', () => {
    expect(ja('画像の形式が HEIC になっていたため、表示されませんでした。')).toEqual([]);
    expect(ja('お客様のサイトは正常に表示されています。')).toEqual([]);
  });

  it('flags an opening that is only an apology', () => {
    expect(ja('申し訳ございません。設定を確認しました。')).toEqual(['tone_bare_apology']);
    expect(
      ja('田中 様\nお問い合わせいただきありがとうございます。\nご迷惑をおかけして申し訳ありません。'),
    ).toEqual(['tone_bare_apology']);
  });

  it('accepts an apology that addresses the customer’s situation first or alongside', () => {
    expect(ja('決済が止まっていてはご心配だったと思います。申し訳ございません。')).toEqual([]);
    expect(ja('せっかく追加した写真が見えないと、残念ですよね。')).toEqual([]);
  });
});

describe('jargon for the customer’s technical level', () => {
  const doc = (text: string) => answer(text);
  const withLevel = (
    text: string,
    level: 'beginner' | 'intermediate' | 'expert' | null,
    language: 'ja' | 'en',
  ) =>
    codes(
      input(doc(text), {
        language,
        questions: [{ id: 1, subject: 'Q', scopeVerdict: 'in_scope', technicalLevel: level }],
      }),
    );

  it('flags technical words for a beginner, in Japanese and English', () => {
    expect(withLevel('DNS の設定を変更します。', 'beginner', 'ja')).toEqual(['jargon']);
    expect(withLevel('Clear the cache and add a CNAME.', 'beginner', 'en')).toEqual(['jargon', 'jargon']);
  });

  it('does not flag the same words for an expert, or when the level is unknown', () => {
    expect(withLevel('DNS の CNAME を変更します。', 'expert', 'ja')).toEqual([]);
    expect(withLevel('Clear the cache and add a CNAME.', 'expert', 'en')).toEqual([]);
    expect(withLevel('Clear the cache and add a CNAME.', null, 'en')).toEqual([]);
  });

  it('flags expert words for an intermediate reader but not intermediate ones', () => {
    expect(withLevel('Clear the cache, then add a CNAME.', 'intermediate', 'en')).toEqual(['jargon']);
  });

  it('does not flag a word explained right where it is used, or inside a longer word', () => {
    expect(withLevel('DNS（ドメイン名とサーバーを結びつける設定）を変更します。', 'beginner', 'ja')).toEqual(
      [],
    );
    expect(withLevel('The page was cached by mistake; reload it.', 'beginner', 'en')).toEqual([]);
  });

  it('measures against the least technical customer the answer serves', () => {
    const both = input(doc('Add a CNAME record.'), {
      questions: [
        { id: 1, subject: 'a', scopeVerdict: 'in_scope', technicalLevel: 'expert' },
        { id: 2, subject: 'b', scopeVerdict: 'in_scope', technicalLevel: 'beginner' },
      ],
    });
    expect(checkAnswer(both).map((f) => [f.code, f.params.level])).toEqual([['jargon', 'beginner']]);
  });
});

describe('scope', () => {
  const verdict = (
    v: 'in_scope' | 'out_of_scope' | 'needs_clarification' | null,
    kind: 'answer' | 'decline' = 'answer',
  ) =>
    codes(
      input(answer('Hi.'), {
        kind,
        questions: [{ id: 1, subject: 'Q', scopeVerdict: v, technicalLevel: null }],
      }),
    );

  it('passes an answer to an in-scope question and a decline of an out-of-scope one', () => {
    expect(verdict('in_scope')).toEqual([]);
    expect(verdict('out_of_scope', 'decline')).toEqual([]);
  });

  it('flags an answer to an out-of-scope question, and undecided verdicts', () => {
    expect(verdict('out_of_scope')).toEqual(['scope_out_of_scope']);
    expect(verdict('needs_clarification')).toEqual(['scope_needs_clarification']);
    expect(verdict(null)).toEqual(['scope_undecided']);
    expect(verdict('in_scope', 'decline')).toEqual(['scope_decline_in_scope']);
    expect(codes(input(answer('Hi.'), { questions: [] }))).toEqual(['scope_no_question']);
  });
});

describe('findingText', () => {
  const t = (lng: 'en' | 'ja') => {
    const i18n = i18next.createInstance();
    void i18n.init({ resources, lng, initAsync: false, interpolation: { escapeValue: false } });
    return (key: string, params?: Record<string, unknown>) => i18n.t(key, params ?? {});
  };

  it('explains a finding in plain words, with the field and the rule’s advice', () => {
    const doc = documentOf([
      step('a', 'b', { verified }),
      resolution({ cause: 'c', done: '', remains: 'r', resolved: 'y', prevention: 'p' }, true),
    ]);
    const f = checkAnswer(input(doc))[0]!;
    expect(findingText(f, t('en')).message).toBe('“What was done” of the resolution summary is empty.');
    expect(findingText(f, t('ja')).message).toBe('解決のまとめの「対応したこと」が空です。');
    const blame = checkAnswer(input(answer('It was user error.')))[0]!;
    expect(findingText(blame, t('en')).explanation).toContain('State the cause as a fact');
    const unverified = checkAnswer(input(documentOf([step('a', 'b'), step('c', 'd'), fullResolution])))[0]!;
    expect(findingText(unverified, t('en')).message).toBe('Steps 1, 2 are not verified yet.');
  });
});

describe('what a new user saw in the checks panel (issue 18)', () => {
  it('an empty answer does not pass the tone check', () => {
    const findings = checkAnswer(input(documentOf([paragraph('')]), { language: 'ja' }));
    expect(findings.find((f) => f.category === 'tone')?.code).toBe('tone_empty');
  });

  it('flags 「マニュアルをよく読んでください」 and "read the instructions carefully" as talking down', () => {
    const ja = checkMessage('田中 様\n\nマニュアルをよく読んでください。', 'ja', rules);
    expect(ja.map((f) => f.code)).toContain('tone_talkDown');
    const en = checkMessage('Dear Jo,\n\nPlease read the instructions carefully.', 'en', rules);
    expect(en.map((f) => f.code)).toContain('tone_talkDown');
    // And a blaming message is an error, so a template that slipped would fail its test.
    expect(checkMessage('お客様の設定ミスです。', 'ja', rules)[0]).toMatchObject({ severity: 'error' });
  });
});

describe('a step that did not work when reproduced (issue 18)', () => {
  it('is an error until it is verified again', () => {
    const failing = step('Open Settings', 'The plan badge shows', {
      stepId: 's1',
      failed: { version: '4.2.1', at: '2026-01-01T00:00:00.000Z' },
    });
    const codes = checkAnswer(input(documentOf([failing, fullResolution]))).map((f) => f.code);
    expect(codes).toContain('step_failed');
    expect(codes).not.toContain('steps_unverified');
  });
});

describe('jargon explained once', () => {
  it('a term explained in brackets where it is first used is not flagged again later', () => {
    const doc = documentOf([
      paragraph(
        'Your domain’s DNS (the setting that connects your domain name to a server) needs one change.',
      ),
      paragraph('Wait until the DNS change has reached everyone.'),
    ]);
    const beginner = {
      id: 1,
      subject: 'Q',
      scopeVerdict: 'in_scope' as const,
      technicalLevel: 'beginner' as const,
    };
    const codes = checkAnswer(input(doc, { questions: [beginner] })).filter((f) => f.category === 'jargon');
    expect(codes).toEqual([]);
  });
});
