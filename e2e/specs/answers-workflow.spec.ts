import { expect, test } from '../fixtures';
import { editor, insertFromSlashMenu, steps, waitSaved } from '../answerEditor';

test('reproduction mode: a step that does not work leaves the answer unverified until it does', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /テーマカラーを変更する/ }).click();
  const detail = page.getByTestId('answer-detail');
  await expect(detail.getByTestId('answer-verified')).toContainText('Verified with version 4.2.0');

  await detail.getByRole('button', { name: 'Reproduce' }).click();
  const panel = page.getByTestId('reproduction-panel');
  await panel.getByLabel('Tool version').fill('4.3.0');
  await expect(panel.getByTestId('reproduction-step')).toContainText('Step 1 of 3');
  await panel.getByRole('button', { name: 'Works as written' }).click();
  await panel.getByRole('button', { name: 'Does not work' }).click();
  await panel.getByRole('button', { name: 'Works as written' }).click();
  await expect(panel).toContainText('2 of 3 steps verified with version 4.3.0.');
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(detail.getByTestId('answer-verified')).toHaveText('Not verified yet');
  // "Does not work" leaves its mark on the step, and the checks say so (issue 18).
  await expect(page.getByTestId('check-completeness')).toContainText(
    'Step 2 did not work when reproduced (version 4.3.0).',
  );
  await expect(steps(page).nth(0).getByTestId('step-verified')).toContainText('Verified with 4.3.0');
  await expect(steps(page).nth(1).getByTestId('step-verified')).toHaveCount(0);
  await expect(steps(page).nth(1).getByTestId('step-failed')).toContainText(
    'Did not work when reproduced with version 4.3.0',
  );

  // Fixed on the vendor's side: walk step 2 again.
  await detail.getByRole('button', { name: 'Reproduce' }).click();
  await panel.getByLabel('Tool version').fill('4.3.0');
  await panel.getByRole('button', { name: 'Skip' }).click();
  await panel.getByRole('button', { name: 'Works as written' }).click();
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(detail.getByTestId('answer-verified')).toContainText('Verified with version 4.3.0');
  await expect(steps(page).nth(1).getByTestId('step-failed')).toHaveCount(0);
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('answer-detail').getByTestId('answer-verified')).toContainText(
    'Verified with version 4.3.0',
  );
  await page.getByRole('link', { name: 'Answers' }).click();
  await expect(page.getByRole('button', { name: /テーマカラーを変更する/ })).toContainText('✓ 4.3.0');
});

test('a new question gets existing answers suggested, and one is linked instead of rewritten', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: 'New answer' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'The question it answers' }).fill('古い商品画像');
  await dialog.getByRole('option', { name: /古い商品画像をまとめて削除したい/ }).click();
  const suggestions = dialog.getByTestId('answer-suggestions');
  await expect(suggestions).toContainText('スマートフォンで画像が表示されないときの確認手順');
  await suggestions.getByRole('button', { name: 'Use this answer' }).first().click();
  const detail = page.getByTestId('answer-detail');
  await expect(detail.getByLabel('Title of the answer')).toHaveValue(
    'スマートフォンで画像が表示されないときの確認手順',
  );
  await expect(detail.getByTestId('linked-questions')).toContainText('古い商品画像をまとめて削除したい');

  // And unlinked again, from the answer.
  await detail.getByRole('button', { name: 'Unlink “古い商品画像をまとめて削除したい”' }).click();
  await expect(detail.getByTestId('linked-questions')).not.toContainText('古い商品画像をまとめて削除したい');
});

test('a title typed while the question is still loading is kept; the language follows the customer', async ({
  page,
}) => {
  // A busy machine answers after the person has typed: the spec holds the question's details
  // until the title is in (no timing), then sees the customer's language arrive.
  let release = () => {};
  const typed = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/__kotae/invoke/questions%3Alist', async (route) => {
    if ((route.request().postDataJSON() as { ids?: number[] }).ids) await typed;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: 'New answer' }).first().click();
  const dialog = page.getByRole('dialog');
  const language = dialog.getByLabel('Language of the answer');
  await expect(language).toHaveValue('en'); // the UI's language until a customer says otherwise
  await dialog.getByRole('combobox', { name: 'The question it answers' }).fill('決済ボタン');
  await dialog.getByRole('option', { name: /決済ボタンを押すとエラーになる/ }).click();
  const title = dialog.getByLabel('Title', { exact: true });
  await title.fill('Payment button: what to check first');
  release();
  // The customer's language comes after the question's details: those were in, and kept our title.
  await expect(language).toHaveValue('ja');
  await expect(title).toHaveValue('Payment button: what to check first');
  await dialog.getByRole('button', { name: 'Create and write' }).click();
  await expect(page.getByTestId('answer-detail').getByLabel('Title of the answer')).toHaveValue(
    'Payment button: what to check first',
  );
});

