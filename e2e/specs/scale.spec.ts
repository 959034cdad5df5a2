import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// A library of years (issue 20): 2,500 questions over two years, most of them closed. Every one can
// be reached in the Inbox, by scrolling and by keyboard, and every count on screen is the true one
// (the Inbox showed at most 1,000 questions and did not say so; its badge said 1000).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const QUESTIONS = 2500;

interface ScaleLibrary {
  library: string;
  total: number;
  groups: Record<string, number>;
  open: number;
  oldestSubject: string;
}

/** A row's accessible name holds its subject and more (customer, status): match the subject. */
function named(subject: string): RegExp {
  return new RegExp(subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

function scaleLibrary(dir: string): ScaleLibrary {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'e2e/helpers/scaleLibrary.ts'), dir, String(QUESTIONS)],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as ScaleLibrary;
}

async function openLibrary(page: Page, library: string): Promise<void> {
  // Opened as the File menu opens a library; the window then shows it.
  const opened = await page.evaluate(
    (p) =>
      (
        window as unknown as { kotae: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean }> } }
      ).kotae.invoke('library:open', { path: p }),
    library,
  );
  expect(opened.ok).toBe(true);
  await page.reload();
  await page.locator('.k-app').waitFor();
}

test.describe('a library of 2,500 questions', () => {
  test.setTimeout(240_000);
  let lib: ScaleLibrary;
  test.beforeAll(async ({ browserName }, testInfo) => {
    void browserName; // Playwright wants the fixtures destructured; this hook needs none.
    testInfo.setTimeout(240_000);
    lib = scaleLibrary(testInfo.outputPath('scale'));
  });

  test('the badge and every part of the Inbox show their true counts', async ({ page }) => {
    await openLibrary(page, lib.library);
    const list = page.getByTestId('question-list');
    await expect(list).toHaveAttribute('aria-label', `${lib.total} questions`);
    await expect(page.getByRole('link', { name: /Inbox/ }).locator('.k-nav__badge')).toHaveText(
      String(lib.open),
    );
    // Each part's header, reached by scrolling down the list, says how many it holds.
    await list.hover();
    for (const group of ['overdue', 'today', 'new', 'upcoming', 'closed']) {
      const header = list.getByTestId(`group-${group}`);
      for (let i = 0; i < 80 && !(await header.isVisible()); i++) await page.mouse.wheel(0, 300);
      await expect(header.locator('.k-list-section__count')).toHaveText(String(lib.groups[group]));
    }
    expect(Object.values(lib.groups).reduce((a, b) => a + b, 0)).toBe(QUESTIONS);
  });

  test('the oldest question, last in the list, is reached by scrolling and opens', async ({ page }) => {
    await openLibrary(page, lib.library);
    const list = page.getByTestId('question-list');
    const oldest = list.getByRole('button', { name: named(lib.oldestSubject) });
    await list.hover();
    // Scroll down with the wheel, as far as the list goes.
    for (let i = 0; i < 40 && !(await oldest.isVisible()); i++) await page.mouse.wheel(0, 8000);
    await expect(oldest).toBeVisible();
    await oldest.click();
    await expect(page.getByTestId('question-detail')).toContainText(lib.oldestSubject);
  });

  test('the list is one Tab stop: the keys move through every row, End reaches the oldest, Enter opens it', async ({
    page,
  }) => {
    await openLibrary(page, lib.library);
    const list = page.getByTestId('question-list');
    const rows = list.locator('.k-list-item');
    await expect(rows.first()).toBeVisible();
    // Tab from the search box's filter button lands on the list's first row, and the next Tab
    // leaves the list: one stop for 2,500 rows.
    await page.getByRole('button', { name: 'Filters', exact: true }).focus();
    await page.keyboard.press('Tab');
    const first = rows.first();
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(first).toBeFocused();
    await page.keyboard.press('PageDown');
    const afterPage = await page.evaluate(() =>
      Number(document.activeElement?.closest('[data-index]')?.getAttribute('data-index')),
    );
    expect(afterPage).toBeGreaterThan(5);
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="question-list"]') === null),
    ).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="question-list"]') !== null),
    ).toBe(true);

    await page.keyboard.press('End');
    const last = list.getByRole('button', { name: named(lib.oldestSubject) });
    await expect(last).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('question-detail')).toContainText(lib.oldestSubject);
    await page.keyboard.press('Home');
    await expect(list.locator('.k-list-item[data-group="overdue"]').first()).toBeFocused();
  });
});
