import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { makeVideo } from '../../electron/core/testing/videos';
import { expect, test } from '../fixtures';

// Issue 9: the ffmpeg bundled with the installers is 4.1 (2018). A vendor whose ffmpeg is that old
// still renders: Settings says it is old with reduced capability, a lossless cut is planned and
// rendered accurately (frame-exact) with the reason shown, and the result plays.

const require = createRequire(import.meta.url);
const bundledFfmpeg = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;

test('with the bundled ffmpeg 4.1, Settings says so and a lossless cut renders accurately, saying why', async ({ page, app }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const ffmpegPath = page.getByLabel('ffmpeg path');
  await ffmpegPath.fill(bundledFfmpeg);
  await ffmpegPath.blur();
  await expect(page.getByTestId('ffmpeg-info')).toContainText(bundledFfmpeg);
  await expect(page.getByTestId('ffmpeg-old')).toContainText('older than 5.0');
  // Shown as a warning in Settings before the Videos screen (whose stylesheet once held the style) is opened.
  await expect(page.getByTestId('ffmpeg-old')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');

  mkdirSync(app.tempDir, { recursive: true });
  const file = await makeVideo(app.tempDir, 'long-gop.mp4', { durationS: 4, gop: 60 });
  await page.getByRole('link', { name: 'Videos' }).click();
  await app.queueDialogs({ chooseFiles: [[file]] });
  await page.getByTestId('import-videos').click();
  await expect(page.getByTestId('trim-editor')).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('i');
  await page.getByTestId('mode-lossless').check();

  // Keyframes every 2 s, but this ffmpeg cannot copy from 1.1 s: the plan keeps the exact frame
  // instead of claiming a keyframe-snapped lossless cut, and says why.
  const segment = page.getByTestId('plan-segment');
  await expect(segment).toContainText('cut at 0:01.100');
  await expect(segment).toContainText('frame-exact');
  await expect(page.getByTestId('plan-fallback')).toContainText('A lossless cut is not possible here');
  await expect(page.getByTestId('plan-fallback')).toContainText('older than 5.0');

  await page.getByTestId('render-start').click();
  const result = page.getByTestId('render-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText('0:02.900');
  await expect(page.getByTestId('render-result-fallback')).toContainText('older than 5.0');
  const duration = await page.getByTestId('result-video').evaluate(async (v: HTMLVideoElement) => {
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
    return v.duration;
  });
  expect(duration).toBeCloseTo(2.9, 1);
});
