import path from 'node:path';
import { expect, test } from '../fixtures';

// Not part of npm test (`npm run screenshots`): the Inbox's dialogs and drafts, for people to look at.
const out = (name: string) => path.join('test-results/screenshots', name);

test.describe('en-US', () => {
  test.use({ systemLocale: 'en-US' });
  test('inbox dialogs (en)', async ({ page }) => {
    await page.evaluate(() => (window.location.hash = '#/inbox/12'));
    const detail = page.getByTestId('question-detail');
    await expect(detail).toBeVisible();
    await detail.getByTestId('scope-panel').getByRole('button', { name: 'Out of scope' }).click();
    await expect(detail.getByTestId('decline-draft')).toBeVisible();
    await detail.getByTestId('scope-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: out('inbox-decline-en.png') });
    await detail.getByTestId('status-panel').getByRole('button', { name: '→ Investigating' }).click();
    await expect(page.getByTestId('status-dialog')).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: out('inbox-status-en.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New question' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: out('inbox-new-en.png') });
  });
});

test.describe('ja-JP', () => {
  test.use({ systemLocale: 'ja-JP' });
  test('inbox dialogs (ja)', async ({ page }) => {
    await page.evaluate(() => (window.location.hash = '#/inbox/2'));
    const detail = page.getByTestId('question-detail');
    await expect(detail).toBeVisible();
    await detail.getByTestId('status-panel').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: out('inbox-panels-ja.png') });
  });
});
