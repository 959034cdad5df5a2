import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoCustomers } from '../../resources/demo';
import { addClipToAnswer } from '../../electron/core/faq/testing';
import { expect, test } from '../fixtures';

// The FAQ from the vendor's side (Publish screen) and the reader's (the site, opened from disk).

function libraryDir(userData: string): string {
  return path.join(userData, 'Kotae Library');
}

/** A clip with a real video on the demo answer about images, as the video tools would leave it. */
function addDemoClip(userData: string): void {
  const db = new Database(path.join(libraryDir(userData), 'library.sqlite'));
  try {
    const { id } = db
      .prepare("SELECT id FROM answers WHERE slug = 'images-not-shown-on-smartphones'")
      .get() as {
      id: number;
    };
    addClipToAnswer(db, path.join(libraryDir(userData), 'media'), id);
  } finally {
    db.close();
  }
}

function allText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    text += statSync(full).isDirectory() ? allText(full) : readFileSync(full, 'utf8');
  }
  return text;
}

test('publish the demo FAQ, then search it, open an answer and play its video from disk', async ({
  page,
  app,
  context,
}, testInfo) => {
  addDemoClip(app.userData);
  // The folder dialog hands back a folder inside one that exists (the site folder itself is made
  // by the publisher); a missing parent is refused (FOLDER_MISSING, tested in faq output tests).
  mkdirSync(app.tempDir, { recursive: true });
  const out = path.join(app.tempDir, 'faq-site');

  await page.getByRole('link', { name: 'Publish' }).click();
  const screen = page.getByTestId('screen-publish');
  await expect(screen).toContainText('5 public answers');
  const publish = page.getByRole('button', { name: 'Publish', exact: true });
  await expect(publish).toBeDisabled();
  await expect(page.getByTestId('publish-blocked')).toContainText('Choose an output folder first');

  // The site folder, through the OS dialog.
  await app.queueDialogs({ chooseFolder: [out] });
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(page.getByTestId('output-folder')).toContainText(out);
  await expect(page.getByTestId('publish-blocked')).toContainText('Resolve 3 possible customer details');

  // Each finding in context; decide with one click (and take one decision back).
  const findings = page.getByTestId('finding');
  await expect(findings).toHaveCount(3);
  const site = findings.filter({ hasText: "Customer's website" });
  await expect(site.locator('mark')).toHaveText('tanaka-seitai.example.jp');
  await expect(site).toContainText('田中様のサイト（');
  await site.getByRole('button', { name: 'Not personal' }).click();
  await expect(site).toContainText('Marked as not personal');
  await site.getByRole('button', { name: 'Undo' }).click();
  await expect(site).toHaveAttribute('data-decision', 'open');
  for (let i = 0; i < 3; i++) {
    await page
      .locator('[data-testid="finding"][data-decision="open"]')
      .first()
      .getByRole('button', { name: 'Redact' })
      .click();
    await expect(page.locator('[data-testid="finding"][data-decision="open"]')).toHaveCount(2 - i);
  }

  await expect(publish).toBeEnabled();
  await expect(page.getByTestId('privacy-findings')).toContainText('Every possible customer detail is decided');
  await publish.click();
  await expect(page.getByTestId('publish-job')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('publish-job')).toContainText('Published 5 answers.');
  // Nothing changed since: publishing again is still possible, but no longer the main action.
  await expect(page.getByTestId('publish-up-to-date')).toContainText('The site is up to date');
  await expect(page.getByRole('button', { name: 'Publish again' })).toBeEnabled();
  await expect(page.getByTestId('last-publication')).toContainText(out);
  await page.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => app.shownInFolder()).toContain(path.join(out, 'index.html'));

  // The reader: the site straight from the disk.
  const reader = await context.newPage();
  const errors: string[] = [];
  reader.on('pageerror', (e) => errors.push(String(e)));
  reader.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await reader.goto(pathToFileURL(path.join(out, 'index.html')).href);
  const search = reader.getByRole('combobox', { name: 'FAQ を検索' });
  await search.fill('画像');
  const results = reader.getByRole('listbox');
  await expect(results.getByRole('option').first()).toContainText(
    'スマートフォンで画像が表示されないときの確認手順',
  );
  await expect(results.locator('mark').first()).toHaveText('画像');

  await search.fill('analytics');
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option')).toContainText('Adding a Google Analytics tag');

  // Keyboard: choose the first result and open it.
  await search.fill('画像');
  await expect(results.getByRole('option').first()).toContainText('スマートフォンで画像');
  await search.press('ArrowDown');
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(reader).toHaveURL(/answers\/images-not-shown-on-smartphones\/index\.html$/);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(
    'スマートフォンで画像が表示されないときの確認手順',
  );

  // Its video, from a chapter.
  const video = reader.locator('video');
  await expect(video).toHaveCount(1);
  await reader.getByRole('link', { name: /画像を差し替える/ }).click();
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => (v.paused ? -1 : v.currentTime)), { timeout: 15_000 })
    .toBeGreaterThan(1.2);
  // Its caption, one line over the picture, only while its chapter plays (the first one's).
  const caption = reader.locator('.video__caption');
  await expect(caption).toBeHidden();
  await reader.getByRole('link', { name: /設定を開く/ }).click();
  await expect(caption.locator('.video__caption-line')).toHaveText(['「設定」を開きます']);
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  await video.scrollIntoViewIfNeeded();
  await reader.screenshot({ path: testInfo.outputPath('faq-answer-ja.png') });
  // The browser draws none of its own beside it.
  expect(await video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode)).toBe('hidden');
  expect(errors).toEqual([]);

  // No customer detail anywhere in the site folder.
  const published = allText(out);
  for (const c of demoCustomers) {
    const [family, given] = c.name.split(' ');
    for (const value of [
      c.name,
      c.name.replace(' ', ''),
      `${family}様`,
      `${given}さん`,
      c.email,
      c.company,
      new URL(c.website).host,
    ])
      expect(published, value).not.toContain(value);
    if (c.phone) expect(published).not.toContain(c.phone);
  }
});

