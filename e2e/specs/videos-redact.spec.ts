import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { gradientEnergy, type Frame } from '../../electron/core/testing/pictures';
import { makeVideo, testTools } from '../../electron/core/testing/videos';
import { editor, insertFromSlashMenu, steps } from '../answerEditor';
import { expect, test, type AppUnderTest } from '../fixtures';

// Issue 21 as a vendor does it: hide a licence key on the preview by dragging a rectangle, render,
// send the bundle, and see on the customer's side that the part stays hidden (a pixel check on a
// screenshot of the bundle's video); then take the answer's step pictures from the video's chapters.

const ANSWER = 'スマートフォンで画像が表示されないときの確認手順';

async function importGridVideo(page: Page, app: AppUnderTest, name: string): Promise<void> {
  mkdirSync(app.tempDir, { recursive: true });
  // Sharp edges everywhere (a white grid over the moving test pattern): a blur shows at once.
  const file = await makeVideo(app.tempDir, name, { durationS: 4, gop: 30, grid: true });
  await page.getByRole('link', { name: 'Videos' }).click();
  await expect(page.getByTestId('screen-videos')).toBeVisible();
  await app.dropFiles('[data-testid="screen-videos"]', [file]);
  await expect(page.getByTestId('trim-editor')).toBeVisible();
}

/** Drags from one point of an element to another, as shares of its size. */
async function dragOn(
  page: Page,
  target: Locator,
  from: [number, number],
  to: [number, number],
): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(
    box.x + box.width * ((from[0] + to[0]) / 2),
    box.y + box.height * ((from[1] + to[1]) / 2),
    { steps: 4 },
  );
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 4 });
  await page.mouse.up();
}

