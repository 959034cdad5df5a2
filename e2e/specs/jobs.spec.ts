import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeVideo } from '../../electron/core/testing/videos';
import { expect, test } from '../fixtures';

// A job can end before the reply that names it reaches the screen (a render of a one-second clip,
// a backup of a small library): the screen must still show it as finished, with its result. The
// harness holds those replies until the job's last event has gone out, so the order is certain.

test.skip(process.env.KOTAE_ELECTRON === '1', 'the reply order can only be forced through the harness');

test('a render that ends before its reply arrives shows as rendered, not as running', async ({
  page,
  app,
}) => {
  mkdirSync(app.tempDir, { recursive: true });
  const file = await makeVideo(app.tempDir, 'tiny.mp4', { durationS: 1, gop: 30 });
  await app.holdJobReplies(['clips:render']);
  await page.getByRole('link', { name: 'Videos' }).click();
  await expect(page.getByTestId('screen-videos')).toBeVisible();
  await app.dropFiles('[data-testid="screen-videos"]', [file]);
  await expect(page.getByTestId('clip-item')).toContainText('tiny');
  await expect(page.getByTestId('render-plan')).toBeVisible();

  await page.getByTestId('render-start').click();
  await expect(page.getByTestId('render-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('clip-item')).toContainText('Rendered');
  // Nothing left spinning: the Render button is back and the options can be changed again.
  await expect(page.getByTestId('render-running')).toHaveCount(0);
  await expect(page.getByTestId('render-start')).toBeEnabled();
  await expect(page.getByTestId('mode-accurate')).toBeEnabled();
});

test('a backup that ends before its reply arrives shows where it was saved', async ({ page, app }) => {
  mkdirSync(app.tempDir, { recursive: true });
  await app.holdJobReplies(['backup:create']);
  // After the background integrity check of the library just opened, as its status says: a backup
  // started during that check can fail with "database is locked" (a core issue of its own).
  await expect(page.getByTestId('library-integrity')).toHaveText('Checked: OK');
  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.locator('.k-card', { has: page.getByRole('heading', { name: 'Backup' }) });
  const zip = path.join(app.tempDir, 'quick');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await card.getByRole('button', { name: 'Back up library…' }).click();
  await expect(card.getByTestId('backup-done')).toContainText(`Backup saved: ${zip}.zip`);
  await expect(card.getByTestId('backup-progress')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Back up library…' })).toBeEnabled();
});
