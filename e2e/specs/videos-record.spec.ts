import { expect, test } from '../fixtures';

// Recording in Chromium with its fake screen and microphone (playwright.config passes
// --use-fake-ui-for-media-stream and --use-fake-device-for-media-stream): a few seconds, paused
// once, saved, and the result is a seekable video with a duration.

test('record the screen with narration, pause and resume, stop: a seekable clip appears', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Videos' }).click();
  await page.getByTestId('record-open').click();
  const recorder = page.getByTestId('recorder');
  await expect(recorder.getByRole('meter')).toBeVisible();
  await recorder.getByTestId('recorder-countdown').selectOption('3');
  await recorder.getByTestId('recorder-start').click();
  await expect(recorder.getByTestId('recorder-countdown-running')).toContainText(/3|2|1/);
  await expect(recorder.getByTestId('recorder-status')).toContainText('Recording');
  await expect(recorder.getByTestId('recorder-elapsed')).toContainText('0:02');
  await recorder.getByTestId('recorder-pause').click();
  await expect(recorder.getByTestId('recorder-status')).toContainText('Paused');
  // Under load the clock may already have passed 0:03 when the pause lands: compare with the paused time.
  const pausedAt = await recorder.getByTestId('recorder-elapsed').textContent();
  await recorder.getByTestId('recorder-resume').click();
  await expect(recorder.getByTestId('recorder-status')).toContainText('Recording');
  await expect(recorder.getByTestId('recorder-elapsed')).not.toHaveText(pausedAt ?? '');
  await recorder.getByTestId('recorder-stop').click();

  await expect(page.getByTestId('trim-editor')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('clip-item')).toContainText('Recording');
  const seek = await page.getByTestId('preview-video').evaluate(async (v: HTMLVideoElement) => {
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
    const duration = v.duration;
    v.currentTime = 1.5;
    await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    return { duration, at: v.currentTime, seekable: v.seekable.length ? v.seekable.end(0) : 0 };
  });
  // A remuxed file knows its length (MediaRecorder's own output says Infinity) and seeks.
  expect(Number.isFinite(seek.duration)).toBe(true);
  expect(seek.duration).toBeGreaterThan(2.5);
  expect(seek.seekable).toBeGreaterThan(2.5);
  expect(seek.at).toBeCloseTo(1.5, 1);
  await expect(page.getByTestId('edit-duration')).toContainText(/0:0[2-9]/);
});

test('without macOS screen-recording consent the recorder says where to allow it, and does not start', async ({
  page,
  app,
}) => {
  test.skip(process.env.KOTAE_ELECTRON === '1', 'the OS consent can only be faked through the harness');
  await app.setScreenAccess('denied');
  await page.getByRole('link', { name: 'Videos' }).click();
  await page.getByTestId('record-open').click();
  const recorder = page.getByTestId('recorder');
  await expect(recorder.getByTestId('recorder-screen-denied')).toContainText(
    'Privacy & Security → Screen Recording',
  );
  await expect(recorder.getByTestId('recorder-start')).toBeDisabled();
  await recorder.getByRole('button', { name: 'Open System Settings' }).click();
  await expect.poll(() => app.screenSettingsOpened()).toBe(1);

  // Once allowed (and the dialog opened again), recording can start.
  await app.setScreenAccess('granted');
  await page.keyboard.press('Escape');
  await page.getByTestId('record-open').click();
  await expect(recorder.getByTestId('recorder-screen-denied')).toHaveCount(0);
  await expect(recorder.getByTestId('recorder-start')).toBeEnabled();
});
