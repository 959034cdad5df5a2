import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { suggestedCheckpoint } from '../../shared/tracking/checkpoint';
import { expect, test } from '../fixtures';

// Scope guard and tracking on a question (issue 4): what the vendor does on the Inbox screen.

const PHONE_IMAGES = 'スマートフォンで画像が表示されません';
const RESTORE = '先週の状態にサイトを戻したい'; // demo: checkpoint two days ago, no verdict

async function openQuestion(page: Page, subject: string) {
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: new RegExp(subject) }).click();
  await expect(page.getByTestId('question-detail')).toContainText(subject);
  return page.getByTestId('question-detail');
}

/** A day in the browser's local time zone, YYYY-MM-DD, `days` from today. */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('scope: a suggested capability puts a question in scope; out of scope drafts a decline for the mail client', async ({
  page,
  app,
}) => {
  const detail = await openQuestion(page, PHONE_IMAGES);
  const scope = detail.getByTestId('scope-panel');
  const suggestions = scope.getByTestId('capability-suggestions');
  await expect(suggestions.getByRole('checkbox')).not.toHaveCount(0);
  // Keep only the top suggestion and record the verdict.
  await suggestions.getByRole('checkbox', { name: /Adjust the smartphone view/ }).uncheck();
  await expect(suggestions.getByRole('checkbox', { name: /Upload images/ })).toBeChecked();
  await scope.getByRole('button', { name: 'In scope' }).click();
  await expect(scope.getByRole('button', { name: 'In scope' })).toHaveAttribute('aria-pressed', 'true');
  await expect(detail.locator('.k-detail__meta')).toContainText('In scope');
  await expect(suggestions.getByRole('checkbox', { name: /Upload images.*linked/ })).toBeChecked();
  await expect(suggestions.getByRole('checkbox', { name: /Adjust the smartphone view/ })).not.toBeChecked();

  // Another question is out of scope: the courteous decline explains the scope.
  const other = await openQuestion(page, RESTORE);
  await other.getByTestId('scope-panel').getByRole('button', { name: 'Out of scope' }).click();
  const draft = other.getByTestId('decline-draft');
  await expect(draft.getByLabel('Message')).toHaveValue(
    /弊社のサポートでは、製品の使い方や不具合についてご案内/,
  );
  await expect(draft.getByLabel('Message')).toHaveValue(/・ページ編集：/);
  await expect(draft).toContainText('To: ');
  await draft.getByLabel('Message').fill('鈴木 様\n\n恐れ入りますが、対象外です。');
  await draft.getByRole('button', { name: 'Open in mail' }).click();
  await expect(page.getByText('Opened the message in your mail program.')).toBeVisible();
  const urls = await app.openedUrls();
  const mailto = urls.find((u) => u.startsWith('mailto:'));
  expect(mailto).toBeDefined();
  expect(decodeURIComponent(mailto!.split('body=')[1]!)).toBe('鈴木 様\r\n\r\n恐れ入りますが、対象外です。');
  // The work log of the question says so.
  await expect(other.getByTestId('work-log')).toContainText('Message handed to the mail program (sent)');
  await expect(other.getByTestId('work-log')).toContainText('Scope set');

  // Closing the request as declined sends the decline as the status message.
  await other.getByRole('button', { name: 'Set the status to Declined, with this message…' }).click();
  const dialog = page.getByTestId('status-dialog');
  await expect(dialog.getByLabel('New status')).toHaveValue('declined');
  await expect(dialog.getByTestId('status-draft').getByLabel('Message')).toHaveValue(
    /恐れ入りますが、対象外です。/,
  );
  await page.getByRole('button', { name: 'Save status change' }).click();
  await expect(other.getByTestId('status-history').locator('li').first()).toContainText(
    'Received → Declined',
  );
  await expect(page.locator('.k-list-item[data-group="closed"]', { hasText: RESTORE })).toBeVisible();

  // Needs clarification asks what they want to achieve.
  await other.getByTestId('scope-panel').getByRole('button', { name: 'Needs clarification' }).click();
  const clarify = other.getByTestId('clarify-draft');
  await expect(clarify.getByLabel('Message')).toHaveValue(/1\. 実現したいこと/);
  // Percent-encoded, the whole Japanese draft is too long for a mail link: it opens as an unsent
  // mail file instead, with the whole text, and says so.
  await clarify.getByRole('button', { name: 'Open in mail' }).click();
  await expect(page.getByText(/opened in your mail program as a draft file/)).toBeVisible();
  const last = (await app.openedUrls()).at(-1)!;
  expect(last).toMatch(/^file:.*\.eml$/);
  const eml = readFileSync(last.slice('file:'.length), 'utf8');
  expect(eml).toContain('X-Unsent: 1');
});

