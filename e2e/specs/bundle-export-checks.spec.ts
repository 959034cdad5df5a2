import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { editor, insertFromSlashMenu, waitSaved } from '../answerEditor';
import { expect, test } from '../fixtures';

// Sending with care: an answer with checks to fix is exported only after the vendor confirms, the
// question it answers can be marked answered from the export dialog, and the resolution summary
// is filled in like a form (Tab to the next field).

async function newAnswer(page: Page, question: string, title: string) {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: 'New answer' }).first().click();
  const dialog = page.getByRole('dialog');
  // The question is found by typing its subject (without the customer's name after the dash).
  const subject = question.split(' — ')[0]!;
  await dialog.getByRole('combobox', { name: 'The question it answers' }).fill(subject);
  await dialog.getByRole('option', { name: new RegExp(subject) }).click();
  await dialog.getByLabel('Title', { exact: true }).fill(title);
  await dialog.getByLabel('Language of the answer').selectOption('en');
  await dialog.getByRole('button', { name: 'Create and write' }).click();
  await expect(page.getByTestId('answer-detail').getByLabel('Title of the answer')).toHaveValue(title);
}

test('an answer with checks to fix: the export dialog lists them and exports only after a confirm', async ({
  page,
  app,
}) => {
  mkdirSync(app.tempDir, { recursive: true });
  await newAnswer(page, '決済ボタンを押すとエラーになる — 佐藤 健', 'Payment button error');
  await expect(page.getByTestId('checks-panel')).toContainText('There is no resolution summary.');

  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  const failing = dialog.getByTestId('bundle-failing-checks');
  await expect(failing).toContainText(/This answer has \d+ checks? to fix\./);
  await expect(failing).toContainText('There is no resolution summary.');

  // Export asks first; Back returns to the options and nothing is written.
  const zip = path.join(app.tempDir, 'payment.zip');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const confirm = dialog.getByTestId('bundle-confirm');
  await expect(confirm).toContainText('Export with problems left?');
  await expect(confirm.getByTestId('bundle-failing-check').first()).toBeVisible();
  await expect(confirm).toContainText('There is no resolution summary.');
  // Focus stays in the dialog, on the safe choice: Enter goes back.
  await expect(dialog.getByRole('button', { name: 'Back', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(dialog.getByTestId('bundle-size')).toBeVisible();
  expect(existsSync(zip)).toBe(false);

  // Confirmed: the bundle is made.
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await dialog.getByRole('button', { name: 'Export anyway' }).click();
  const done = dialog.getByTestId('bundle-done');
  await expect(done).toContainText('The bundle is ready.');
  expect(existsSync(zip)).toBe(true);

  // The e-mail speaks of the customer's question and promises no video the bundle does not have.
  const body = done.getByLabel('E-mail draft', { exact: true });
  await expect(body).toHaveValue(/your question about “決済ボタンを押すとエラーになる”/);
  expect(await body.inputValue()).not.toMatch(/video/i);
});

test('an answer whose checks pass is exported without a confirm', async ({ page, app }) => {
  mkdirSync(app.tempDir, { recursive: true });
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /テーマカラーを変更する/ }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('bundle-size')).toBeVisible();
  await expect(dialog.getByTestId('bundle-failing-checks')).toHaveCount(0);
  await app.queueDialogs({ chooseSaveFile: [path.join(app.tempDir, 'theme.zip')] });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('bundle-done')).toBeVisible();
});

test('after exporting for a question, "Mark the question answered…" changes its status', async ({
  page,
  app,
}) => {
  mkdirSync(app.tempDir, { recursive: true });
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /スマートフォンで画像が表示されないときの確認手順/ }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Question it answers').locator('option:checked')).toHaveText(
    'スマートフォンで画像が表示されません',
  );
  await app.queueDialogs({ chooseSaveFile: [path.join(app.tempDir, 'for-tanaka.zip')] });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const done = page.getByTestId('bundle-done');
  const questionStatus = done.getByTestId('bundle-question-status');
  await expect(questionStatus).toContainText('スマートフォンで画像が表示されません');
  await expect(questionStatus).toContainText('Received');

  await questionStatus.getByRole('button', { name: 'Mark the question answered…' }).click();
  const statusDialog = page.getByTestId('status-dialog');
  await expect(statusDialog.getByLabel('New status')).toHaveValue('answered');
  await statusDialog.getByLabel('Why (for the work log)').fill('Sent the answer bundle.');
  await page.getByRole('button', { name: 'Save status change' }).click();
  await expect(statusDialog).toBeHidden();

  // Back in the export dialog, with the e-mail draft still there and the new status.
  await expect(questionStatus).toContainText('Answered');
  await expect(questionStatus.getByRole('button', { name: 'Mark the question answered…' })).toHaveCount(0);
  await expect(done.getByLabel('Subject')).toHaveValue(/【回答】/);
  await page.getByRole('button', { name: 'Close', exact: true }).last().click();

  // The question itself, in the Inbox.
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page
    .getByRole('button', { name: /スマートフォンで画像が表示されません/ })
    .first()
    .click();
  await expect(page.getByTestId('status-panel')).toContainText('Answered');
});

test('Tab and Shift+Tab move between the fields of the resolution summary', async ({ page }) => {
  await newAnswer(page, '決済ボタンを押すとエラーになる — 佐藤 健', 'Tabbing through the summary');
  await editor(page).click();
  await page.keyboard.type('Here is what happened.');
  await page.keyboard.press('Enter');
  await insertFromSlashMenu(page, 'summary', 'Summary');
  const items = ['An old key.', 'We renewed it.', 'Nothing.', 'Yes.', 'Renew both keys.'];
  for (const item of items) {
    await page.keyboard.type(item);
    await page.keyboard.press('Tab');
  }
  // After the last field, Tab goes on to the line after the summary.
  await page.keyboard.type('Thanks for your patience.');

  const field = (name: string) => editor(page).locator(`[data-field="${name}"]`);
  const names = ['cause', 'done', 'remains', 'resolved', 'prevention'];
  for (const [i, name] of names.entries()) {
    await expect(field(name)).toContainText(items[i]!);
    for (const [j, other] of items.entries()) if (j !== i) await expect(field(name)).not.toContainText(other);
  }
  await expect(editor(page).getByTestId('resolution')).not.toContainText('Thanks for your patience.');
  await expect(editor(page)).toContainText('Thanks for your patience.');

  // Shift+Tab goes back one field, to the end of what is there.
  await field('remains').click();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(' And cleared the cache.');
  await expect(field('done')).toContainText('We renewed it. And cleared the cache.');
  await expect(field('remains')).not.toContainText('cache');
  await waitSaved(page);
});
