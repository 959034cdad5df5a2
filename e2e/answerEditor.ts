import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makePng } from '../electron/core/testing/png';
import { expect } from './fixtures';

// What a person does in the answer editor, as steps the specs share.

export function editor(page: Page): Locator {
  return page.getByTestId('answer-editor');
}

export function steps(page: Page): Locator {
  return editor(page).getByTestId('doc-step');
}

/** Types "/" and a word, and picks the block from the slash menu with Enter. */
export async function insertFromSlashMenu(
  page: Page,
  word: string,
  expectOption: string | RegExp,
): Promise<void> {
  await page.keyboard.type(`/${word}`);
  const menu = page.getByTestId('slash-menu');
  await expect(menu.getByRole('option').first()).toContainText(expectOption);
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
}

/** Inserts a step from the slash menu and types its action and expected result. */
export async function addStep(page: Page, action: string, expected: string): Promise<void> {
  const before = await steps(page).count();
  await insertFromSlashMenu(page, 'step', 'Step');
  await expect(steps(page)).toHaveCount(before + 1);
  await page.keyboard.type(action);
  await page.keyboard.press('Enter');
  await page.keyboard.type(expected);
}

export async function stepActions(page: Page): Promise<string[]> {
  return steps(page).locator('.k-step__action').allInnerTexts();
}

/** A real PNG on disk, as a screen capture tool would leave it. */
export function screenshotFile(dir: string, name = 'settings.png', seed = 1): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, makePng(320, 200, seed));
  return file;
}

/** Puts the PNG on the system clipboard, as a screen capture tool does, and pastes it with Ctrl+V. */
export async function pasteImage(page: Page, file: string): Promise<void> {
  // For the page's own origin: the fixture's grants there take precedence over a grant for all.
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const base64 = readFileSync(file).toString('base64');
  await page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    await navigator.clipboard.write([
      new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) }),
    ]);
  }, base64);
  await page.keyboard.press('Control+v');
}

/** Waits until the answer is stored (the save state shows Saved). */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}
