import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  documentOf,
  heading,
  image,
  link,
  options,
  paragraph,
  resolution,
  step,
  text,
  video,
  bulletList,
  type AnswerDocument,
} from '../../../shared/answers/document';
import { renderAnswerHtml, renderAnswerText, type ClipView } from '../../../shared/answers/renderHtml';
import { XSS_MARKER, XSS_URL, xssPayload } from '../../../e2e/corpora/xssFields';
import { answerPage } from './site/pages';
import { translator } from './site/labels';
import type { Chrome } from './site/layout';

// The hostile-fields corpus (e2e/corpora/xssFields.ts) through every field of every block into
// every output the renderer feeds: the app preview's frame, the bundle's, the FAQ's, and the FAQ
// page around it. Nothing may become markup: no script, no event handler, no script URL; every
// payload must still read as the text it is. (The bundle page around it: bundles/page.test.ts,
// and the whole library through the real export and publication: e2e/specs/hostile-fields.spec.ts.)

const p = (field: string) => `${field}${xssPayload(field)}`;

function poisoned(): AnswerDocument {
  return documentOf([
    paragraph([text(p('paragraph')), link(XSS_URL, p('link')), link('https://example.com/"><x', p('link2'))]),
    heading('h2', p('heading')),
    bulletList([p('list')]),
    step(p('action'), p('expected'), {
      stepId: 's1',
      verified: { version: p('version'), at: '2026-11-20' },
      screenshot: { sha256: 'ab'.repeat(32), ext: 'png', alt: p('screenshot.alt') },
      videoLink: { clipId: 1, timeS: 0 },
    }),
    options([{ title: p('option.title'), pros: p('option.pros'), cons: p('option.cons') }]),
    image({ sha256: 'cd'.repeat(32), ext: 'png' }, p('image.alt')),
    video(1, p('video.title')),
    resolution(
      {
        cause: p('cause'),
        done: p('done'),
        remains: p('remains'),
        resolved: p('resolved'),
        prevention: p('prevention'),
      },
      true,
    ),
  ]);
}

const clip: ClipView = {
  id: 1,
  title: p('clip.title'),
  src: p('clip.src'),
  chapters: [{ title: p('chapter'), startS: 1, stepId: 's1' }],
  captions: [{ startS: 0, endS: 1, text: p('caption') }],
};

const frames = {
  preview: { preload: 'metadata', inlineCaptions: false, stepCheckboxes: false },
  bundle: { preload: 'auto', inlineCaptions: false, stepCheckboxes: true },
  faq: { preload: 'metadata', inlineCaptions: true, stepCheckboxes: false },
} as const;

function render(frame: (typeof frames)[keyof typeof frames]): string {
  return renderAnswerHtml(poisoned(), {
    language: 'en',
    imageSrc: (img) => `media/${img.sha256}.${img.ext}`,
    clip: (id) => (id === 1 ? clip : null),
    video: { preload: frame.preload, inlineCaptions: frame.inlineCaptions },
    stepCheckboxes: frame.stepCheckboxes,
  }).html.value;
}

/** What a browser would run or follow in the markup. */
function harm(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'svg', 'iframe', 'object', 'embed', 'x'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
      if (/^\s*javascript:/i.test(el.getAttribute(attr) ?? '')) found.push(`${tag}[${attr}=javascript:]`);
    }
  }
  return found;
}

const fields = [
  'paragraph',
  'link',
  'link2',
  'heading',
  'list',
  'action',
  'expected',
  'version',
  'option.title',
  'option.pros',
  'option.cons',
  'cause',
  'done',
  'remains',
  'resolved',
  'prevention',
  'clip.title',
  'chapter',
];

describe('the hostile-fields corpus through the renderer', () => {
  it.each(Object.keys(frames) as (keyof typeof frames)[])('leaves nothing to run in the %s frame', (name) => {
    const html = render(frames[name]);
    expect(harm(html)).toEqual([]);
    const doc = new JSDOM(html).window.document;
    // Every payload still reads as text, whole.
    for (const field of fields) expect(doc.body.textContent).toContain(p(field));
    const alts = [...doc.querySelectorAll('img')].map((i) => i.getAttribute('alt'));
    expect(alts).toEqual([p('screenshot.alt'), p('image.alt')]);
    expect(doc.querySelector('video')!.getAttribute('src')).toBe(p('clip.src'));
    if (frames[name].inlineCaptions)
      expect(JSON.parse(doc.querySelector('video')!.getAttribute('data-captions')!)).toEqual([
        [0, 1, p('caption')],
      ]);
    // Links keep only http(s): the script URL is plain text.
    expect(
      [...doc.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href'))
        .filter((h) => !h!.startsWith('#')),
    ).toEqual(['https://example.com/%22%3E%3Cx']);
  });

  it('leaves nothing to run on the FAQ page around it', () => {
    const t = translator('en');
    const chrome: Chrome = {
      lang: 'en',
      t,
      siteTitle: p('site'),
      vendorName: p('vendor'),
      vendorEmail: 'a@example.com',
      logo: null,
      siteUrl: '',
      signingKey: p('key'),
      versions: { css: '1', vendorCss: '1', js: '1' },
    };
    const body = renderAnswerHtml(poisoned(), {
      language: 'en',
      imageSrc: () => null,
      clip: () => clip,
      video: { preload: 'metadata', inlineCaptions: true },
    }).html;
    const page = answerPage(chrome, {
      answer: {
        id: 1,
        path: 'answers/x/',
        title: p('title'),
        language: 'en',
        updated: '2026-11-20',
        verifiedVersion: p('verifiedVersion'),
        topicId: 'other',
        summary: p('summary'),
      },
      topic: null,
      html: body,
      videos: body,
      checkedWith: p('checkedWith'),
      related: [],
      verdict: null,
    });
    const scripts = [...new JSDOM(page).window.document.querySelectorAll('script')].map((s) =>
      s.getAttribute('src'),
    );
    expect(scripts).toEqual(['../../assets/site.js?v=1']);
    expect(harm(page).filter((h) => h !== '<script>')).toEqual([]);
    expect(page.includes(XSS_MARKER) && !/<img src=x onerror/.test(page)).toBe(true);
  });

  it('keeps the payloads as plain text in the mail text', () => {
    const mail = renderAnswerText(poisoned(), 'en');
    for (const field of ['action', 'expected', 'option.title', 'cause', 'prevention'])
      expect(mail).toContain(p(field));
  });
});