test('status: a change needs a checkpoint, drafts the customer message and lands in the history', async ({
  page,
}) => {
  const detail = await openQuestion(page, PHONE_IMAGES);
  const panel = detail.getByTestId('status-panel');
  await panel.getByRole('button', { name: '→ Investigating' }).click();
  const dialog = page.getByTestId('status-dialog');
  const checkpoint = dialog.getByLabel('Next checkpoint');
  await expect(checkpoint).not.toHaveValue('');
  // Without a checkpoint an open status cannot be saved.
  await checkpoint.fill('');
  await expect(dialog).toContainText('An open question needs a next checkpoint');
  await expect(page.getByRole('button', { name: 'Save status change' })).toBeDisabled();
  await dialog.getByRole('button', { name: /Two working days from today/ }).click();
  await expect(checkpoint).toHaveValue(suggestedCheckpoint(dayFromToday(0)));
  await expect(page.getByRole('button', { name: 'Save status change' })).toBeEnabled();
  const day = dayFromToday(9);
  await checkpoint.fill(day);
  const [y, m, d] = day.split('-').map(Number);
  const message = dialog.getByTestId('status-draft').getByLabel('Message');
  // The customer writes Japanese: the draft is in business Japanese, with the date as a letter has it.
  const thisYear = y === new Date().getFullYear();
  await expect(message).toHaveValue(
    new RegExp(`お世話になっております[\\s\\S]*${thisYear ? '' : `${y}年`}${m}月${d}日（.）までに`),
  );
  await message.fill(`${await message.inputValue()}\n追伸：iPhone の設定も確認しています。`);
  await dialog.getByLabel('Why (for the work log)').fill('Reproduced on an iPhone SE');
  await page.getByRole('button', { name: 'Save status change' }).click();
  await expect(page.getByTestId('status-dialog')).toHaveCount(0);

  await expect(detail.locator('.k-detail__meta')).toContainText('Investigating');
  const history = panel.getByTestId('status-history');
  const latest = history.locator('li').first();
  await expect(latest).toContainText('Received → Investigating');
  await expect(latest).toContainText('Why: Reproduced on an iPhone SE');
  await latest.getByText('Customer message').click();
  await expect(latest).toContainText('追伸：iPhone の設定も確認しています。');
  // Saving the status sent nothing: the message is a draft until it is sent.
  await expect(latest.getByTestId('message-delivery')).toHaveAttribute('data-delivery', 'draft');
  await latest.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(latest.getByTestId('message-delivery')).toHaveAttribute('data-delivery', 'sent');
  await expect(detail.getByTestId('work-log')).toContainText('Status changed');
  // The log says it in words, not in stored status names.
  await expect(detail.getByTestId('work-log')).toContainText('Received → Investigating (next update by');
  await expect(detail.getByTestId('work-log')).not.toContainText('received → investigating');

  // Closing clears the checkpoint: the field is gone and the badge too.
  await panel.getByRole('button', { name: 'Change status…' }).click();
  await page.getByTestId('status-dialog').getByLabel('New status').selectOption('resolved');
  await expect(page.getByTestId('status-dialog').getByLabel('Next checkpoint')).toHaveCount(0);
  await expect(page.getByTestId('status-draft').getByLabel('Message')).toHaveValue(/解決し/);
  await page.getByRole('button', { name: 'Save status change' }).click();
  await expect(panel.locator('.k-actions').first()).not.toContainText('Next update by');
  await expect(panel.locator('.k-actions').first()).toContainText('Resolved');
  await expect(history.locator('li').first()).toContainText('Investigating → Resolved');
});