async function render(page: Page): Promise<void> {
  await page.getByTestId('render-start').click();
  await expect(page.getByTestId('render-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('clip-item')).toContainText('Rendered');
}

/** Grey pixels of a PNG (a screenshot), read by ffmpeg. */
async function greyPixels(png: Buffer, width: number, height: number): Promise<Frame> {
  const tools = await testTools();
  const y = execFileSync(
    tools.ffmpeg.path,
    [
      '-v',
      'error',
      '-i',
      'pipe:0',
      '-vf',
      `scale=${width}:${height}`,
      '-pix_fmt',
      'gray',
      '-f',
      'rawvideo',
      '-',
    ],
    {
      input: png,
      maxBuffer: 1 << 26,
    },
  );
  return { width, height, y, u: new Uint8Array(0), v: new Uint8Array(0) };
}

/** Links the clip to the answer in the answer picker, as a person does: type, then pick it. */
async function pickAnswer(page: Page) {
  const box = page.getByTestId('clip-answer').getByRole('combobox');
  await box.click();
  await box.fill(ANSWER);
  await page.getByRole('option', { name: ANSWER }).click();
  await expect(box).toHaveValue(ANSWER);
  // Back onto the editor, as a person clicks before using its keys (in the text box, the arrow
  // keys move the caret).
  await page.getByTestId('current-time').click();
}

test('draw a redaction on the preview, render, and the customer’s bundle shows it hidden', async ({
  page,
  app,
  browser,
}) => {
  // Two renders' worth of ffmpeg (the clip, then the bundle) on a shared two-core machine.
  test.slow();
  await importGridVideo(page, app, 'licence-key.mp4');
  await pickAnswer(page);

  // One second in, draw a rectangle over the middle of the picture.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('current-time')).toHaveText('0:01.000');
  await page.getByTestId('tool-redact').click();
  const overlay = page.getByTestId('region-overlay');
  await dragOn(page, overlay, [0.3, 0.3], [0.7, 0.7]);
  const region = page.getByTestId('region-redaction');
  await expect(region).toHaveCount(1);
  const bar = page.getByTestId('timeline-redaction');
  await expect(bar).toHaveAttribute('data-start', '1');
  await expect(bar).toHaveAttribute('data-end', '4');

  // Its out point with O, as for a cut: on the frame before 2 s, so it ends at 2 s.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('current-time')).toHaveText('0:01.967');
  await page.keyboard.press('o');
  await expect(bar).toHaveAttribute('data-end', '2');
  // The cut itself did not move.
  await expect(page.getByTestId('timeline-kept')).toHaveAttribute('data-end', '4');
  // Undo and redo, as for cuts.
  await page.keyboard.press('Control+z');
  await expect(bar).toHaveAttribute('data-end', '4');
  await page.keyboard.press('Control+Shift+z');
  await expect(bar).toHaveAttribute('data-end', '2');

  // Moved a little to the left by dragging it, then made taller by its corner.
  const before = (await region.boundingBox())!;
  await dragOn(page, region, [0.5, 0.5], [0.3, 0.5]);
  await expect.poll(async () => (await region.boundingBox())!.x).toBeLessThan(before.x - 5);
  await dragOn(page, page.getByTestId('region-handle-se'), [0.5, 0.5], [0.5, 3]);
  await expect.poll(async () => (await region.boundingBox())!.height).toBeGreaterThan(before.height + 10);
  // And by the keyboard: focused, the arrow keys move it (the frame stays where it was).
  const moved = (await region.boundingBox())!;
  await region.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await region.boundingBox())!.y).toBeGreaterThan(moved.y + 0.5);
  await expect(page.getByTestId('current-time')).toHaveText('0:01.967');
  await expect(page.getByTestId('region-style')).toHaveValue('blur');

  // The plan says what is re-encoded and why, before rendering; lossless says it cannot.
  await page.getByTestId('mode-smart').check();
  await expect(page.getByTestId('plan-part').filter({ hasText: 're-encoded (hidden part)' })).toHaveCount(1);
  await expect(page.getByTestId('plan-part').filter({ hasText: 'copied' }).first()).toBeVisible();
  await expect(page.getByTestId('lossless-unavailable')).toContainText('cannot hide part of the picture');
  await expect(page.getByTestId('mode-lossless')).toBeDisabled();
  await render(page);

  // Into the answer as a video block, and out as a bundle (zip and folder).
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: new RegExp(ANSWER) }).click();
  await steps(page).last().locator('.k-step__expected').click();
  await page.keyboard.press('End');
  // Out of the steps as out of a list: Enter makes a new step, Enter on the empty step leaves them.
  // (Not ArrowDown: where the browser puts the caret then depends on the layout below the step.)
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await insertFromSlashMenu(page, 'video', 'Video clip');
  await editor(page).getByTestId('video-block').getByRole('combobox').selectOption({ label: 'licence-key' });
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Folder (to copy onto a USB stick or a share)').check();
  const zip = path.join(app.tempDir, 'answer.zip');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('bundle-done')).toContainText('The bundle is ready.', { timeout: 60_000 });

  // The customer opens it offline and watches: at 1.5 s the middle is a smear, at 0.5 s sharp.
  const context = await browser.newContext({ offline: true, locale: 'ja-JP' });
  await context.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
  const customer = await context.newPage();
  await customer.goto(pathToFileURL(path.join(app.tempDir, 'answer', 'index.html')).href);
  const video = customer.locator('video');
  await expect(video).toBeVisible();
  // The picture at its own size, so a pixel of the screenshot is a pixel of the video.
  // Without the player's controls and loading spinner drawn over it: the picture alone is measured.
  await video.evaluate((v: HTMLVideoElement) => {
    v.controls = false;
    Object.assign(v.style, { width: '320px', height: '180px', objectFit: 'fill' });
  });
  const frameAt = async (s: number) => {
    await video.evaluate(async (v: HTMLVideoElement, at: number) => {
      if (v.readyState < 2) await new Promise((r) => v.addEventListener('loadeddata', r, { once: true }));
      const seeked = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
      v.currentTime = at;
      await seeked;
    }, s);
    return greyPixels(await video.screenshot(), 320, 180);
  };
  const middle = { x: 120, y: 70, w: 70, h: 40 };
  const hidden = gradientEnergy(await frameAt(1.5), middle);
  const shown = gradientEnergy(await frameAt(0.5), middle);
  expect(shown).toBeGreaterThan(8);
  expect(hidden).toBeLessThan(shown / 4);
  // Outside the rectangle the grid stays sharp at 1.5 s too.
  expect(gradientEnergy(await frameAt(1.5), { x: 10, y: 20, w: 60, h: 40 })).toBeGreaterThan(8);
  await context.close();
});

