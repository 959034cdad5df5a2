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
  await expect(message).toHaveValue(/Kind regards,\nSirius Support$/);
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
