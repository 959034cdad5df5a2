import { describe, expect, it } from 'vitest';
import { documentOf, paragraph, resolution, step } from '../../../shared/answers/document';
import type { BundleClip } from './clips';
import type { BundleContent } from './content';
import { emailDraft, questionTopic } from './emailDraft';

const clip: BundleClip = {
  id: 5,
  title: 'Regenerating images',
  output: {
    sha256: 'a'.repeat(64),
    ext: 'mp4',
    mime: 'video/mp4',
    size: 1,
    durationS: 9,
    width: 1,
    height: 1,
  },
  chapters: [],
  captions: [],
};

function content(over: {
  language?: 'ja' | 'en';
  steps?: boolean;
  clips?: BundleClip[];
  question?: string | null;
}): BundleContent {
  const language = over.language ?? 'en';
  return {
    answer: {
      id: 7,
      title: language === 'ja' ? '画像が表示されないときの確認手順' : 'Checking missing images',
      revision: 1,
      language,
      doc: documentOf([
        paragraph('Here is how.'),
        ...(over.steps === false ? [] : [step('Open Design.', 'The themes appear.')]),
      ]),
      verifiedVersion: null,
      verifiedAt: null,
      kind: 'answer',
    },
    customer: null,
    question: over.question ? { id: 10, subject: over.question } : null,
    personalised: false,
    greeting: null,
    closing: null,
    vendor: { name: 'Sirius Support', email: '', phone: '', website: '', colour: null, fingerprint: null },
    productName: null,
    clips: over.clips ?? [],
    images: [],
  };
}

describe('e-mail draft: how to open the bundle', () => {
  it('promises no video when the bundle has none', () => {
    const en = emailDraft(content({}), 'answer-r1.zip').body;
    expect(en).toContain(
      'Unzip the attached file answer-r1.zip and open index.html in your web browser. It works without an internet connection. You can tick off each step as you go.\n',
    );
    expect(en).not.toMatch(/video/i);
    const ja = emailDraft(content({ language: 'ja' }), 'answer-r1.zip').body;
    expect(ja).toContain('手順ごとにチェックを付けながら進められます。');
    expect(ja).not.toContain('動画');
  });

  it('mentions the videos when the bundle has them, counted in English', () => {
    expect(emailDraft(content({ clips: [clip] }), 'a.zip').body).toContain(
      'You can tick off each step as you go. The video in it shows how it is done.',
    );
    expect(emailDraft(content({ clips: [clip, { ...clip, id: 6 }] }), 'a.zip').body).toContain(
      'The 2 videos in it show how it is done.',
    );
    expect(emailDraft(content({ language: 'ja', clips: [clip] }), 'a.zip').body).toContain(
      'チェックを付けながら進められます。操作の様子は動画でもご確認いただけます。',
    );
  });

  it('does not offer to tick steps off when the answer has no steps', () => {
    const body = emailDraft(content({ steps: false }), 'answer folder').body;
    expect(body).toContain('Open the folder “answer folder” we sent you');
    expect(body).not.toContain('tick off');
    expect(emailDraft(content({ language: 'ja', steps: false }), 'a.zip').body).not.toContain('チェック');
  });

  it('sums up only the resolution fields that were filled in', () => {
    const c = content({});
    c.answer.doc.root.children.push(
      resolution({ cause: 'Old cache.', done: '', remains: '', resolved: '', prevention: '' }, true),
    );
    const body = emailDraft(c, 'a.zip').body;
    expect(body).toContain('- What caused it: Old cache.');
    expect(body).not.toContain('■');
    const ja = content({ language: 'ja' });
    ja.answer.doc.root.children.push(
      resolution({ cause: '古いキャッシュ。', done: '', remains: '', resolved: '', prevention: '' }, true),
    );
    expect(emailDraft(ja, 'a.zip').body).toContain('■ 原因\n古いキャッシュ。');
    expect(body).not.toContain('What was done');
  });
});

describe('e-mail draft: what the question was about', () => {
  it('names the question the customer asked when one is chosen, without Re:/Fwd:', () => {
    const draft = emailDraft(content({ question: 'Re: Images vanish after I change the theme' }), 'a.zip');
    expect(draft.body).toContain(
      'our answer to your question about “Images vanish after I change the theme”.',
    );
    expect(draft.subject).toBe('Answer: Checking missing images');
    const ja = emailDraft(content({ language: 'ja', question: 'ＲＥ：スマホで画像が出ません' }), 'a.zip');
    expect(ja.body).toContain('「スマホで画像が出ません」の件について、回答をお送りいたします。');
  });

  it('falls back to the answer title without a question', () => {
    expect(emailDraft(content({}), 'a.zip').body).toContain('your question about “Checking missing images”.');
  });

  it('strips reply and forward prefixes in their usual spellings', () => {
    expect(questionTopic('Re: Fwd: RE: Images')).toBe('Images');
    expect(questionTopic('FW: Re[2]: Images')).toBe('Images');
    expect(questionTopic('ＲＥ：画像')).toBe('画像');
    expect(questionTopic('Ｒｅ: 画像')).toBe('画像');
    expect(questionTopic('返信: 画像')).toBe('画像');
    expect(questionTopic('Reset password')).toBe('Reset password');
    expect(questionTopic('Re: ')).toBe('');
  });
});
