import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { webVtt } from '../../shared/clips/webvtt';
import { addClipToAnswer } from '../../electron/core/faq/testing';
import { expect, test } from '../fixtures';

// The app's preview shows the answer as the customer reads it (issue 17): the same renderer as the
// bundle and the FAQ, in the answer's language, with the rendered clip and its chapters in the
// rendered file's time (not the source's), and its captions one at a time over the picture.

/** The captions WebVTT a render stores, put into the media folder as the render puts it. */
function storeCaptions(mediaDir: string): string {
  const vtt = webVtt([
    { startS: 0, endS: 1.2, text: '設定を開きます' },
    { startS: 1.2, endS: 2.4, text: '画像を選び、「保存 & 公開」を押します' },
  ]);
  const sha256 = createHash('sha256').update(vtt).digest('hex');
  mkdirSync(path.join(mediaDir, sha256.slice(0, 2)), { recursive: true });
  writeFileSync(path.join(mediaDir, sha256.slice(0, 2), `${sha256}.vtt`), vtt);
  return sha256;
}

/** The demo answer about images with a clip rendered from source 0.5–4.5 s (chapters at 0.5, 1.7, 2.9). */
function addRenderedClip(userData: string): void {
  const dir = path.join(userData, 'Kotae Library');
  const db = new Database(path.join(dir, 'library.sqlite'));
  try {
    const { id } = db
      .prepare("SELECT id FROM answers WHERE slug = 'images-not-shown-on-smartphones'")
      .get() as { id: number };
    const clip = addClipToAnswer(db, path.join(dir, 'media'), id);
    const asset = db.prepare('SELECT id FROM media_assets WHERE sha256 = ?').get(clip.sha256) as {
      id: number;
    };
    // What the clips service records after a render: chapters in OUTPUT time.
    const rendered = {
      assetId: asset.id,
      sha256: clip.sha256,
      mode: 'accurate',
      requestedMode: 'accurate',
      fallback: null,
      segments: [{ startS: 0.5, endS: 4.5 }],
      chapters: clip.chapters.map((title, i) => ({
        title,
        startS: i * 1.2,
        endS: (i + 1) * 1.2,
        stepId: null,
      })),
      chaptersVtt: clip.sha256,
      captionsVtt: storeCaptions(path.join(dir, 'media')),
      durationS: 4,
      width: 320,
      height: 180,
      renderedAt: new Date().toISOString(),
    };
    db.prepare('UPDATE clips SET rendered = ? WHERE id = ?').run(JSON.stringify(rendered), clip.clipId);
  } finally {
    db.close();
  }
}

test('the preview shows the answer as the bundle and the FAQ do, with its video and chapters in output time', async ({
  page,
  app,
}, testInfo) => {
  addRenderedClip(app.userData);
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /スマートフォンで画像が表示されないときの確認手順/ }).click();
  const detail = page.getByTestId('answer-detail');
  await detail.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('doc-preview');
  await expect(preview).toBeVisible();
  // The answer's words, in the answer's language, whatever the app's language is.
  await expect(preview.locator('li.step').first().locator('.step-number')).toHaveText('1');
  await expect(preview.locator('.resolution h2')).toHaveText('解決のまとめ');
  // The clip plays from the library, with its chapters at the rendered file's times.
  const video = preview.locator('video');
  await expect(video).toBeVisible();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  const chapters = preview.locator('.chapters a');
  await expect(chapters).toHaveText(['0:00 設定を開く', '0:01 画像を差し替える', '0:02 表示を確かめる']);
  // The captions of the render, one at a time over the picture, whatever the seek.
  const caption = preview.locator('.kb-caption');
  await expect(caption.locator('.kb-caption__line')).toHaveText(['設定を開きます']);
  await chapters.nth(1).click();
  await expect(caption.locator('.kb-caption__line')).toHaveText(['画像を選び、「保存 & 公開」を押します']);
  await chapters.nth(2).click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(2.4, 1);
  await expect(caption).toBeHidden();
  await chapters.nth(0).click();
  await expect(caption.locator('.kb-caption__line')).toHaveText(['設定を開きます']);
  // A chapter seeks in place: the app did not navigate away.
  await expect(preview).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('preview-ja.png'), fullPage: true });
});
