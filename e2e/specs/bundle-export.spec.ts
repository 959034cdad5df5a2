import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';
import { rawZip, type RawEntry } from '../../electron/core/bundles/testing';
import { expect, test } from '../fixtures';

// The vendor's side: the Export bundle dialog on the Answers screen, the history of what was sent,
// and checking a bundle file someone hands back.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ANSWER = 'スマートフォンで画像が表示されないときの確認手順';

/** A library whose answer has a 20-second 720p clip, made by the helper the viewer spec uses too. */
function videoLibrary(dir: string): string {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'e2e/helpers/bundleLibrary.ts'),
      dir,
      '--no-export',
      '--video',
      '1280x720:20',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return (JSON.parse(out.trim().split('\n').pop()!) as { library: string }).library;
}

function verifyWithCli(file: string) {
  const res = spawnSync(process.execPath, [path.join(root, 'bin/kotae.mjs'), 'bundle', 'verify', file], {
    encoding: 'utf8',
    env: { ...process.env, KOTAE_LANG: 'en' },
  });
  return { code: res.status, out: res.stdout + res.stderr };
}

test('Export bundle: personalised for the question’s customer, with size, e-mail draft and history', async ({
  page,
  app,
  context,
}) => {
  // For the page's own origin: the fixture's grants there (electron/main/policy.ts) take precedence
  // over a grant for every origin.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  mkdirSync(app.tempDir, { recursive: true });
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: new RegExp(ANSWER) }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Export a bundle for the customer' })).toBeVisible();

  // The customer of the question this answer serves is chosen, with that question and the greeting.
  await expect(dialog.getByRole('combobox', { name: 'Customer' })).toHaveValue('田中 美咲 (たなか整体院)');
  await expect(dialog.getByLabel('Question it answers').locator('option:checked')).toHaveText(
    'スマートフォンで画像が表示されません',
  );
  await expect(dialog.getByTestId('bundle-greeting')).toContainText('田中 美咲 様');
  await expect(dialog.getByTestId('bundle-size')).toContainText(/about \d+(\.\d)? KB/);
  await expect(dialog.getByTestId('bundle-size')).toContainText('11 files, 0 videos');
  await expect(dialog).toContainText('The bundle is in Japanese, the language of the answer.');

  // Generic hides the greeting; back to personalised, and also a folder.
  await dialog.getByLabel('Generic').check();
  await expect(dialog.getByTestId('bundle-greeting')).toHaveCount(0);
  await dialog.getByLabel('Personalised').check();
  await dialog.getByLabel('Folder (to copy onto a USB stick or a share)').check();

  // Cancelling the save dialog changes nothing.
  await app.queueDialogs({ chooseSaveFile: [null] });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('bundle-size')).toBeVisible();
  expect(existsSync(path.join(app.tempDir, 'for-tanaka.zip'))).toBe(false);

  const zip = path.join(app.tempDir, 'for-tanaka.zip');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const done = dialog.getByTestId('bundle-done');
  await expect(done).toContainText('The bundle is ready.');
  await expect(done).toContainText(zip);
  await expect(done).toContainText(path.join(app.tempDir, 'for-tanaka'));
  expect(verifyWithCli(zip)).toMatchObject({ code: 0 });
  expect(existsSync(path.join(app.tempDir, 'for-tanaka', 'index.html'))).toBe(true);
  await expect(done.getByLabel('Subject')).toHaveValue(`【回答】${ANSWER}`);

  await done.getByRole('button', { name: 'Copy e-mail draft' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The e-mail draft is on the clipboard.' }),
  ).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`【回答】${ANSWER}`);
  expect(copied).toContain('田中 美咲 様');
  expect(copied).toContain('for-tanaka.zip');

  await done.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => app.shownInFolder()).toEqual([zip]);
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();

  // The history: in the dialog for this answer, and on the customer's page.
  await page.keyboard.press('Control+Shift+E');
  const history = page.getByRole('dialog').getByTestId('bundle-history');
  await expect(history).toContainText('田中 美咲');
  await expect(history).toContainText('rev. 1');
  await expect(history).toContainText('for-tanaka.zip');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: /田中 美咲/ }).click();
  const customerHistory = page.getByTestId('customer-detail').getByTestId('bundle-history');
  await expect(customerHistory).toContainText(ANSWER);
  await expect(customerHistory).toContainText('for-tanaka.zip');
  await page.getByRole('link', { name: 'Answers' }).click();
});

test('Check a bundle: a sound one is recognised as sent, a tampered one is refused with the reason', async ({
  page,
  app,
}) => {
  mkdirSync(app.tempDir, { recursive: true });
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: new RegExp(ANSWER) }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  const zip = path.join(app.tempDir, 'sent.zip');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('bundle-done')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: /田中 美咲/ }).click();
  const history = page.getByTestId('customer-detail').getByTestId('bundle-history');
  await app.queueDialogs({ chooseFiles: [[zip]] });
  await history.getByRole('button', { name: 'Check a bundle…' }).click();
  const result = history.getByTestId('bundle-verify-result');
  await expect(result).toContainText('This bundle is sound');
  await expect(result).toContainText(`It is the bundle of “${ANSWER}” (revision 1)`);
  await expect(result).toContainText('for 田中 美咲');

  // Someone changed the page inside: the same check refuses it and says which file.
  const tampered = path.join(app.tempDir, 'tampered.zip');
  const entries: RawEntry[] = [];
  const read = await yauzl.openPromise(zip);
  for await (const entry of read.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await read.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    let data = Buffer.concat(chunks);
    if (entry.fileName === 'index.html')
      data = Buffer.from(data.toString().replace('</main>', '<p>新しい振込先</p></main>'));
    entries.push({ name: entry.fileName, data, method: 8 });
  }
  writeFileSync(tampered, rawZip(entries));
  await app.queueDialogs({ chooseFiles: [[tampered]] });
  await history.getByRole('button', { name: 'Check a bundle…' }).click();
  await expect(result.getByRole('alert')).toContainText(
    '“index.html” was changed after the bundle was made (its checksum does not match the manifest).',
  );
});

test('Export bundle: smaller videos for e-mail run as a job with progress, and Cancel leaves nothing', async ({
  page,
  app,
}) => {
  test.slow();
  const library = videoLibrary(path.join(app.tempDir, 'video-lib'));
  await page.getByRole('link', { name: 'Settings' }).click();
  await app.queueDialogs({ chooseFolder: [library] });
  await page.getByRole('button', { name: 'Open library…' }).click();
  await expect(page.getByTestId('status-bar')).toContainText(library);

  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: new RegExp(ANSWER) }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  const size = dialog.getByTestId('bundle-size');
  await expect(size).toContainText('1 video');
  const original = await size.locator('strong').textContent();
  await dialog.getByLabel('Smaller videos for e-mail').check();
  await expect(size.locator('strong')).not.toHaveText(original!);

  const zip = path.join(app.tempDir, 'small.zip');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const progress = dialog.getByTestId('bundle-progress');
  await expect(progress).toContainText('Making smaller videos');
  await expect(page.getByTestId('job-progress')).toContainText('Exporting bundle');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toContainText('Export cancelled. Nothing was written.');
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
  expect(existsSync(zip)).toBe(false);
  expect(readdirSync(app.tempDir).filter((f) => f.includes('small'))).toEqual([]);
  await expect(dialog.getByTestId('bundle-history')).toContainText('No bundle has been exported yet.');
});
