import { expect, test } from '../fixtures';

// Library search (issue 4): the palette and the search box of each list, on the demo library.

test.describe('search', () => {
  test('the palette finds a two-character Japanese word, marks it, and opens the hit', async ({ page }) => {
    await expect(page.getByTestId('screen-inbox')).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox').fill('画像');
    const first = page.getByRole('option').first();
    // Best match first: a title with the word, the word marked in the title.
    await expect(first).toContainText('画像');
    await expect(first.locator('mark').first()).toHaveText('画像');
    // Hits of several kinds, each with its kind shown.
    await expect(page.getByRole('option').filter({ hasText: 'Question' }).first()).toBeVisible();
    await expect(page.getByRole('option').filter({ hasText: 'Answer' }).first()).toBeVisible();
    const question = page.getByRole('option').filter({ hasText: 'Question' }).first();
    const subject = await question.locator('.k-palette__title').innerText();
    await question.click();
    await expect(page.getByTestId('question-detail')).toContainText(subject);
  });

  test('the palette matches full-width Latin letters and says when nothing is found', async ({ page }) => {
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox').fill('ＷｏｒｄＰｒｅｓｓ');
    await expect(page.getByRole('option').first()).toContainText('WordPress');
    await expect(page.getByRole('option').first().locator('mark').first()).toHaveText('WordPress');
    await page.getByRole('combobox').fill('存在しない言葉ｘｙｚ');
    await expect(page.getByText('Nothing found for “存在しない言葉ｘｙｚ”.')).toBeVisible();
  });

  test('the Inbox list filters by a query and by status', async ({ page }) => {
    const inbox = page.getByTestId('screen-inbox');
    await expect(inbox.getByText('決済ボタンを押すとエラーになる')).toBeVisible();
    const box = inbox.getByRole('searchbox', { name: 'Search questions' });

    await box.fill('削除');
    const hit = inbox.getByRole('button', { name: /古い商品画像をまとめて削除したい/ });
    await expect(hit).toBeVisible();
    await expect(hit.locator('mark').first()).toHaveText('削除');
    await expect(inbox.getByText('決済ボタンを押すとエラーになる')).toBeHidden();
    await hit.click();
    await expect(page.getByTestId('question-detail')).toContainText('古い商品画像をまとめて削除したい');

    // A status alone lists the questions in that status.
    await box.fill('');
    await inbox.getByRole('button', { name: 'Filters', exact: true }).click();
    await inbox.getByRole('combobox', { name: 'Status' }).selectOption('resolved');
    await expect(inbox.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'true');
    await expect(inbox.getByRole('button', { name: /独自ドメインを使いたい/ })).toBeVisible();
    await expect(inbox.getByRole('button', { name: /テーマの色をブランドカラーに合わせたい/ })).toBeVisible();
    await expect(inbox.getByText('2 matches')).toBeVisible();
    // Query and status together.
    await box.fill('ドメイン');
    await expect(inbox.getByText('1 match')).toBeVisible();
    await expect(inbox.getByRole('button', { name: /独自ドメインを使いたい/ })).toBeVisible();
    await inbox.getByRole('combobox', { name: 'Status' }).selectOption('received');
    await expect(inbox.getByText('Nothing matches')).toBeVisible();

    // Clearing brings the whole list back.
    await inbox.getByRole('button', { name: 'Clear the search and filters' }).click();
    await expect(inbox.getByText('決済ボタンを押すとエラーになる')).toBeVisible();
    await expect(box).toHaveValue('');
  });

  test('the Customers list searches names, companies and e-mail addresses', async ({ page }) => {
    await page.getByRole('link', { name: 'Customers' }).click();
    const customers = page.getByTestId('screen-customers');
    await customers.getByRole('searchbox', { name: 'Search customers' }).fill('ミドリ珈琲');
    await expect(customers.getByRole('button', { name: /鈴木 一郎/ })).toBeVisible();
    await expect(customers.getByText('1 match')).toBeVisible();
    await customers.getByRole('button', { name: /鈴木 一郎/ }).click();
    await expect(customers.getByTestId('customer-detail')).toContainText('鈴木 一郎');
  });
});
