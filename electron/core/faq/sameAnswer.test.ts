import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  documentOf,
  heading,
  image,
  options,
  paragraph,
  resolution,
  step,
  video,
  type AnswerDocument,
} from '../../../shared/answers/document';
import { renderAnswerHtml, renderAnswerText, resolutionText } from '../../../shared/answers/renderHtml';
import { findNodes } from '../../../shared/answers/document';
import type { Language } from '../../../shared/domain/common';
import { exportBundle } from '../bundles';
import { renderedCaptions } from '../clips';
import { makeBundleFixture, type BundleFixture } from '../bundles/testing';
import { useTempDir } from '../testing/tempDir';
import { publishFaq } from './publish';
import { decideAll, siteFiles } from './testing';
import { updateFaqSettings } from './settings';

// Issue 17's "one answer, one rendering": an answer with every block type, through the real bundle
// export, the real FAQ publication, the app preview's call of the renderer and the mail draft. The
// texts of the blocks must be the same in all of them; only the frame around them differs.

const at = '2026-11-20T10:00:00.000Z';

function everyBlock(fx: BundleFixture, language: Language): AnswerDocument {
  const ja = language === 'ja';
  const [s1, s2, s3] = fx.stepIds;
  return documentOf([
    paragraph(
      ja
        ? 'HEIC 形式の画像はスマートフォンで表示されないことがあります。'
        : 'A HEIC picture may not show on phones.',
    ),
    heading('h2', ja ? '手順' : 'Steps'),
    step(ja ? '設定を開きます' : 'Open Settings', ja ? '設定画面が開きます' : 'The settings page opens', {
      stepId: s1,
      verified: { version: '4.2.1', at },
      screenshot: { sha256: fx.screenshotSha, ext: 'png', alt: ja ? '設定画面' : 'The settings page' },
      videoLink: { clipId: fx.clipId, timeS: 0 },
    }),
    step(ja ? '画像を選びます' : 'Choose Images', ja ? '一覧が出ます' : 'The list shows', {
      stepId: s2,
      verified: { version: '4.2.1', at },
    }),
    step(
      ja ? 'もう一度アップロードします' : 'Upload it again',
      ja ? 'スマートフォンでも表示されます' : 'It shows on phones',
      {
        stepId: s3,
      },
    ),
    options([
      {
        title: ja ? '縮小する' : 'Make it smaller',
        pros: ja ? 'すぐ終わる' : 'Quick',
        cons: ja ? '画質が落ちる' : 'Lower quality',
      },
      {
        title: ja ? 'JPEG にする' : 'Save as JPEG',
        pros: ja ? '確実' : 'Reliable',
        cons: ja ? '手間がかかる' : 'Takes longer',
      },
    ]),
    image({ sha256: fx.screenshotSha, ext: 'png' }, ja ? '完成した画面' : 'The finished page'),
    video(fx.clipId, ja ? '操作の動画' : 'How it is done'),
    resolution(
      {
        cause: ja ? 'HEIC 形式の画像' : 'A HEIC picture',
        done: ja ? 'JPEG に変えました' : 'Saved it as JPEG',
        // "What remains, for whom" is for this customer only: the public version leaves it out.
        remains: '',
        resolved: ja ? 'はい' : 'Yes',
        prevention: ja ? 'JPEG で保存する' : 'Save pictures as JPEG',
      },
      true,
    ),
  ]);
}

/** The words of every block, as a reader sees them, from the element that holds the answer. */
function blockTexts(root: Element) {
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const all = (sel: string) => [...root.querySelectorAll(sel)];
  return {
    paragraphs: all(':scope > p, :scope > h2').map(text),
    steps: all('li.step').map((s) => ({
      number: text(s.querySelector('.step-number')),
      action: text(s.querySelector('.step-action')),
      expected: text(s.querySelector('.step-expected')),
      verified: text(s.querySelector('.step-verified')),
      shot: s.querySelector('img.step-shot')?.getAttribute('alt') ?? null,
      watch: text(s.querySelector('.step-video')),
      watchTime: s.querySelector('.step-video')?.getAttribute('data-time') ?? null,
    })),
    options: all('.options').map((o) => [
      text(o.querySelector('h2')),
      ...[...o.querySelectorAll('.option h3, .option p')].map(text),
    ]),
    images: all('figure > img.answer-image').map((i) => i.getAttribute('alt')),
    videos: all('figure.video').map((f) => [
      text(f.querySelector('figcaption')),
      ...[...f.querySelectorAll('.chapters a')].map(text),
    ]),
    resolution: all('.resolution').map((r) => [
      text(r.querySelector('h2')),
      ...[...r.querySelectorAll('dt, dd')].map(text),
    ]),
  };
}

const dom = (html: string) => new JSDOM(html).window.document;

