import { expect, test } from '../fixtures';

// Lists that cost what they show (issue 20), on the demo library: a search over a list leaves the
// list as it was, the customer filter is typed (no select of every customer), and the palette
// opened again starts empty and never shows the hits of the search before.

test('clearing a list search shows the same list, scrolled where it was', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 520 });
  const inbox = page.getByTestId('screen-inbox');
  const list = inbox.getByTestId('question-list');
  await expect(list.locator('.k-list-item').first()).toBeVisible();
  await list.hover();
  await page.mouse.wheel(0, 200);
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const scrolled = await list.evaluate((el) => el.scrollTop);
  // A row the list shows now, marked so we can tell it is the same element afterwards.
  const row = list.locator('.k-list-item').last();
  const rowId = await row.getAttribute('data-testid');
  await row.evaluate((el) => ((el as HTMLElement & { __kept?: boolean }).__kept = true));

  const box = inbox.getByRole('searchbox', { name: 'Search questions' });
  await box.fill('削除');
  await expect(inbox.getByRole('button', { name: /古い商品画像をまとめて削除したい/ })).toBeVisible();
  await expect(list).toBeHidden();
  await inbox.getByRole('button', { name: 'Clear the search and filters' }).click();

  await expect(list).toBeVisible();
  expect(await list.evaluate((el) => el.scrollTop)).toBe(scrolled);
  // Not built anew: the very element is still there.
  expect(
    await list
      .getByTestId(rowId!)
      .evaluate((el) => (el as HTMLElement & { __kept?: boolean }).__kept === true),
  ).toBe(true);
});

test('the Inbox is filtered by a customer found by typing part of the name', async ({ page }) => {
  const inbox = page.getByTestId('screen-inbox');
  await inbox.getByRole('button', { name: 'Filters', exact: true }).click();
  const customer = inbox.getByRole('combobox', { name: 'Customer' });
  await customer.fill('鈴木');
  await inbox.getByRole('option', { name: /鈴木 一郎/ }).click();
  await expect(customer).toHaveValue('鈴木 一郎');
  await expect(inbox.getByText(/\d+ match/)).toBeVisible();
  const hits = inbox.locator('[data-testid^="search-hit-question-"]');
  await expect(hits.first()).toBeVisible();
  // Every question listed is this customer's: opening each shows them as its customer.
  for (const hit of await hits.all()) {
    await hit.click();
    await expect(page.getByTestId('question-detail')).toContainText('鈴木 一郎');
  }
  // The hits are one Tab stop too: the arrow keys move between them.
  await hits.first().focus();
  if ((await hits.count()) > 1) {
    await page.keyboard.press('ArrowDown');
    await expect(hits.nth(1)).toBeFocused();
  }
});

test('the palette opened again starts empty and never shows the previous search’s hits', async ({ page }) => {
  await expect(page.getByTestId('screen-inbox')).toBeVisible();
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox');
  await input.fill('画像');
  await expect(page.getByRole('option').first().locator('mark').first()).toHaveText('画像');
  await page.keyboard.press('Escape');
  await expect(page.locator('.k-palette')).toBeHidden();

  // Whatever the palette shows from now on is watched, frame by frame.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      for (const mark of document.querySelectorAll('.k-palette mark')) seen.push(mark.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.keyboard.press('Control+k');
  await expect(input).toHaveValue('');
  await expect(page.getByRole('option').filter({ has: page.locator('mark') })).toHaveCount(0);
  await input.pressSequentially('削除');
  await expect(page.getByRole('option').first().locator('mark').first()).toHaveText('削除');
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.filter((m) => m.includes('画像'))).toEqual([]);
});