test('the vendor name, logo and colour from Settings appear on the published site', async ({ page, app }) => {
  // A real PNG (1×1, the vendor colour) for the logo dialog.
  const logo = path.join(app.tempDir, 'logo.png');
  mkdirSync(app.tempDir, { recursive: true });
  writeFileSync(
    logo,
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.getByTestId('vendor-settings');
  await form.getByLabel('Name', { exact: true }).fill('Acme ヘルプデスク');
  await form.getByLabel('Name in English').fill('Acme Help Desk');
  await form.getByLabel('Colour code').fill('#aa3300');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved')).toBeVisible();
  await app.queueDialogs({ chooseFiles: [[logo]] });
  await form.getByRole('button', { name: 'Choose logo…' }).click();
  await expect(page.getByTestId('vendor-logo')).toBeVisible();

  const db = new Database(path.join(libraryDir(app.userData), 'library.sqlite'));
  const saved = JSON.parse(db.prepare(`SELECT value FROM library_settings WHERE key = 'vendor'`).pluck().get() as string);
  expect(saved).toMatchObject({ name: 'Acme ヘルプデスク', nameEn: 'Acme Help Desk' });
  // Decide the demo's findings directly: this test is about the brand, not the privacy check.
  db.exec(`INSERT INTO faq_privacy_decisions (subject, subject_id, kind, match_key, decision, decided_at)
    SELECT 'answer', id, 'name', '田中様', 'redact', '2026-01-01' FROM answers WHERE slug = 'connect-a-custom-domain'
    UNION ALL SELECT 'answer', id, 'url', 'tanaka-seitai.example.jp', 'redact', '2026-01-01' FROM answers WHERE slug = 'connect-a-custom-domain'
    UNION ALL SELECT 'answer', id, 'name', 'mrmiller', 'redact', '2026-01-01' FROM answers WHERE slug = 'add-google-analytics'`);
  db.close();

  const out = path.join(app.tempDir, 'site');
  await page.getByRole('link', { name: 'Publish' }).click();
  await app.queueDialogs({ chooseFolder: [out] });
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('publish-job')).toHaveAttribute('data-status', 'done');

  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
  await expect(page).toHaveTitle('Acme ヘルプデスク FAQ');
  await expect(page.locator('.brand img')).toHaveAttribute('src', /^assets\/logo\.png$/);
  const brand = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderTopColor);
  expect(brand).toBe('rgb(170, 51, 0)');
});
