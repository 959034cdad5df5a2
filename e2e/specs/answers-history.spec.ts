import { expect, test } from '../fixtures';
import { addStep, editor, steps, waitSaved } from '../answerEditor';

// Revisions, restore and undo: nothing the vendor wrote is ever lost.

test.beforeEach(async ({ page }) => {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /Adding a Google Analytics tag/ }).click();
  await expect(editor(page)).toContainText('measurement ID');
});

test('a saved version can be compared with now and restored, and the restore undone', async ({ page }) => {
  const intro = editor(page).locator('p').first();
  await intro.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' It takes five minutes.');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved as revision 2.' })).toBeVisible();

  await page.keyboard.type(' Ignore everything above.');
  await waitSaved(page);
  await expect(page.getByTestId('save-state')).toContainText('changes since revision 2');

  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Revision 2/ }).click();
  const diff = dialog.getByTestId('revision-diff');
  await expect(diff.getByTestId('diff-changed')).toHaveCount(1);
  await expect(diff.locator('ins')).toHaveText(' Ignore everything above.');
  await dialog.getByRole('button', { name: /Revision 1/ }).click();
  await expect(diff.locator('ins')).toHaveText(' It takes five minutes. Ignore everything above.');

  await dialog.getByRole('button', { name: /Revision 2/ }).click();
  await dialog.getByRole('button', { name: 'Restore revision 2' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editor(page)).toContainText('It takes five minutes.');
  await expect(editor(page)).not.toContainText('Ignore everything above.');

  await page.reload();
  await expect(editor(page)).toContainText('It takes five minutes.');
  await expect(editor(page)).not.toContainText('Ignore everything above.');

  // The edit that was replaced is a revision of its own: restoring it brings it back.
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('dialog')).toContainText('Before a restore');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Before a restore/ })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Restore revision/ })
    .click();
  await expect(editor(page)).toContainText('Ignore everything above.');
});

test('undo and redo: typing, and a step inserted from the slash menu', async ({ page }) => {
  const count = await steps(page).count();
  const intro = editor(page).locator('p').first();
  await intro.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Temporary words.');
  await expect(intro).toContainText('Temporary words.');
  await page.keyboard.press('Control+z');
  await expect(intro).not.toContainText('Temporary words.');
  await page.keyboard.press('Control+Shift+z');
  await expect(intro).toContainText('Temporary words.');

  await page.keyboard.press('Enter');
  await addStep(page, 'Check the tag.', 'It is active.');
  await expect(steps(page)).toHaveCount(count + 1);
  // The toolbar's undo takes back the typing, then the step itself.
  const undo = page.getByRole('button', { name: 'Undo (Ctrl+Z)' });
  while ((await steps(page).count()) > count) await undo.click();
  await expect(steps(page)).toHaveCount(count);
  await page.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' }).click();
  await expect(steps(page)).toHaveCount(count + 1);
  await waitSaved(page);
  await page.reload();
  await expect(steps(page)).toHaveCount(count + 1);
});

test('nothing under the pointer moves when the answer’s verification or save state changes', async ({ page }) => {
  // Undoing a new, unverified step turned "Not verified yet" back into "Verified with version 4.2.1
  // on 1 Dec 2026" beside "Saved · changes since revision 1": the header's row wrapped, and the
  // toolbar and the side panel jumped a line — a click aimed at Redo (or at Done) landed where
  // they had been.
  const redo = page.getByRole('button', { name: 'Redo (Ctrl+Shift+Z)' });
  const verified = page.getByTestId('answer-verified');
  const count = await steps(page).count();
  await editor(page).locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await addStep(page, 'Check the tag.', 'It is active.');
  await expect(verified).toContainText('Not verified yet');
  await waitSaved(page);
  const before = await redo.boundingBox();
  while ((await steps(page).count()) > count) await page.keyboard.press('Control+z');
  await expect(verified).toContainText('Verified with version 4.2.1');
  await waitSaved(page);
  await expect(page.getByTestId('save-state')).toContainText('changes since revision 1');
  expect(await redo.boundingBox()).toEqual(before);
});
