import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures';

// Settings → Backup: the vendor backs up the open library into one zip, then restores it as a new
// library and opens it. The OS dialogs answer what the test queued.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function kotae(...args: string[]) {
  const res = spawnSync(process.execPath, [path.join(root, 'bin/kotae.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, KOTAE_LANG: 'en' },
  });
  return { code: res.status, out: res.stdout + res.stderr };
}

test('Back up the library from Settings, then restore it as a new library and open it', async ({
  page,
  app,
}) => {
  mkdirSync(app.tempDir, { recursive: true });
  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.locator('.k-card', { has: page.getByRole('heading', { name: 'Backup' }) });
  await expect(card).toContainText('One zip file with the whole library');

  // Cancelling the save dialog does nothing.
  await app.queueDialogs({ chooseSaveFile: [null] });
  await card.getByRole('button', { name: 'Back up library…' }).click();
  await expect(card.getByTestId('backup-done')).toHaveCount(0);

  const zip = path.join(app.tempDir, 'my-library');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await card.getByRole('button', { name: 'Back up library…' }).click();
  await expect(card.getByTestId('backup-done')).toContainText(`Backup saved: ${zip}.zip`);
  expect(existsSync(`${zip}.zip`)).toBe(true);
  expect(readdirSync(app.tempDir)).toEqual(['my-library.zip']);
  // The file is a sound backup for the command line too.
  const restoredByCli = path.join(app.tempDir, 'cli-copy');
  expect(kotae('restore', `${zip}.zip`, '--to', restoredByCli).code).toBe(0);

  // Restoring over an existing library is refused and says why.
  const full = path.join(app.tempDir, 'full');
  mkdirSync(full);
  writeFileSync(path.join(full, 'notes.txt'), 'mine');
  await app.queueDialogs({ chooseFiles: [[`${zip}.zip`]], chooseFolder: [full] });
  await card.getByRole('button', { name: 'Restore a backup…' }).click();
  await expect(card).toContainText('is not empty. A new library needs an empty folder.');

  const target = path.join(app.tempDir, 'Restored library');
  await app.queueDialogs({ chooseFiles: [[`${zip}.zip`]], chooseFolder: [target] });
  await card.getByRole('button', { name: 'Restore a backup…' }).click();
  const done = card.getByTestId('restore-done');
  await expect(done).toContainText(`Library restored in ${target}.`);
  await done.getByRole('button', { name: 'Open the restored library' }).click();
  await expect(page.getByTestId('library-info')).toContainText(target);
  await expect(page.getByTestId('library-info')).toContainText('12 questions');
});

test('A zip that is not a backup is refused with a reason, and nothing is created', async ({ page, app }) => {
  mkdirSync(app.tempDir, { recursive: true });
  const fake = path.join(app.tempDir, 'holiday-photos.zip');
  writeFileSync(fake, 'PK this is not a zip');
  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.locator('.k-card', { has: page.getByRole('heading', { name: 'Backup' }) });
  const target = path.join(app.tempDir, 'new');
  await app.queueDialogs({ chooseFiles: [[fake]], chooseFolder: [target] });
  await card.getByRole('button', { name: 'Restore a backup…' }).click();
  await expect(card).toContainText('This is not a zip file, or it is damaged');
  expect(existsSync(target)).toBe(false);
});

test('File → Back Up Library… starts the same backup (Electron only: the harness has no menu)', async ({
  page,
  app,
  electronApp,
}) => {
  test.skip(!electronApp, 'the application menu exists only in the Electron app');
  mkdirSync(app.tempDir, { recursive: true });
  const zip = path.join(app.tempDir, 'from-menu.zip');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await electronApp!.evaluate(({ Menu, BrowserWindow }) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById('file:backup');
    item?.click(undefined, BrowserWindow.getAllWindows()[0], undefined as never);
  });
  await expect(page.getByTestId('backup-done')).toContainText(`Backup saved: ${zip}`);
  expect(existsSync(zip)).toBe(true);
});
