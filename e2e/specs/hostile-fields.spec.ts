import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { XSS_MARKER } from '../corpora/xssFields';
import { expect, test } from '../fixtures';

// Every text field holds a script payload (e2e/corpora/xssFields.ts, written by
// e2e/helpers/xssLibrary.ts): question, message, customer and profile, capability, answer (title,
// steps, options, summary, links), clip (title, chapters, captions), media names, templates, the
// work log, vendor and FAQ settings. The vendor opens that library and walks every screen; the
// customer opens the exported bundle from file://; a reader opens the published FAQ from file://
// and searches it. Nowhere may a payload run (no dialog, window.__pwned unset, nothing fetched from
// a remote host), and the payload's text is shown as text.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const literal = new RegExp(XSS_MARKER.replace(/[()]/g, '\\$&'));

interface Poisoned {
  library: string;
  bundle: string;
  faq: string;
}

function poisonedLibrary(dir: string): Poisoned {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'e2e/helpers/xssLibrary.ts'), dir], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Poisoned;
}

interface Watch {
  dialogs: string[];
  remote: string[];
}

function watch(page: Page, local: (url: URL) => boolean): Watch {
  const seen: Watch = { dialogs: [], remote: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!local(new URL(request.url()))) seen.remote.push(request.url());
  });
  return seen;
}

async function expectNothingRan(page: Page, seen: Watch, where: string): Promise<void> {
  // Let pending loads and error events fire before judging.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), where).toBeUndefined();
  expect(seen.dialogs, where).toEqual([]);
  expect(seen.remote, where).toEqual([]);
  // Nothing a click could run: no script URL in any link, source or form target.
  const scriptUrls = await page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .flatMap((el) => ['href', 'src', 'action', 'formaction'].map((a) => el.getAttribute(a) ?? ''))
      .filter((v) => /^\s*(javascript|vbscript|data:text\/html)/i.test(v)),
  );
  expect(scriptUrls, where).toEqual([]);
}

async function expectShownLiterally(page: Page, where: string): Promise<void> {
  await expect(page.getByText(literal).first(), where).toBeVisible();
}

const isLocalApp = (url: URL) =>
  !/^(https?|wss?|ftp):$/.test(url.protocol) || ['127.0.0.1', 'localhost'].includes(url.hostname);

test('a library with script in every text field: every screen shows it as text and runs none of it', async ({
  page,
}, testInfo) => {
  const poisoned = poisonedLibrary(testInfo.outputPath('xss'));
  const seen = watch(page, isLocalApp);
  // Opened as the File menu opens a library; the window then shows it.
  const opened = await page.evaluate(
    (p) => (window as unknown as { kotae: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean }> } }).kotae.invoke('library:open', { path: p }),
    poisoned.library,
  );
  expect(opened.ok).toBe(true);
  await page.reload();
  await page.locator('.k-app').waitFor();

  // Each screen, its list, and one item opened (null: the screen has no list of records).
  const screens: [string, (() => Promise<void>) | null][] = [
    ['Inbox', () => page.getByRole('button', { name: /決済ボタンを押すとエラーになる/ }).first().click()],
    ['Answers', () => page.getByRole('button', { name: /スマートフォンで画像が表示されないときの確認手順/ }).first().click()],
    ['Customers', () => page.getByRole('button', { name: /佐藤 健/ }).first().click()],
    ['Capabilities', () => page.getByRole('button', { name: /Connect a payment service/ }).first().click()],
    ['Videos', () => page.getByRole('button', { name: /JPEG に変えてアップロードし直す/ }).first().click()],
    ['Publish', null],
  ];
  for (const [screen, openItem] of screens) {
    await page.getByRole('link', { name: screen }).click();
    await expectShownLiterally(page, `${screen} list`);
    if (openItem) {
      await openItem();
      await expectShownLiterally(page, `${screen} detail`);
    }
    await expectNothingRan(page, seen, screen);
  }
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('library-info')).toBeVisible();
  await expectNothingRan(page, seen, 'Settings');

  // Another question, with its own thread, history and scope note.
  await page.getByRole('link', { name: 'Inbox' }).click();
  for (const button of (await page.getByRole('button', { name: literal }).all()).slice(0, 4)) {
    await button.click();
    await expectNothingRan(page, seen, 'Inbox questions');
  }
  // The global search lists hits from every kind of record.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox').last();
  await palette.fill('onerror');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(literal);
  await expectNothingRan(page, seen, 'search');
  await page.keyboard.press('Escape');
});

async function offlinePage(browser: Browser): Promise<{ page: Page; seen: Watch; close: () => Promise<void> }> {
  const context = await browser.newContext({ offline: true, locale: 'ja-JP' });
  await context.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const seen = watch(page, (url) => url.protocol === 'file:');
  return { page, seen, close: () => context.close() };
}

test('the bundle and the FAQ of that library, opened from file://, show the payloads as text', async ({ browser }, testInfo) => {
  const poisoned = poisonedLibrary(testInfo.outputPath('xss'));

  const customer = await offlinePage(browser);
  for (const file of ['index.html', 'verify.html']) {
    await customer.page.goto(pathToFileURL(path.join(poisoned.bundle, file)).href);
    await expectShownLiterally(customer.page, `bundle ${file}`);
    await expectNothingRan(customer.page, customer.seen, `bundle ${file}`);
  }
  // Ticking a step and jumping in the video run the viewer's own script over the poisoned text.
  await customer.page.goto(pathToFileURL(path.join(poisoned.bundle, 'index.html')).href);
  for (const box of (await customer.page.getByRole('checkbox').all()).slice(0, 3)) await box.check();
  await expectNothingRan(customer.page, customer.seen, 'bundle steps');
  await customer.close();

  const reader = await offlinePage(browser);
  await reader.page.goto(pathToFileURL(path.join(poisoned.faq, 'index.html')).href);
  await expectShownLiterally(reader.page, 'FAQ home');
  const search = reader.page.getByRole('combobox', { name: 'FAQ を検索' });
  for (const query of ['onerror', 'script', 'alert', 'answers.title', '画像']) {
    await search.fill(query);
    await expect(reader.page.getByRole('listbox').getByRole('option').first(), query).toBeVisible();
    await expectNothingRan(reader.page, reader.seen, `FAQ search ${query}`);
  }
  await expect(reader.page.getByRole('listbox').getByRole('option').first()).toContainText(literal);
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(reader.page).toHaveURL(/answers\/.+\/index\.html$/);
  await expectShownLiterally(reader.page, 'FAQ answer');
  await expectNothingRan(reader.page, reader.seen, 'FAQ answer');
  for (const href of ['answers/index.html', '404.html']) {
    await reader.page.goto(pathToFileURL(path.join(poisoned.faq, href)).href);
    await expectNothingRan(reader.page, reader.seen, `FAQ ${href}`);
  }
  await reader.close();
});