test('inbox: overdue questions come first and are highlighted', async ({ page }) => {
  await page.getByRole('link', { name: 'Inbox' }).click();
  const list = page.getByTestId('question-list');
  await expect(list.locator('.k-list-section__title').first()).toContainText('Overdue');
  const top = list.locator('.k-list-item[data-group="overdue"]').first();
  await expect(top).toContainText(RESTORE);
  await expect(top.locator('.k-badge', { hasText: 'Overdue' })).toBeVisible();
  await expect(top.locator('.k-overdue')).toBeVisible();
  // Moving its checkpoint to the future takes it out of the overdue group.
  await top.click();
  await page.getByTestId('status-panel').getByRole('button', { name: 'Change status…' }).click();
  await page.getByTestId('status-dialog').getByLabel('Next checkpoint').fill(dayFromToday(3));
  await page.getByRole('button', { name: 'Save status change' }).click();
  await expect(list.locator('.k-list-item[data-group="overdue"]', { hasText: RESTORE })).toHaveCount(0);
  await expect(list.locator('.k-list-item', { hasText: RESTORE })).toBeVisible();
});

test('work log: exports the question log as CSV', async ({ page, app }) => {
  const detail = await openQuestion(page, PHONE_IMAGES);
  await detail.getByTestId('status-panel').getByRole('button', { name: '→ Investigating' }).click();
  await page.getByTestId('status-dialog').getByLabel('Why (for the work log)').fill('note, with "quotes"');
  await page.getByRole('button', { name: 'Save status change' }).click();
  await expect(detail.getByTestId('work-log')).toContainText('Status changed');

  mkdirSync(app.tempDir, { recursive: true });
  const file = path.join(app.tempDir, 'log.csv');
  await app.queueDialogs({ chooseSaveFile: [file] });
  await detail.getByTestId('work-log').getByRole('button', { name: 'Export CSV' }).click();
  await expect(page.getByText(/Exported \d+ log entries to/)).toBeVisible();
  const csv = readFileSync(file, 'utf8');
  expect(
    csv.startsWith('\uFEFFat,actor,action,question_id,customer_id,answer_id,summary,note,message\r\n'),
  ).toBe(true);
  expect(csv).toContain('question.received');
  // The summary in words of the UI, as the work log shows it; the action column keeps its code.
  expect(csv).toContain('Received → Investigating');
  expect(csv).not.toContain('received → investigating');
  expect(csv).toContain('"note, with ""quotes"""');
});

test('templates: an edited decline template is used for the next draft', async ({ page }) => {
  const detail = await openQuestion(page, RESTORE);
  await detail.getByTestId('scope-panel').getByRole('button', { name: 'Out of scope' }).click();
  await detail.getByRole('button', { name: 'Edit templates' }).click();
  const editor = page.getByTestId('message-templates');
  await expect(editor.getByLabel('Template', { exact: true })).toHaveValue('scope.out_of_scope');
  await editor.getByLabel('Template language').selectOption('ja');
  await editor.getByLabel('Text').fill('{{customer}} 様\n\n独自のお断り文です。');
  await editor.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template saved.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail.getByTestId('decline-draft').getByLabel('Message')).toHaveValue(
    /様\n\n独自のお断り文です。/,
  );
});

test('keyboard: Ctrl+Shift+S opens the status change with the usual next step', async ({ page }) => {
  await openQuestion(page, PHONE_IMAGES);
  await page.keyboard.press('Control+Shift+S');
  const dialog = page.getByTestId('status-dialog');
  await expect(dialog.getByLabel('New status')).toHaveValue('investigating');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