describe.each(['ja', 'en'] as const)('one answer, every output (%s)', (language) => {
  const tempDir = useTempDir('kotae-same-answer-');

  it('has the same block texts in the preview, the bundle, the FAQ page and the mail', async () => {
    const dir = { path: tempDir() };
    const fx = await makeBundleFixture(path.join(dir.path, 'lib'), dir.path);
    const { library } = fx;
    const doc = everyBlock(fx, language);
    library.mutate({ action: 'test.doc', entity: 'answer' }, (db) =>
      db
        .prepare("UPDATE answers SET doc = ?, language = ?, is_public = 1, kind = 'answer' WHERE id = ?")
        .run(JSON.stringify(doc), language, fx.answerId),
    );
    updateFaqSettings(library, { language });
    const bundleDir = path.join(dir.path, 'bundle');
    await exportBundle(
      library,
      {
        answerId: fx.answerId,
        customerId: fx.customerId,
        questionId: fx.questionId,
        personalised: true,
        videoRendition: 'original',
        zip: false,
        folder: true,
      },
      { zipPath: null, folderPath: bundleDir },
      { appVersion: 'test' },
      { signal: new AbortController().signal, progress: () => undefined },
    );
    await decideAll(library, 'not_personal');
    const out = path.join(dir.path, 'faq');
    await publishFaq(library, { outDir: out });
    const faqPage = [...siteFiles(out).entries()].find(
      ([p, html]) =>
        p.startsWith('answers/') && Buffer.from(html, 'latin1').toString('utf8').includes(fx.screenshotSha),
    );
    expect(faqPage, 'the answer has a page on the site').toBeDefined();

    const bundle = dom(readFileSync(path.join(bundleDir, 'index.html'), 'utf8'));
    const faq = dom(Buffer.from(faqPage![1], 'latin1').toString('utf8'));
    const bundleTexts = blockTexts(bundle.querySelector('main#answer')!);
    const faqTexts = blockTexts(faq.querySelector('.answer__body')!);

    // Every block is there, in the answer's words.
    expect(bundleTexts.steps).toHaveLength(3);
    expect(bundleTexts.options[0]).toHaveLength(1 + 2 * 3);
    expect(bundleTexts.images).toHaveLength(1);
    expect(bundleTexts.videos).toHaveLength(1);
    expect(bundleTexts.videos[0]!.length).toBeGreaterThan(1);
    expect(bundleTexts.resolution[0]!.length).toBe(1 + 2 * 4);
    expect(faqTexts).toEqual(bundleTexts);
    // The header reads the answer's derived state, as the steps below do (it said "not yet checked").
    expect(bundle.querySelector('[data-testid="bundle-verified"]')!.textContent).toBe(
      language === 'ja' ? '3 手順のうち 2 手順を 4.2.1 で確認済み' : '2 of 3 steps verified with 4.2.1',
    );
    expect(faq.querySelector('.answer__meta .badge')).toBeNull();

    // The preview renders the same document with the same renderer; its clip comes from the
    // library's clip record (the same one the bundle and the site read).
    const bundleClip = bundle.querySelector('figure.video')!;
    const chapters = [...bundleClip.querySelectorAll('.chapters a')].map((a) => ({
      title: a.querySelector('.kb-chapter__title')!.textContent!,
      startS: Number(a.getAttribute('data-time')),
      stepId: a.getAttribute('data-step'),
    }));
    const preview = renderAnswerHtml(doc, {
      language,
      imageSrc: (img) => `kotae-media://media/${img.sha256}`,
      clip: (id) =>
        id === fx.clipId
          ? {
              id,
              title: bundleClip.querySelector('figcaption')!.textContent!,
              src: 'kotae-media://media/clip',
              chapters,
              captions: [],
            }
          : null,
      video: { preload: 'metadata', inlineCaptions: false },
    });
    const previewDoc = dom(`<div id="preview">${preview.html.value}</div>`);
    expect(blockTexts(previewDoc.getElementById('preview')!)).toEqual(bundleTexts);

    // The captions: the bundle, the FAQ page and the app's preview (clips:captions) all read the
    // render's own file (the FAQ used to rebuild them from the edit's chapters and showed none here).
    const previewCaptions = renderedCaptions(library, fx.clipId);
    expect(previewCaptions.map((c) => c.text)).toEqual(['設定を開きます', '画像を選びます']);
    const bundleData = JSON.parse(bundle.getElementById('kotae-bundle-data')!.textContent!) as {
      clips: { captions: unknown }[];
    };
    expect(bundleData.clips.map((c) => c.captions)).toEqual([previewCaptions]);
    const faqCaptions = JSON.parse(
      faq.querySelector('video[data-captions]')!.getAttribute('data-captions')!,
    ) as [number, number, string][];
    expect(faqCaptions.map(([startS, endS, text]) => ({ startS, endS, text }))).toEqual(previewCaptions);

    // The mail carries the summary, with the same labels and words as the pages' summary block.
    const email = readFileSync(path.join(bundleDir, 'email.txt'), 'utf8');
    const summary = resolutionText(findNodes(doc, 'kotae-resolution')[0]!, language);
    expect(email).toContain(summary);
    for (const line of bundleTexts.resolution[0]!.slice(1)) expect(email).toContain(line);
    // And the whole answer as text holds every block's words the pages show.
    const asText = renderAnswerText(doc, language);
    for (const s of bundleTexts.steps) for (const t of [s.action, s.verified]) expect(asText).toContain(t);
    for (const t of bundleTexts.options[0]!) expect(asText).toContain(t);
    library.close();
  });
});
