import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// Writing to each customer in their language (issue 18): an English customer's decline lists the
// scope catalogue in English, with English typography; a capability without English text is
// named beside the draft before it is sent, never slipped in silently.

const ANALYTICS = 'How do I add Google Analytics to my site?'; // demo: John Miller, English

async function openQuestion(page: Page, subject: string) {
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: new RegExp(subject.replace(/[?]/g, '\\?')) }).click();
  await expect(page.getByTestId('question-detail')).toContainText(subject);
  return page.getByTestId('question-detail');
}

test("lang: an English customer's decline lists the catalogue in English", async ({ page }) => {
  const detail = await openQuestion(page, ANALYTICS);
  await detail.getByTestId('scope-panel').getByRole('button', { name: 'Out of scope' }).click();
  const message = detail.getByTestId('decline-draft').getByLabel('Message');
  await expect(message).toHaveValue(/^Dear John Miller,\n\n/);
  await expect(message).toHaveValue(/- Editing pages\n {2}Creating, editing and reordering pages/);
  await expect(message).toHaveValue(/- Backup and restore\n/);
  // Signed off plainly; the signing key's fingerprint (issue 15) may follow the name.
  await expect(message).toHaveValue(
    /Kind regards,\nSirius Support(\nOur answer bundles are signed with the key [0-9A-F ]+\.)?$/,
  );
  // Not a word of Japanese, no Japanese brackets or bullets.
  await expect(message).not.toHaveValue(/[ぁ-んァ-ン一-龯「」（）・■]/);
  await expect(detail.getByTestId('draft-untranslated')).toHaveCount(0);
  await expect(message).toHaveAttribute('lang', 'en');
});

test('lang: a capability with no English text is named beside the English draft', async ({ page }) => {
  // The vendor removes the English title of one area: the catalogue then lacks a translation.
  await page.getByRole('link', { name: 'Capabilities' }).click();
  await page.getByRole('tree').getByRole('button', { name: /^Blog/ }).click();
  const detail = page.getByTestId('capability-detail');
  await detail.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByTestId('capability-form');
  await form.getByLabel('Title in English').fill('');
  await form.getByLabel('What it covers, in English').fill('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByTestId('capability-texts').locator('[data-language="en"]')).toContainText(
    'No text in this language yet',
  );

  const question = await openQuestion(page, ANALYTICS);
  await question.getByTestId('scope-panel').getByRole('button', { name: 'Out of scope' }).click();
  const warning = question.getByTestId('draft-untranslated');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('These capabilities have no English text');
  await expect(warning).toContainText('ブログ');
});

test('lang: the chosen scope verdict is readable without hovering', async ({ page }) => {
  const detail = await openQuestion(page, ANALYTICS);
  const chosen = detail.getByTestId('scope-panel').getByRole('button', { name: 'In scope' });
  await expect(chosen).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(0, 0);
  const colours = await chosen.evaluate((el) => {
    const style = getComputedStyle(el);
    return { text: style.color, background: style.backgroundColor };
  });
  // The primary (accent) background under its white text, not white on white.
  expect(colours.background).not.toBe('rgb(255, 255, 255)');
  expect(colours.background).not.toBe(colours.text);
});

test.describe('on a Japanese system', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('lang: the date field and its calendar speak Japanese', async ({ page }) => {
    await page.getByRole('link', { name: '受信箱' }).click();
    await page.getByRole('button', { name: /決済ボタンを押すとエラーになる/ }).click();
    // The shortcut belongs to the question's status panel (its button shows it): pressed once the
    // question is open, as a person does; before, there is no question to change.
    await expect(page.getByTestId('status-panel')).toContainText('Ctrl Shift S');
    await page.keyboard.press('Control+Shift+s');
    const dialog = page.getByTestId('status-dialog');
    await expect(dialog.getByTestId('date-words')).toHaveText(
      /^\d{4}年\d{1,2}月\d{1,2}日[日月火水木金土]曜日$/,
    );
    await dialog.getByRole('button', { name: 'カレンダーを開く' }).click();
    const calendar = dialog.getByRole('dialog', { name: 'カレンダー' });
    await expect(calendar.getByRole('grid')).toHaveAccessibleName(/^\d{4}年\d{1,2}月$/);
    await expect(calendar.getByRole('columnheader').first()).toHaveText('日');
    // Pick a day with the keyboard: a week later, Enter.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(calendar).toHaveCount(0);
    await expect(dialog.getByLabel('次回連絡日')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  });
});
