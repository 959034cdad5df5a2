import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// Reordering the scope catalogue (shown in the UI's language: English here, Japanese below) by drag and drop: the grip handle with the mouse, the same with the
// keyboard (Space, arrows, Space), moving an operation into another area, and Undo.

const EDITING = ['Add and delete pages', 'Reorder blocks', 'Edit the menu'];

const areaItem = (page: Page, area: string): Locator =>
  page
    .getByRole('tree')
    .getByTestId('capability-area')
    .filter({ has: page.getByRole('button', { name: new RegExp(`^${area}`) }) });
const operationsOf = (page: Page, area: string) => areaItem(page, area).getByTestId('capability-operation');
const handle = (page: Page, title: string) =>
  page.getByRole('button', { name: `Move “${title}”`, exact: true });

/** A person dragging with the mouse: press on the handle, move in small steps, release. */
async function drag(
  page: Page,
  from: Locator,
  to: Locator,
  options: { screenshot?: string; dy?: number } = {},
) {
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  // dnd-kit starts a drag only after the pointer has moved a few pixels (the activation distance).
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 6, { steps: 3 });
  // A person sees the item lift before carrying it; dnd-kit measures where it may land as the drag
  // starts, and the list may shift then: aim at the target only once the item is lifted.
  await expect(page.getByTestId('drag-preview')).toBeVisible();
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + (options.dy ?? 0), { steps: 12 });
  if (options.screenshot) await page.screenshot({ path: options.screenshot });
  await page.mouse.up();
  await expect(page.getByTestId('drag-preview')).toBeHidden();
}

test('capabilities: drag an operation with the mouse; the order is saved, and Undo puts it back', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Capabilities' }).click();
  await expect(operationsOf(page, 'Editing pages')).toHaveText(EDITING);

  // The last operation of the area goes to the top.
  await drag(page, handle(page, 'Edit the menu'), handle(page, 'Add and delete pages'), {
    screenshot: '/tmp/dnd-mid-drag-en.png',
    dy: -6,
  });
  const moved = ['Edit the menu', 'Add and delete pages', 'Reorder blocks'];
  await expect(operationsOf(page, 'Editing pages')).toHaveText(moved);
  await expect(
    page.getByRole('status').filter({ hasText: 'Moved “Edit the menu” to position 1.' }),
  ).toBeVisible();
  await page.screenshot({ path: '/tmp/dnd-after-drop-en.png' });

  // Saved: still so after a reload.
  await page.reload();
  await expect(operationsOf(page, 'Editing pages')).toHaveText(moved);

  // Another drag, then Undo: back to the order before it, also after a reload.
  await drag(page, handle(page, 'Add and delete pages'), handle(page, 'Reorder blocks'), { dy: 6 });
  await expect(operationsOf(page, 'Editing pages')).toHaveText([
    'Edit the menu',
    'Reorder blocks',
    'Add and delete pages',
  ]);
  await page
    .getByRole('status')
    .filter({ hasText: 'Moved “Add and delete pages” to position 3.' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.getByText('Move undone: “Add and delete pages” is back where it was.')).toBeVisible();
  await expect(operationsOf(page, 'Editing pages')).toHaveText(moved);
  await page.reload();
  await expect(operationsOf(page, 'Editing pages')).toHaveText(moved);
});

test('capabilities: an operation dropped on another area header moves into that area', async ({ page }) => {
  await page.getByRole('link', { name: 'Capabilities' }).click();
  // Into a collapsed area: it takes the operation at its end, and opens to show it.
  await areaItem(page, 'Forms').getByRole('button', { name: 'Collapse' }).click();
  await expect(operationsOf(page, 'Forms')).toHaveCount(0);
  const header = areaItem(page, 'Forms').getByRole('button', { name: /^Forms/ });
  await drag(page, handle(page, 'Edit the menu'), header, { screenshot: '/tmp/dnd-into-area-en.png' });
  await expect(operationsOf(page, 'Forms')).toHaveText([
    'Create a form',
    'Set up notification e-mails',
    'Edit the menu',
  ]);
  await expect(operationsOf(page, 'Editing pages')).toHaveText(EDITING.slice(0, 2));
  await expect(page.getByText('Moved “Edit the menu” to Forms, position 3.')).toBeVisible();
  await page.reload();
  await expect(operationsOf(page, 'Forms')).toHaveText([
    'Create a form',
    'Set up notification e-mails',
    'Edit the menu',
  ]);
});

test('capabilities: reorder with the keyboard, with what a screen reader hears', async ({ page }) => {
  await page.getByRole('link', { name: 'Capabilities' }).click();
  await handle(page, 'Add and delete pages').focus();
  await page.keyboard.press('Space');
  await expect(
    page.getByText(/“Add and delete pages” is now in Editing pages, position 1 of 3\./),
  ).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(/would go to Editing pages, position 2 of 3\./)).toBeAttached();
  await page.screenshot({ path: '/tmp/dnd-keyboard-en.png' });
  await page.keyboard.press('Space');
  await expect(
    page.getByText(/“Add and delete pages” dropped in Editing pages, position 2 of 3\./),
  ).toBeAttached();
  await expect(operationsOf(page, 'Editing pages')).toHaveText([EDITING[1]!, EDITING[0]!, EDITING[2]!]);
  // Focus stays on the handle, ready for the next move.
  await expect(handle(page, 'Add and delete pages')).toBeFocused();
  await page.reload();
  await expect(operationsOf(page, 'Editing pages')).toHaveText([EDITING[1]!, EDITING[0]!, EDITING[2]!]);

  // Down from the last operation of an area: into the next area, at its top.
  await handle(page, 'Edit the menu').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByText(/would go to Design and themes, position 1 of 4\./)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(operationsOf(page, 'Design and themes').first()).toHaveText('Edit the menu');
  await expect(operationsOf(page, 'Editing pages')).toHaveText([EDITING[1]!, EDITING[0]!]);

  // Escape puts a picked-up area back: nothing changes, nothing is saved.
  const areas = page.getByRole('tree').getByTestId('capability-area');
  await handle(page, 'Editing pages').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(page.getByText(/Move cancelled\. “Editing pages” is back where it was\./)).toBeAttached();
  await expect(areas.first()).toContainText('Editing pages');
  await expect(page.getByText(/Moved “Editing pages”/)).toHaveCount(0);
});

test.describe('on a Japanese system', () => {
  test.use({ systemLocale: 'ja-JP' });
  test('capabilities: the drag reads in Japanese, and an area moves below the next one', async ({ page }) => {
    await page.getByRole('link', { name: '対応範囲' }).click();
    const areas = page.getByRole('tree').getByTestId('capability-area');
    await expect(areas.nth(0)).toContainText('ページ編集');
    const first = page.getByRole('button', { name: '「ページ編集」を移動', exact: true });
    const second = page.getByRole('button', { name: '「デザイン・テーマ」を移動', exact: true });
    await expect(first).toHaveAttribute('aria-roledescription', '移動できる項目');
    await drag(page, first, second, { screenshot: '/tmp/dnd-mid-drag-ja.png', dy: 40 });
    await expect(page.getByText('「ページ編集」を 2 番目に移動しました。')).toBeVisible();
    await page.screenshot({ path: '/tmp/dnd-after-drop-ja.png' });
    await page.reload();
    await expect(areas.nth(0)).toContainText('デザイン・テーマ');
    await expect(areas.nth(1)).toContainText('ページ編集');
  });
});