test('snippets: a greeting with the customer’s name, and steps saved as a snippet for the next answer', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /ブログ記事を予約公開する/ }).click();
  const intro = editor(page).locator('p').first();
  await intro.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await insertFromSlashMenu(page, '挨拶', 'Snippet: 挨拶');
  await expect(editor(page)).toContainText('鈴木 一郎 様');
  await expect(editor(page)).toContainText('いつもお世話になっております。');

  // Select the three steps and keep them as a snippet.
  await steps(page).nth(0).locator('.k-step__action').click();
  await page.keyboard.press('Home');
  await steps(page)
    .nth(2)
    .locator('.k-step__expected')
    .click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: 'Snippets' }).click();
  await page.getByRole('menuitem', { name: 'Save the selected blocks as a snippet…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('予約公開の手順');
  await dialog.getByLabel('Kind').selectOption('steps');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Snippet “予約公開の手順” saved.' })).toBeVisible();

  await page.getByRole('button', { name: /テーマカラーを変更する/ }).click();
  await expect(editor(page)).toContainText('基調色');
  const count = await steps(page).count();
  await steps(page)
    .nth(count - 1)
    .locator('.k-step__expected')
    .click();
  await page.getByRole('button', { name: 'Snippets' }).click();
  await page.getByRole('menuitem', { name: /予約公開の手順/ }).click();
  await expect(steps(page)).toHaveCount(count + 3);
  await expect(steps(page).nth(count)).toContainText('公開設定');
});

test('edits are saved when the vendor switches answers right after typing', async ({ page }) => {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /Adding a Google Analytics tag/ }).click();
  const intro = editor(page).locator('p').first();
  await intro.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Written just before leaving.');
  await page.getByRole('button', { name: /独自ドメインを接続する/ }).click();
  await expect(editor(page)).toContainText('取得されたドメイン');
  await page.getByRole('button', { name: /Adding a Google Analytics tag/ }).click();
  await expect(editor(page)).toContainText('Written just before leaving.');
});

test('video: a clip block and a step’s video moment wait for a clip from the Videos screen', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /Adding a Google Analytics tag/ }).click();
  const last = steps(page).last();
  await last.locator('.k-step__expected').click();
  await page.keyboard.press('End');
  // Out of the steps as out of a list: Enter makes a new step, Enter on the empty step leaves them.
  // (Not ArrowDown: where the browser puts the caret then depends on the layout below the step.)
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await insertFromSlashMenu(page, 'video', 'Video clip');
  const block = editor(page).getByTestId('video-block');
  await expect(block).toContainText('There are no clips yet. Record and trim one in Videos.');
  await expect(page.getByTestId('check-completeness')).toContainText('A video block has no clip chosen yet.');
  await block.getByRole('button', { name: 'Remove' }).click();
  await expect(block).toHaveCount(0);
  await expect(page.getByTestId('check-completeness')).toHaveAttribute('data-status', 'ok');

  await last.hover();
  await last.getByRole('button', { name: 'Link to a moment in a video' }).click();
  await expect(page.getByRole('dialog')).toContainText('There are no clips yet.');
});

test('formatting: markdown shortcuts, a table and a link, kept after a reload', async ({ page }) => {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: 'New answer' }).first().click();
  await page.getByRole('dialog').getByLabel('Title', { exact: true }).fill('Formatting');
  await page.getByRole('dialog').getByRole('button', { name: 'Create and write' }).click();
  await editor(page).click();
  await page.keyboard.type('## Before you start');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Have your **measurement ID** ready');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('> Quoted from the manual');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('See the help page');
  await page.keyboard.press('Enter');
  await page.getByRole('toolbar').getByRole('button', { name: 'Table' }).click();
  await expect(editor(page).locator('table tr')).toHaveCount(3);

  // Link the last words of the paragraph: select them, Link, give the address.
  await editor(page).getByText('See the help page').click();
  await page.keyboard.press('End');
  await page.keyboard.down('Shift');
  for (let i = 0; i < 'help page'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await page.getByRole('toolbar').getByRole('button', { name: 'Link', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Address').fill('javascript:alert(1)');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await dialog.getByLabel('Address').fill('https://help.example.com/analytics');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(editor(page)).toBeFocused(); // back in the text

  const check = async () => {
    await expect(editor(page).locator('h2')).toHaveText('Before you start');
    await expect(editor(page).locator('ul li strong, ul li .k-ed-bold')).toHaveText('measurement ID');
    await expect(editor(page).locator('blockquote')).toHaveText('Quoted from the manual');
    await expect(editor(page).locator('a')).toHaveAttribute('href', 'https://help.example.com/analytics');
    await expect(editor(page).locator('table tr')).toHaveCount(3);
  };
  await check();
  await waitSaved(page);
  await page.reload();
  await check();
});
