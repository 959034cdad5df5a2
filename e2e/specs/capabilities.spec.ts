import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';

// The scope catalogue editor (issue 4): add, rename, reorder, delete, export and import as JSON.

test('capabilities: add an operation under an area, rename, reorder and delete it', async ({ page }) => {
  await page.getByRole('link', { name: 'Capabilities' }).click();
  const tree = page.getByRole('tree');
  await tree.getByRole('button', { name: /^ページ編集/ }).click();
  await page.getByTestId('capability-detail').getByRole('button', { name: 'Add operation' }).click();
  const form = page.getByTestId('capability-form');
  await form.getByLabel('Title').fill('ページを複製する');
  await form.getByLabel('What it covers').fill('既存のページをコピーして新しいページを作る。');
  await form.getByLabel('Keywords').fill('複製, コピー, duplicate');
  await form.getByRole('button', { name: 'Add' }).click();
  const detail = page.getByTestId('capability-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('ページを複製する');
  await expect(detail).toContainText('duplicate');
  const group = tree
    .getByRole('treeitem')
    .filter({ has: page.getByRole('button', { name: /^ページ編集/ }) })
    .getByRole('group');
  await expect(group.getByRole('treeitem').last()).toHaveText('ページを複製する');

  // Rename.
  await detail.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('capability-form').getByLabel('Title').fill('ページをコピーする');
  await page.getByTestId('capability-form').getByRole('button', { name: 'Save' }).click();
  await expect(group.getByRole('treeitem').last()).toHaveText('ページをコピーする');

  // Reorder: one place up.
  await detail.getByRole('button', { name: 'Move up' }).click();
  await expect(group.getByRole('treeitem').nth(-2)).toHaveText('ページをコピーする');

  // Delete asks first; Cancel keeps it.
  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toContainText('Delete “ページをコピーする”?');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(tree).toContainText('ページをコピーする');
  await detail.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted “ページをコピーする”.')).toBeVisible();
  await expect(tree).not.toContainText('ページをコピーする');
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
  expect(json.areas.map((a: { title: string }) => a.title)).toContain('ページ編集');

  // Import it back with one new operation.
  json.areas[0].operations.push({ title: 'ページを非公開にする', description: '', keywords: ['非公開'] });
  writeFileSync(file, JSON.stringify(json, null, 2));
  await app.queueDialogs({ chooseFiles: [[file]] });
  await page.getByRole('button', { name: 'Import JSON' }).click();
  await expect(page.getByText(/Imported: 1 added, 0 updated, \d+ unchanged\./)).toBeVisible();
  await expect(page.getByRole('tree')).toContainText('ページを非公開にする');

  // A file with a mistake: nothing of it is imported, and the message says where.
  json.areas[0].operations.push({ title: 'ページをロックする' });
  json.areas[1].operations[0].title = '';
  const broken = path.join(app.tempDir, 'broken.json');
  writeFileSync(broken, JSON.stringify(json));
  await app.queueDialogs({ chooseFiles: [[broken]] });
  await page.getByRole('button', { name: 'Import JSON' }).click();
  await expect(page.getByTestId('catalogue-error')).toContainText('The import failed');
  await expect(page.getByTestId('catalogue-error')).toContainText('areas.1.operations.0.title');
  await expect(page.getByRole('tree')).not.toContainText('ページをロックする');
});
