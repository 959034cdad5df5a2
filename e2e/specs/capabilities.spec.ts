import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';

// The scope catalogue editor (issue 4): add, rename, reorder, delete, export and import as JSON.

test('capabilities: add an operation under an area, rename, reorder and delete it', async ({ page }) => {
  await page.getByRole('link', { name: 'Capabilities' }).click();
  const tree = page.getByRole('tree');
  await tree.getByRole('button', { name: /^Editing pages/ }).click();
  await page.getByTestId('capability-detail').getByRole('button', { name: 'Add operation' }).click();
  const form = page.getByTestId('capability-form');
  // Both languages customers read; the tree shows the UI's (English here).
  await form.getByLabel('Title in English').fill('Duplicate a page');
  await form.getByLabel('What it covers, in English').fill('Copy a page to start a new one.');
  await form.getByLabel('Title in Japanese').fill('ページを複製する');
  await form.getByLabel('What it covers, in Japanese').fill('既存のページをコピーして新しいページを作る。');
  await form.getByLabel('Keywords').fill('複製, コピー, duplicate');
  await form.getByRole('button', { name: 'Add' }).click();
  const detail = page.getByTestId('capability-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Duplicate a page');
  await expect(detail.getByTestId('capability-texts')).toContainText('ページを複製する');
  await expect(detail).toContainText('duplicate');
  const group = tree
    .getByRole('treeitem')
    .filter({ has: page.getByRole('button', { name: /^Editing pages/ }) })
    .getByRole('group');
  await expect(group.getByRole('treeitem').last()).toHaveText('Duplicate a page');

  // Rename.
  await detail.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('capability-form').getByLabel('Title in English').fill('Copy a page');
  await page.getByTestId('capability-form').getByRole('button', { name: 'Save' }).click();
  await expect(group.getByRole('treeitem').last()).toHaveText('Copy a page');

  // Reorder: one place up.
  await detail.getByRole('button', { name: 'Move up' }).click();
  await expect(group.getByRole('treeitem').nth(-2)).toHaveText('Copy a page');

  // Delete asks first; Cancel keeps it.
  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toContainText('Delete “Copy a page”?');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(tree).toContainText('Copy a page');
  await detail.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted “Copy a page”.')).toBeVisible();
  await expect(tree).not.toContainText('Copy a page');
});

test('capabilities: export as JSON, import it back changed; a broken file is refused whole', async ({
  page,
  app,
}) => {
  await page.getByRole('link', { name: 'Capabilities' }).click();
  mkdirSync(app.tempDir, { recursive: true });
  const file = path.join(app.tempDir, 'capabilities.json');
  await app.queueDialogs({ chooseSaveFile: [file] });
  await page.getByRole('button', { name: 'Export JSON' }).click();
  await expect(page.getByText(/Exported \d+ areas and \d+ operations to/)).toBeVisible();
  const json = JSON.parse(readFileSync(file, 'utf8'));
  expect(json.format).toBe('kotae-capabilities');
  // Both languages of every entry travel in the file (version 2).
  expect(json.version).toBe(2);
  expect(json.areas[0].title).toEqual({ ja: 'ページ編集', en: 'Editing pages' });

  // Import it back with one new operation.
  json.areas[0].operations.push({ title: { en: 'Hide a page' }, description: {}, keywords: ['非公開'] });
  writeFileSync(file, JSON.stringify(json, null, 2));
  await app.queueDialogs({ chooseFiles: [[file]] });
  await page.getByRole('button', { name: 'Import JSON' }).click();
  await expect(page.getByText(/Imported: 1 added, 0 updated, \d+ unchanged\./)).toBeVisible();
  await expect(page.getByRole('tree')).toContainText('Hide a page');

  // A file with a mistake: nothing of it is imported, and the message says where and what, in
  // words of the UI (never zod's "Invalid input: expected string, received number").
  json.areas[0].operations.push({ title: { en: 'Lock a page' } });
  json.areas[1].operations[0].title = {};
  json.areas[2].description = { en: 42 };
  const broken = path.join(app.tempDir, 'broken.json');
  writeFileSync(broken, JSON.stringify(json));
  await app.queueDialogs({ chooseFiles: [[broken]] });
  await page.getByRole('button', { name: 'Import JSON' }).click();
  const error = page.getByTestId('catalogue-error');
  await expect(error).toContainText(
    'This catalogue file cannot be imported. Nothing in the library was changed.',
  );
  await expect(error).toContainText('Area 2, operation 1: the title is missing.');
  await expect(error).toContainText('Area 3: the English description must be text.');
  await expect(error).not.toContainText('Invalid input');
  await expect(page.getByRole('tree')).not.toContainText('Lock a page');
});

test.describe('on a Japanese system', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('a broken catalogue file is explained in Japanese', async ({ page, app }) => {
    await page.getByRole('link', { name: '対応範囲' }).click();
    mkdirSync(app.tempDir, { recursive: true });
    const broken = path.join(app.tempDir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({
        format: 'kotae-capabilities',
        version: 1,
        areas: [{ title: 'ショップ' }, { title: 7 }],
      }),
    );
    await app.queueDialogs({ chooseFiles: [[broken]] });
    await page.getByRole('button', { name: 'JSON を読み込む' }).click();
    const error = page.getByTestId('catalogue-error');
    await expect(error).toContainText('この機能一覧ファイルは取り込めません。');
    await expect(error).toContainText('エリア 2：タイトルは文字列で書いてください。');
    await expect(error).not.toContainText('expected');
  });
});
