import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// Not part of npm test: `npm run screenshots` also captures every customer-facing draft in both
// languages (the decline, the clarification, a status message, the timeline with draft and sent
// messages) and the pages customers open (bundles and the FAQ in Japanese and English), into
// test-results/screenshots/, for people to read as the customer would.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join('test-results/screenshots', `${name}.png`), fullPage: false });

async function openQuestion(page: Page, id: number) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/inbox/${id}`);
  await expect(page.getByTestId('question-detail')).toBeVisible();
  return page.getByTestId('question-detail');
}

/** The drafts of one customer's question: decline, clarification, a status message with its date. */
async function drafts(page: Page, prefix: string, questionSubject: RegExp, words: Record<string, string>) {
  await page.getByRole('button', { name: questionSubject }).first().click();
  const detail = page.getByTestId('question-detail');
  await detail.getByTestId('scope-panel').getByRole('button', { name: words.out! }).click();
  await detail.getByTestId('decline-draft').scrollIntoViewIfNeeded();
  await expect(detail.getByTestId('decline-draft').getByRole('textbox').last()).not.toHaveValue('');
  await detail
    .getByTestId('decline-draft')
    .getByRole('textbox')
    .last()
    .evaluate((el) => (el.style.height = '560px'));
  await detail.getByTestId('decline-draft').scrollIntoViewIfNeeded();
  await shot(page, `${prefix}-draft-decline`);
  await detail.getByTestId('scope-panel').getByRole('button', { name: words.clarify! }).click();
  await detail
    .getByTestId('clarify-draft')
    .getByRole('textbox')
    .last()
    .evaluate((el) => (el.style.height = '520px'));
  await detail.getByTestId('clarify-draft').scrollIntoViewIfNeeded();
  await shot(page, `${prefix}-draft-clarification`);
  await page.keyboard.press('Control+Shift+s');
  await expect(page.getByTestId('status-dialog')).toBeVisible();
  await expect(page.getByTestId('status-draft').getByRole('textbox').last()).not.toHaveValue('');
  await shot(page, `${prefix}-draft-status`);
}

test.describe('ja-JP', () => {
  test.use({ systemLocale: 'ja-JP' });
  test('drafts to a Japanese customer', async ({ page }) => {
    await page.getByRole('link', { name: '受信箱' }).click();
    await drafts(page, 'ja', /先週の状態にサイトを戻したい/, { out: '対応範囲外', clarify: '要確認' });
  });
  test('customer timeline with drafted and sent messages', async ({ page }) => {
    await page.evaluate(() => (window.location.hash = '#/customers/2'));
    await expect(page.getByTestId('customer-timeline')).toBeVisible();
    await page.getByTestId('customer-timeline').scrollIntoViewIfNeeded();
    await shot(page, 'ja-customer-timeline');
  });
});

test.describe('en-US', () => {
  test.use({ systemLocale: 'en-US' });
  test('drafts to an English customer', async ({ page }) => {
    await page.getByRole('link', { name: 'Inbox' }).click();
    await drafts(page, 'en', /How do I add Google Analytics/, {
      out: 'Out of scope',
      clarify: 'Needs clarification',
    });
  });
  test('the status dialog at 1360 × 860: copy and open in mail are in reach', async ({ page }) => {
    await openQuestion(page, 2);
    await page.keyboard.press('Control+Shift+s');
    const dialog = page.getByTestId('status-dialog');
    await dialog.getByRole('button', { name: 'Open in mail' }).scrollIntoViewIfNeeded();
    await expect(dialog.getByRole('button', { name: 'Open in mail' })).toBeInViewport();
    await shot(page, 'en-status-dialog-buttons');
  });
});

test('pages customers open: bundles and the FAQ, in Japanese and English', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'e2e/helpers/customerPages.ts'), testInfo.outputPath('pages')],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const pages = JSON.parse(out.trim().split('\n').pop()!) as Record<string, string>;
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  for (const [name, folder] of Object.entries(pages)) {
    await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
    await shot(page, `page-${name}`);
  }
  await page.close();
});