test('step pictures come from the rendered video, one per chapter linked to a step, and one undo takes them out', async ({
  page,
  app,
}) => {
  test.slow();
  await importGridVideo(page, app, 'how-to-replace.mp4');
  await pickAnswer(page);
  // Chapter 1 at the start shows step 1; chapter 2 at 2 s shows step 2.
  await page.getByTestId('add-chapter').click();
  const chapters = page.getByTestId('chapter');
  await chapters.nth(0).getByTestId('chapter-step').selectOption({ index: 1 });
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('current-time')).toHaveText('0:02.000');
  await page.getByTestId('add-chapter').click();
  await chapters.nth(1).getByTestId('chapter-step').selectOption({ index: 2 });
  await expect(chapters.nth(1).getByTestId('chapter-picture')).toContainText(
    'the last frame before the next chapter',
  );
  // Chapter 2's picture: the frame at 3 s.
  await page.keyboard.press('Shift+ArrowRight');
  await chapters.nth(1).getByTestId('chapter-picture-here').click();
  await expect(chapters.nth(1).getByTestId('chapter-picture')).toContainText('the frame at 0:03.000');
  const firstTitle = await chapters.nth(0).getByTestId('chapter-title').inputValue();
  expect(firstTitle).toContain('iPhone');
  await render(page);

  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: new RegExp(ANSWER) }).click();
  await expect(steps(page).locator('img[data-testid="step-screenshot"]')).toHaveCount(0);
  await page.getByTestId('step-pictures').click();
  await expect(
    page.getByRole('status').filter({ hasText: '2 step pictures taken from the video.' }),
  ).toBeVisible();
  const first = steps(page).nth(0).getByTestId('step-screenshot');
  await expect(first).toHaveAttribute('alt', firstTitle);
  await expect(steps(page).nth(1).getByTestId('step-screenshot')).toBeVisible();
  await expect(steps(page).nth(2).getByTestId('step-screenshot')).toHaveCount(0);
  await expect
    .poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(320);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // One undo takes both out; redo puts them back.
  await page
    .getByRole('toolbar', { name: 'Formatting and blocks' })
    .getByRole('button', { name: /^Undo/ })
    .click();
  await expect(steps(page).locator('img[data-testid="step-screenshot"]')).toHaveCount(0);
  await page
    .getByRole('toolbar', { name: 'Formatting and blocks' })
    .getByRole('button', { name: /^Redo/ })
    .click();
  await expect(steps(page).locator('img[data-testid="step-screenshot"]')).toHaveCount(2);
});

test('a zoom is drawn the picture’s shape and never over another; clean narration is a per-clip choice the plan shows', async ({
  page,
  app,
}) => {
  await importGridVideo(page, app, 'small-text.mp4');
  await page.getByTestId('tool-zoom').click();
  // A wide, flat rectangle around a line of small text: the zoom widens it to the picture's shape.
  await dragOn(page, page.getByTestId('region-overlay'), [0.2, 0.45], [0.6, 0.55]);
  const zoom = page.getByTestId('region-zoom');
  await expect(zoom).toHaveCount(1);
  const box = (await zoom.boundingBox())!;
  expect(Math.abs(box.width / box.height - 320 / 180)).toBeLessThan(0.1);
  await expect(page.getByTestId('timeline-zoom')).toHaveAttribute('data-end', '3');
  await expect(page.getByTestId('plan-regions')).toHaveText('In the result, re-encoded: 1 zoom');
  await expect(page.getByTestId('plan-part').filter({ hasText: 're-encoded (zoom' })).toHaveCount(1);

  // A second zoom where one already runs is refused, and the editor says why.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+ArrowRight');
  await page.getByTestId('tool-zoom').click();
  await dragOn(page, page.getByTestId('region-overlay'), [0.1, 0.1], [0.4, 0.4]);
  await expect(
    page.getByRole('status').filter({ hasText: 'A zoom is already running at this moment.' }),
  ).toBeVisible();
  await expect(page.getByTestId('timeline-zoom')).toHaveCount(1);

  // Clean narration: the plan says the sound is cleaned (and re-encoded); undo takes it back.
  await expect(page.getByTestId('plan-output')).toContainText('Sound copied');
  await page.getByTestId('clean-narration').check();
  await expect(page.getByTestId('plan-output')).toContainText('Sound cleaned and evened (re-encoded)');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('clean-narration')).not.toBeChecked();
  await expect(page.getByTestId('plan-output')).toContainText('Sound copied');
  // Removing the zoom from its panel takes it off the picture and the timeline.
  await page.getByRole('button', { name: 'Remove Zoom 1' }).click();
  await expect(page.getByTestId('timeline-zoom')).toHaveCount(0);
  await expect(page.getByTestId('plan-regions')).toHaveCount(0);
});
