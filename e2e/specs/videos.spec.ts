import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeVideo } from '../../electron/core/testing/videos';
import { expect, test } from '../fixtures';

// The trim editor as a vendor uses it: bring a video in, cut it, mark a chapter, render, watch.

async function video(dir: string, name: string, spec: Parameters<typeof makeVideo>[2] = {}) {
  mkdirSync(dir, { recursive: true });
  return makeVideo(dir, name, { durationS: 4, gop: 30, ...spec });
}

test('import by drag and drop, set in and out, add a chapter, render accurately, and play the result', async ({
  page,
  app,
}) => {
  const file = await video(app.tempDir, 'how-to-publish.mp4');
  await page.getByRole('link', { name: 'Videos' }).click();
  await expect(page.getByTestId('screen-videos')).toBeVisible();
  await app.dropFiles('[data-testid="screen-videos"]', [file]);
  await expect(page.getByTestId('clip-item')).toContainText('how-to-publish');
  const editor = page.getByTestId('trim-editor');
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('timeline-thumbnails')).toHaveAttribute('style', /background-image/);

  // One second in (Shift+→), mark the in point; two seconds later, the out point.
  await expect(page.getByTestId('current-time')).toHaveText('0:00.000');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('current-time')).toHaveText('0:01.000');
  await page.keyboard.press('i');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('current-time')).toHaveText('0:02.967');
  await page.keyboard.press('o');
  await expect(page.getByTestId('edit-duration')).toContainText('0:02.000');
  const kept = page.getByTestId('timeline-kept');
  await expect(kept).toHaveCount(1);
  await expect(kept).toHaveAttribute('data-start', '1');
  await expect(kept).toHaveAttribute('data-end', '3');

  // A chapter at 2 s, named.
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('current-time')).toHaveText('0:02.000');
  await page.getByTestId('add-chapter').click();
  await page.getByTestId('chapter-title').fill('Open the publish settings');
  await page.getByTestId('chapter-caption').fill('Click Publish, then Settings.');
  await expect(page.getByTestId('timeline-chapter')).toHaveCount(1);
  // The chapter says where the customer's player will show it (1 s into the video, after the cut
  // before the in point), the recording's time beside it.
  await expect(page.getByTestId('chapter-time')).toHaveText('0:01 in the video (0:02.000 in the recording)');

  await page.getByTestId('mode-accurate').check();
  await expect(page.getByTestId('plan-segment')).toContainText('frame-exact');
  await page.getByTestId('render-start').click();
  const result = page.getByTestId('render-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText('0:02.000');
  await expect(page.getByTestId('clip-item')).toContainText('Rendered');

  // The result plays, is two seconds long, and carries the chapter: waited for as a person would
  // (the chapters load, the time moves), never for a fixed time.
  const resultVideo = page.getByTestId('result-video');
  await expect
    .poll(() => resultVideo.evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(1);
  await resultVideo.evaluate((v: HTMLVideoElement) => {
    v.textTracks[0]!.mode = 'hidden';
    v.muted = true;
  });
  await expect
    .poll(() => resultVideo.evaluate((v: HTMLVideoElement) => v.textTracks[0]!.cues?.length ?? 0))
    .toBeGreaterThan(0);
  await resultVideo.evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => resultVideo.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
  const facts = await resultVideo.evaluate((v: HTMLVideoElement) => ({
    duration: v.duration,
    chapters: [...(v.textTracks[0]!.cues ?? [])].map((c) => ({
      start: c.startTime,
      text: (c as VTTCue).text,
    })),
  }));
  expect(facts.duration).toBeCloseTo(2, 1);
  // The chapter was marked at 2 s of the source: 1 s into the result.
  expect(facts.chapters).toEqual([{ start: 1, text: 'Open the publish settings' }]);
});

test('import through the file dialog; a lossless cut shows where it really falls before rendering', async ({
  page,
  app,
}) => {
  const file = await video(app.tempDir, 'long-gop.mp4', { gop: 60 });
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
  // Keyframes every 2 s: an in point at 1.1 s really cuts at 0 s, and the editor says so.
  const segment = page.getByTestId('plan-segment');
  await expect(segment).toContainText('cut at 0:00.000');
  await expect(segment).toContainText('moved to keyframes');
  await expect(segment).toContainText('You chose 0:01.100');
  await expect(page.getByTestId('timeline-actual')).toHaveCount(1);
});

test('a file that is not a video is refused with a clear message', async ({ page, app }) => {
  mkdirSync(app.tempDir, { recursive: true });
  const bad = path.join(app.tempDir, 'notes.mp4');
  writeFileSync(bad, 'not a video at all\n'.repeat(50));
  await page.getByRole('link', { name: 'Videos' }).click();
  await expect(page.getByTestId('screen-videos')).toBeVisible();
  await app.dropFiles('[data-testid="screen-videos"]', [bad]);
  await expect(page.getByRole('alert')).toContainText('is not a video Kotae Studio can read');
  await expect(page.getByTestId('clip-item')).toHaveCount(0);
});

test('the preview plays the edit as it will come out: a removed part is skipped', async ({ page, app }) => {
  const file = await video(app.tempDir, 'with-a-detour.mp4', { durationS: 5 });
  await page.getByRole('link', { name: 'Videos' }).click();
  await expect(page.getByTestId('screen-videos')).toBeVisible();
  await app.dropFiles('[data-testid="screen-videos"]', [file]);
  await expect(page.getByTestId('trim-editor')).toBeVisible();
  // Cut out 1 s – 3 s: split at both ends, then remove the part between.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('s');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('s');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('timeline-kept')).toHaveCount(2);
  await expect(page.getByTestId('edit-duration')).toContainText('0:03.000');
  await page.keyboard.press('Home');
  // Every frame the preview shows is noted (requestVideoFrameCallback: the media time of each frame
  // put on screen), from before playback starts until it is past the hole, however slowly a busy
  // machine plays: what a person would have seen, not samples of a clock.
  const preview = page.getByTestId('preview-video');
  await preview.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    const shown: number[] = [];
    (window as unknown as { framesShown: number[] }).framesShown = shown;
    const note = (_now: number, frame: VideoFrameCallbackMetadata) => {
      shown.push(frame.mediaTime);
      v.requestVideoFrameCallback(note);
    };
    v.requestVideoFrameCallback(note);
  });
  await page.getByTestId('play').click();
  const framesShown = () => page.evaluate(() => (window as unknown as { framesShown: number[] }).framesShown);
  await expect.poll(async () => Math.max(0, ...(await framesShown()))).toBeGreaterThan(3.05);
  const seen = await framesShown();
  // The skip happens on the page's next animation frame, which a busy machine may hold back for a
  // few video frames: a quarter second into the hole at most, and nothing of the rest of it.
  expect(seen.filter((t) => t > 1.25 && t < 2.9)).toEqual([]);
});
