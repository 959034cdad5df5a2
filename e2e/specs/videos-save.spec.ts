import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeVideo } from '../../electron/core/testing/videos';
import { expect, test, type AppUnderTest } from '../fixtures';

// A rendered clip leaves the app the way a vendor needs it: "Save video as…" puts a copy where
// they choose (to attach it to a mail, to put it on a shared drive) and "Show in folder" opens
// the file manager at the rendered file.

/** Imports a one-second clip on the Videos screen and renders it; returns the rendered panel. */
async function renderTinyClip(page: Page, app: AppUnderTest, videosLink: string, renderedBadge: string) {
  mkdirSync(app.tempDir, { recursive: true });
  const file = await makeVideo(app.tempDir, 'tiny.mp4', { durationS: 1, gop: 30 });
  await page.getByRole('link', { name: videosLink }).click();
  await expect(page.getByTestId('screen-videos')).toBeVisible();
  await app.dropFiles('[data-testid="screen-videos"]', [file]);
  await expect(page.getByTestId('render-plan')).toBeVisible();
  await page.getByTestId('render-start').click();
  const result = page.getByTestId('render-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('clip-item')).toContainText(renderedBadge);
  return result;
}

test('Save video as… copies the rendered clip where the vendor chooses; Show in folder opens its folder', async ({
  page,
  app,
}) => {
  const result = await renderTinyClip(page, app, 'Videos', 'Rendered');
  const out = path.join(app.tempDir, 'out');
  mkdirSync(out);
  // Typed without an extension in the dialog: the file gets the video's.
  await app.queueDialogs({ chooseSaveFile: [path.join(out, 'for Mika')] });
  await result.getByRole('button', { name: 'Save video as…' }).click();
  await expect(result.getByTestId('video-saved')).toHaveText(
    `Video saved: ${path.join(out, 'for Mika.mp4')}`,
  );
  expect(readdirSync(out)).toEqual(['for Mika.mp4']);
  expect(statSync(path.join(out, 'for Mika.mp4')).size).toBeGreaterThan(1000);
  await expect(result.getByRole('button', { name: 'Save video as…' })).toBeEnabled();

  await result.getByRole('button', { name: 'Show in folder' }).click();
  await expect
    .poll(() => app.shownInFolder())
    .toEqual([expect.stringMatching(/[/\\]media[/\\][0-9a-f]{2}[/\\][0-9a-f]{64}\.mp4$/)]);
  // The copy and the library's file are the same video.
  const [shown] = await app.shownInFolder();
  expect(statSync(shown!).size).toBe(statSync(path.join(out, 'for Mika.mp4')).size);

  // A folder that no longer exists: said plainly, nothing written.
  await app.queueDialogs({ chooseSaveFile: [path.join(app.tempDir, 'gone', 'clip.mp4')] });
  await result.getByRole('button', { name: 'Save video as…' }).click();
  await expect(result.getByRole('alert')).toContainText('does not exist');
  await expect(result.getByTestId('video-saved')).toHaveCount(0);
});

test.describe('in Japanese', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('動画を別名で保存… and フォルダに表示; a cancelled dialog saves nothing', async ({ page, app }) => {
    const result = await renderTinyClip(page, app, '動画', '書き出し済み');
    await app.queueDialogs({ chooseSaveFile: [null] });
    await result.getByRole('button', { name: '動画を別名で保存…' }).click();
    await expect(result.getByRole('button', { name: '動画を別名で保存…' })).toBeEnabled();
    await expect(result.getByTestId('video-saved')).toHaveCount(0);

    const target = path.join(app.tempDir, 'お客様用.mp4');
    await app.queueDialogs({ chooseSaveFile: [target] });
    await result.getByRole('button', { name: '動画を別名で保存…' }).click();
    await expect(result.getByTestId('video-saved')).toHaveText(`動画を保存しました: ${target}`);
    await result.getByRole('button', { name: 'フォルダに表示' }).click();
    await expect.poll(async () => (await app.shownInFolder()).length).toBe(1);
  });
});
