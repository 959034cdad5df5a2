import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';

test.describe('first run', () => {
  test('opens a demo library in the user-data folder and shows the Inbox', async ({ page }) => {
    await expect(page.getByTestId('screen-inbox')).toBeVisible();
    await expect(page.getByTestId('status-bar')).toContainText('Kotae Library');
    // Opened after the quick checks; the full check follows in the background and says so.
    await expect(page.getByTestId('status-bar')).toContainText('Checked: OK');
    // Overdue checkpoints lead the Inbox.
    const list = page.getByTestId('question-list');
    await expect(list.locator('.k-list-section__title').first()).toContainText('Overdue');
    await expect(list.locator('.k-list-item').first()).toHaveAttribute('data-group', 'overdue');
    await expect(list.locator('.k-list-item[data-group="overdue"]').first()).toContainText(
      '先週の状態にサイトを戻したい',
    );
  });
});

test.describe('language', () => {
  test.describe('on a Japanese system', () => {
    test.use({ systemLocale: 'ja-JP' });
    test('the UI is in Japanese', async ({ page }) => {
      await expect(page.getByRole('link', { name: '受信箱' })).toBeVisible();
      await expect(page.getByRole('heading', { name: '受信箱' })).toBeVisible();
    });
  });

  test('can be switched in Settings and stays switched after a reload', async ({ page }) => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    await expect(page.getByRole('link', { name: '受信箱' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('link', { name: '設定' })).toBeVisible();
    await page.getByLabel('言語', { exact: true }).selectOption('en');
    await expect(page.getByRole('link', { name: 'Inbox' })).toBeVisible();
  });
});

test.describe('command palette', () => {
  test('Ctrl+K finds a question by a two-character Japanese word and opens it', async ({ page }) => {
    await expect(page.getByTestId('screen-inbox')).toBeVisible();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox');
    await expect(box).toBeFocused();
    await box.fill('決済');
    await expect(page.getByRole('option').first()).toContainText('決済');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('question-detail')).toContainText('決済ボタンを押すとエラーになる');
  });

  test('runs a command: go to Customers', async ({ page }) => {
    await page.getByRole('button', { name: /Search/ }).click();
    await page.getByRole('combobox').fill('customers');
    await page.getByRole('option', { name: /Go to Customers/ }).click();
    await expect(page.getByTestId('screen-customers')).toBeVisible();
  });
});

test.describe('keyboard', () => {
  test('Ctrl+number switches screens and Ctrl+/ lists the shortcuts', async ({ page }) => {
    await page.keyboard.press('Control+3');
    await expect(page.getByTestId('screen-customers')).toBeVisible();
    await page.keyboard.press('Control+1');
    await expect(page.getByTestId('screen-inbox')).toBeVisible();
    await page.keyboard.press('Control+/');
    await expect(page.getByTestId('shortcuts')).toContainText('Go to Capabilities');
    // Every shortcut, not only the global ones (issue 18): the video keys, the / menu, Ctrl+Enter.
    await expect(page.getByTestId('shortcuts')).toContainText('Set the in / out point');
    await expect(page.getByTestId('shortcuts')).toContainText('Type /');
    await expect(page.getByTestId('shortcuts')).toContainText('Publish the FAQ');
    await expect(page.getByTestId('shortcuts')).toContainText(/Ctrl Enter|⌘Enter/);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts')).toBeHidden();
  });
});

test.describe('libraries', () => {
  test('New library creates an empty library in the chosen folder and switches to it', async ({
    page,
    app,
  }) => {
    const folder = path.join(app.tempDir, 'Second Library');
    await app.queueDialogs({ chooseFolder: [folder] });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'New library…' }).click();
    await expect(page.getByTestId('status-bar')).toContainText('Second Library');
    await page.getByRole('link', { name: 'Inbox' }).click();
    await expect(page.getByText('No questions yet')).toBeVisible();
  });

  test('opening a folder that is not a library says so and keeps the current library', async ({
    page,
    app,
  }) => {
    const folder = path.join(app.tempDir, 'holiday photos');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'beach.jpg'), 'not really');
    await app.queueDialogs({ chooseFolder: [folder] });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Open library…' }).click();
    await expect(page.getByRole('alert')).toContainText('is not a Kotae library');
    await expect(page.getByTestId('status-bar')).toContainText('Kotae Library');
  });

  test('a damaged library is refused with advice, and another can be opened', async ({ page, app }) => {
    const broken = path.join(app.tempDir, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, 'library.sqlite'), 'SQLite format 3\0'.padEnd(4096, 'x'));
    await app.queueDialogs({ chooseFolder: [broken] });
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox').fill('Open library');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('is damaged');
    await expect(page.getByRole('alert')).toContainText('Nothing was changed');
  });
});
