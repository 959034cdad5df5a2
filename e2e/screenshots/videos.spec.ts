import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeVideo } from '../../electron/core/testing/videos';
import { expect, test } from '../fixtures';

// Screenshots of the Videos screen in both languages, to look at as a user would.
const out = path.resolve(import.meta.dirname, '../test-results/screenshots');

for (const locale of ['en-US', 'ja-JP']) {
  test.describe(locale, () => {
    test.use({ systemLocale: locale });
    test(`videos editor (${locale})`, async ({ page, app }) => {
      mkdirSync(app.tempDir, { recursive: true });
      const file = await makeVideo(app.tempDir, 'screen-recording.mp4', { durationS: 8, gop: 60, width: 640, height: 360 });
      await page.goto(`${page.url().split('#')[0]}#/videos`);
      await expect(page.getByTestId('screen-videos')).toBeVisible();
      await app.dropFiles('[data-testid="screen-videos"]', [file]);
      await expect(page.getByTestId('trim-editor')).toBeVisible();
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('i');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('s');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('s');
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('Delete');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('m');
      await page.getByTestId('mode-lossless').check();
      await page.getByTestId('clip-answer').getByRole('combobox').click();
      await page.getByTestId('clip-answer').getByRole('option').first().click();
      await page.waitForTimeout(800);
      mkdirSync(out, { recursive: true });
      await page.screenshot({ path: path.join(out, `videos-editor-${locale}.png`), fullPage: true });
      await page.getByTestId('record-open').click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(out, `videos-recorder-${locale}.png`) });
    });
  });
}
