import { expect, test } from '../fixtures';
import {
  addStep,
  editor,
  insertFromSlashMenu,
  pasteImage,
  screenshotFile,
  stepActions,
  steps,
  waitSaved,
} from '../answerEditor';

test('writes an answer as a person would: steps, reorder, screenshot, summary, checks, reload', async ({
  page,
  app,
}) => {
  // A limit, not a timing: it types a whole answer key by key (50–80 s on CI; 2.6 min once at
  // load ~20, beside test:stress and a second suite).
  test.setTimeout(240_000);
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: 'New answer' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'The question it answers' }).fill('決済ボタン');
  await dialog.getByRole('option', { name: /決済ボタンを押すとエラーになる/ }).click();
  await dialog.getByLabel('Title', { exact: true }).fill('Getting the payment button working again');
  await dialog.getByLabel('Language of the answer').selectOption('en');
  await dialog.getByRole('button', { name: 'Create and write' }).click();

  const detail = page.getByTestId('answer-detail');
  await expect(detail.getByLabel('Title of the answer')).toHaveValue(
    'Getting the payment button working again',
  );
  await editor(page).click();
  await page.keyboard.type(
    'I understand how worrying it is when customers cannot pay. Here is how to get it working.',
  );
  await page.keyboard.press('Enter');

  // Three steps through the slash menu; the third is written first, as happens when drafting.
  await addStep(page, 'Press Save and try a test payment.', 'The test payment shows as Paid.');
  await page.keyboard.press('ArrowDown');
  await addStep(page, 'Open Shop → Payments.', 'The payment settings open.');
  await page.keyboard.press('ArrowDown');
  await addStep(page, 'Paste the new API key into the Key field.', 'A green tick appears next to the key.');
  expect(await stepActions(page)).toEqual([
    'Press Save and try a test payment.',
    'Open Shop → Payments.',
    'Paste the new API key into the Key field.',
  ]);

  // Reorder: drag the first step below the last one, then move one up with the keyboard.
  const first = steps(page).nth(0);
  await first.hover();
  await page.locator('.k-drag-handle').dragTo(steps(page).nth(2), { targetPosition: { x: 60, y: 30 } });
  await expect
    .poll(() => stepActions(page))
    .toEqual([
      'Open Shop → Payments.',
      'Paste the new API key into the Key field.',
      'Press Save and try a test payment.',
    ]);
  await steps(page).nth(0).locator('.k-step__action').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(() => stepActions(page))
    .toEqual([
      'Paste the new API key into the Key field.',
      'Open Shop → Payments.',
      'Press Save and try a test payment.',
    ]);
  await steps(page).nth(0).locator('.k-step__action').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect
    .poll(() => stepActions(page))
    .toEqual([
      'Open Shop → Payments.',
      'Paste the new API key into the Key field.',
      'Press Save and try a test payment.',
    ]);
  await expect(steps(page).nth(1).locator('.k-step__number')).toBeVisible();

  // A screenshot pasted while the caret is in step 2 becomes that step's screenshot.
  await steps(page).nth(1).locator('.k-step__expected').click();
  await pasteImage(page, screenshotFile(app.tempDir));
  const shot = steps(page).nth(1).getByTestId('step-screenshot');
  await expect(shot).toBeVisible();
  await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);

  // The resolution summary, field by field.
  await steps(page).nth(2).locator('.k-step__expected').click();
  await page.keyboard.press('End');
  // Out of the steps as out of a list (a new step, left empty), whatever the layout below.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await insertFromSlashMenu(page, 'summary', 'Summary');
  for (const text of [
    'The old API key was still saved after it was renewed.',
    'We showed how to save the new key.',
    'Nothing.',
    'Yes, once the test payment goes through.',
    'Renew the key in Sirius whenever you renew it at the payment service.',
  ]) {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  const checks = page.getByTestId('checks-panel');
  await expect(checks.getByTestId('check-completeness')).toContainText('Steps 1, 2, 3 are not verified yet.');
  await expect(checks.getByTestId('check-tone')).toHaveAttribute('data-status', 'ok');
  await expect(checks.getByTestId('check-scope')).toHaveAttribute('data-status', 'ok');

  // Reproduction mode: walk the steps and mark them verified with the tool's version.
  await detail.getByRole('button', { name: 'Reproduce' }).click();
  const panel = page.getByTestId('reproduction-panel');
  await expect(panel.getByLabel('Tool version')).toHaveValue('4.2.1');
  for (const action of ['Open Shop → Payments.', 'Paste the new API key', 'Press Save']) {
    await expect(panel.getByTestId('reproduction-step')).toContainText(action);
    await panel.getByRole('button', { name: 'Works as written' }).click();
  }
  await expect(panel).toContainText('3 of 3 steps verified with version 4.2.1.');
  await panel.getByRole('button', { name: 'Done' }).click();

  await expect(checks).toHaveAttribute('data-status', 'ok');
  await expect(checks).toContainText('All checks pass');
  await expect(detail.getByTestId('answer-verified')).toContainText('Verified with version 4.2.1');
  await waitSaved(page);

  await page.reload();
  await expect(stepActions(page)).resolves.toBeDefined();
  await expect
    .poll(() => stepActions(page))
    .toEqual([
      'Open Shop → Payments.',
      'Paste the new API key into the Key field.',
      'Press Save and try a test payment.',
    ]);
  await expect(editor(page)).toContainText('I understand how worrying it is');
  await expect
    .poll(() =>
      steps(page)
        .nth(1)
        .getByTestId('step-screenshot')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(320);
  await expect(editor(page).getByTestId('resolution')).toContainText('Renew the key in Sirius');
  await expect(page.getByTestId('checks-panel')).toContainText('All checks pass');
  await expect(page.getByTestId('answer-detail').getByTestId('answer-verified')).toContainText(
    'Verified with version 4.2.1',
  );
});
