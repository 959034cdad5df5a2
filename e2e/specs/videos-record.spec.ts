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
  // At least two seconds recorded (on a busy machine the clock can step from 0:00 to 0:03).
  const recordedS = async () => {
    const [, m = '0', s = '0'] = /(\d+):(\d\d)/.exec((await recorder.getByTestId('recorder-elapsed').textContent()) ?? '') ?? [];
    return Number(m) * 60 + Number(s);
  };
  await expect.poll(recordedS).toBeGreaterThanOrEqual(2);
  await recorder.getByTestId('recorder-pause').click();
  await expect(recorder.getByTestId('recorder-status')).toContainText('Paused');
  // Under load the clock may already have passed 0:03 when the pause lands: compare with the paused time.
  const pausedAt = await recorder.getByTestId('recorder-elapsed').textContent();
  await recorder.getByTestId('recorder-resume').click();
  await expect(recorder.getByTestId('recorder-status')).toContainText('Recording');
  await expect(recorder.getByTestId('recorder-elapsed')).not.toHaveText(pausedAt ?? '');
  await recorder.getByTestId('recorder-stop').click();

  // Saving remuxes and imports the file: the editor opens, or the recorder says what went wrong.
  const alert = recorder.getByRole('alert');
  await expect(page.getByTestId('trim-editor').or(alert)).toBeVisible({ timeout: 60_000 });
  await expect(alert).toHaveCount(0);
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
  // The editor's length is the picture's: at least what the clock showed before the pause, at most
  // the file's (on a busy machine the narration can run on after the last frame). How long it ran
  // depends on the machine: no fixed figure.
  const shown = (await page.getByTestId('edit-duration').textContent()) ?? '';
  const [, m = '', s = ''] = /(\d+):(\d+(?:\.\d+)?)/.exec(shown) ?? [];
  const editLength = Number(m) * 60 + Number(s);
  expect(editLength).toBeGreaterThan(2);
  expect(editLength).toBeLessThanOrEqual(seek.duration + 0.05);
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
