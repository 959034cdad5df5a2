import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentOf, paragraph, step } from '../../shared/answers/document';
import { editor, waitSaved } from '../answerEditor';
import { expect, test } from '../fixtures';

// Issue 16: every form of a customer's name is found on the Publish screen, one click redacts the
// whole of it, and the site (pages and search index) holds none of them; what was written for one
// customer (the greeting, a block marked "for this customer only") is not on the site at all.

const ZWSP = '\u200b';

function allText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    text += statSync(full).isDirectory() ? allText(full) : readFileSync(full, 'utf8');
  }
  return text;
}

/** A Japanese answer that names 田中 美咲 with a zero-width space inside, and her clinic in katakana. */
function writeJapaneseAnswer(userData: string): void {
  const db = new Database(path.join(userData, 'Kotae Library', 'library.sqlite'));
  try {
    const doc = documentOf([
      paragraph('記事を指定した日時に自動で公開できます。'),
      paragraph(`田${ZWSP}中様のタナカ整体院のブログでも、この手順で予約公開できることを確かめました。`),
      step('記事の編集画面で右上の「公開設定」を開きます。', '公開方法の選択肢が表示されます。'),
    ]);
    db.prepare(
      "UPDATE answers SET doc = ?, revision = revision + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE slug = 'schedule-a-blog-post'",
    ).run(JSON.stringify(doc));
  } finally {
    db.close();
  }
}

test('every form of a name is found, redacted whole, and nothing for one customer reaches the site', async ({
  page,
  app,
  context,
}, testInfo) => {
  // A whole flow (edit an answer, decide, publish, read the site): longer than one screen's test.
  test.slow();
  writeJapaneseAnswer(app.userData);
  mkdirSync(app.tempDir, { recursive: true });
  const out = path.join(app.tempDir, 'faq-site');

  // The English answer: a greeting and a line addressed to John, typed at the top; the paragraph
  // written for Mr. Miller marked "for this customer only".
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /Adding a Google Analytics tag/ }).click();
  await expect(editor(page)).toContainText('You can measure visits');
  await editor(page).getByText('You can measure visits').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Dear John,');
  await page.keyboard.press('Enter');
  await page.keyboard.type('John: follow steps 1 to 3 below.');
  await page.keyboard.press('Enter');
  await editor(page).getByText('Mr. Miller, we checked these steps').click();
  const customerOnly = page.getByRole('button', { name: 'For this customer only (left out of the FAQ)' });
  await customerOnly.click();
  await expect(customerOnly).toHaveAttribute('aria-pressed', 'true');
  await expect(editor(page).locator('[data-customer-only]')).toContainText(
    'Mr. Miller, we checked these steps',
  );
  await waitSaved(page);

  // The Publish screen lists each form, in context.
  await page.getByRole('link', { name: 'Publish' }).click();
  await app.queueDialogs({ chooseFolder: [out] });
  await page.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(page.getByTestId('output-folder')).toContainText(out);
  const open = page.locator('[data-testid="finding"][data-decision="open"]');
  const marks = open.locator('mark');
  await expect(marks).toContainText([`田${ZWSP}中様`, 'タナカ整体院']);
  await expect(open.filter({ hasText: 'follow steps 1 to 3' }).locator('mark')).toHaveText('John');
  // Nothing from the greeting or the block for Mr. Miller: they are not published, so not scanned.
  await expect(page.getByTestId('privacy-findings')).not.toContainText('Dear');
  await expect(page.getByTestId('privacy-findings')).not.toContainText('Mr. Miller');

  // The preview shows exactly the public text of the English answer.
  await page.getByRole('button', { name: 'Preview of “Adding a Google Analytics tag” as published' }).click();
  const preview = page.getByTestId('public-preview');
  await expect(preview).toContainText('You can measure visits');
  // Drawn by the site's renderer: the steps as the page numbers them.
  await expect(preview.locator('li.step .step-number').first()).toHaveText('1');
  await expect(preview.getByTestId('preview-undecided')).toHaveText('John');
  await page.screenshot({ path: testInfo.outputPath('publish-preview-en.png') });
  await expect(preview).not.toContainText('Dear John');
  await expect(preview).not.toContainText('Mr. Miller');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // One click per finding redacts the whole name (family name, zero-width space and honorific).
  const name = page
    .locator('[data-testid="finding"]')
    .filter({ hasText: 'のタナカ整体院のブログでも' })
    .filter({ has: page.locator('mark', { hasText: '中様' }) });
  // The whole name as written, the zero-width space inside it included.
  expect(await name.locator('mark').evaluate((m) => m.textContent)).toBe(`田${ZWSP}中様`);
  await name.getByRole('button', { name: 'Redact' }).click();
  await expect(name).toHaveAttribute('data-decision', 'redact');
  await expect(name).toContainText('Will be redacted');
  while ((await open.count()) > 0) {
    const before = await open.count();
    await open.first().getByRole('button', { name: 'Redact' }).click();
    await expect(open).toHaveCount(before - 1);
  }
  // Decided: the preview shows what the page will say in its place.
  await page.getByRole('button', { name: 'Preview of “Adding a Google Analytics tag” as published' }).click();
  await expect(preview).toContainText('[removed]: follow steps 1 to 3 below.');
  await expect(preview.getByTestId('preview-undecided')).toHaveCount(0);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  const publish = page.getByRole('button', { name: 'Publish', exact: true });
  await expect(publish).toBeEnabled();
  await publish.click();
  await expect(page.getByTestId('publish-job')).toHaveAttribute('data-status', 'done');

  // The site and its search index, byte for byte: none of the forms, no greeting, no private block.
  const site = allText(out);
  for (const gone of [
    'John',
    'Dear',
    'Mr. Miller',
    `田${ZWSP}中`,
    '田中',
    'タナカ整体院',
    'たなか整体院',
    'tanaka-seitai',
  ])
    expect(site, gone).not.toContain(gone);
  expect(site).toContain('［非公開］の［非公開］のブログでも、この手順で予約公開できることを確かめました。');

  // A reader searching the site finds nothing of them.
  const reader = await context.newPage();
  await reader.goto(pathToFileURL(path.join(out, 'index.html')).href);
  const search = reader.getByRole('combobox', { name: 'FAQ を検索' });
  await search.fill('analytics');
  await expect(reader.getByRole('listbox').getByRole('option')).toHaveCount(1);
  for (const query of ['John', 'タナカ', '田中']) {
    await search.fill(query);
    await expect(reader.getByRole('listbox').getByRole('option')).toHaveCount(0);
  }
  // The English page itself: the line to John with his name replaced, and no greeting.
  await reader.goto(pathToFileURL(path.join(out, 'answers', 'add-google-analytics', 'index.html')).href);
  const article = reader.locator('main');
  await expect(article).toContainText('[removed]: follow steps 1 to 3 below.');
  await expect(article).toContainText('You can measure visits');
  await expect(article).not.toContainText('Dear');
});
