import path from 'node:path';
import { expect, test } from '../fixtures';

// Screens of the Answers work for a person to look at (npm run screenshots): Japanese and English,
// light and dark. Written to test-results/screenshots/, not checked.

const out = (name: string) => path.join('test-results', 'screenshots', `${name}.png`);

for (const locale of ['ja-JP', 'en-US'] as const) {
  test.describe(locale, () => {
    test.use({ systemLocale: locale });
    const lang = locale.slice(0, 2);

    test('answer editor, checks, history, reproduction, new answer', async ({ page }) => {
      await page.getByRole('link', { name: lang === 'ja' ? '回答' : 'Answers' }).click();
      await page.getByRole('button', { name: /ブログ記事を予約公開する/ }).click();
      await expect(page.getByTestId('answer-editor')).toBeVisible();
      await page.getByTestId('doc-step').first().hover();
      await page.screenshot({ path: out(`answers-editor-${lang}`) });

      await page.getByTestId('answer-editor').locator('p').first().click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('/');
      await expect(page.getByTestId('slash-menu')).toBeVisible();
      await page.screenshot({ path: out(`answers-slash-${lang}`) });
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: lang === 'ja' ? '再現' : 'Reproduce' }).click();
      await page.screenshot({ path: out(`answers-reproduce-${lang}`) });

      await page.getByRole('button', { name: /独自ドメインを接続する/ }).click();
      await expect(page.getByTestId('checks-panel')).toBeVisible();
      await page.screenshot({ path: out(`answers-checks-${lang}`) });

      await page.getByTestId('answer-editor').locator('p').first().click();
      await page.keyboard.press('End');
      await page.keyboard.type(lang === 'ja' ? ' 追記しました。' : ' Added a sentence.');
      await page.keyboard.press('Control+s');
      await page.keyboard.type(lang === 'ja' ? ' さらに変更。' : ' Another change.');
      await page.getByRole('button', { name: lang === 'ja' ? '履歴' : 'History' }).click();
      await page.getByRole('dialog').getByRole('button').filter({ hasText: /1/ }).first().click();
      await page.getByRole('dialog').getByRole('button', { name: /版 1|Revision 1/ }).click();
      await expect(page.getByTestId('revision-diff')).toBeVisible();
      await page.screenshot({ path: out(`answers-history-${lang}`) });
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: lang === 'ja' ? '新しい回答' : 'New answer' }).first().click();
      // The question picker open on the latest questions.
      await page.getByRole('dialog').getByRole('combobox').first().click();
      await expect(page.getByRole('dialog').getByRole('option').first()).toBeVisible();
      await page.screenshot({ path: out(`answers-new-${lang}`) });
    });
  });
}

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });
  test('answer editor in the dark theme', async ({ page }) => {
    await page.getByRole('link', { name: 'Answers' }).click();
    await page.getByRole('button', { name: /ブログ記事を予約公開する/ }).click();
    await expect(page.getByTestId('answer-editor')).toBeVisible();
    await page.screenshot({ path: out('answers-editor-dark') });
  });
});
