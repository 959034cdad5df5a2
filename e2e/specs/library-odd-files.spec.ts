import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLibrary, seedDemo } from '../../electron/core/library';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// Issue 15: a library folder with odd files in it (a folder named library.lock, a database log
// that is a link to another library's) is refused with a message that names the file and says
// nothing was changed; the library that was open stays open.

function copyOfLibrary(dir: string, name: string): string {
  const root = path.join(dir, name);
  createLibrary(root, { seed: seedDemo }).close();
  return root;
}

async function openLibraryFolder(page: Page, settings: string, openButton: string): Promise<void> {
  await page.getByRole('link', { name: settings }).click();
  await page.getByRole('button', { name: openButton }).click();
}

test.describe('a library folder with odd files', () => {
  test('a folder named library.lock: refused, naming it, and the current library stays', async ({ page, app }) => {
    const root = copyOfLibrary(app.tempDir, 'From a colleague');
    mkdirSync(path.join(root, 'library.lock'));
    await app.queueDialogs({ chooseFolder: [root] });
    await openLibraryFolder(page, 'Settings', 'Open library…');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('“library.lock” is a folder');
    await expect(alert).toContainText('Nothing was changed');
    await expect(page.getByTestId('status-bar')).toContainText('Kotae Library');
    await expect(page.getByTestId('status-bar')).not.toContainText('From a colleague');
  });

  test.describe('in Japanese', () => {
    test.use({ systemLocale: 'ja-JP' });
    test('library.sqlite-wal that links to another library: refused, naming the link', async ({ page, app }) => {
      const other = copyOfLibrary(app.tempDir, '本物');
      writeFileSync(path.join(other, 'library.sqlite-wal'), '');
      const root = copyOfLibrary(app.tempDir, 'コピー');
      symlinkSync(path.join(other, 'library.sqlite-wal'), path.join(root, 'library.sqlite-wal'));
      await app.queueDialogs({ chooseFolder: [root] });
      await openLibraryFolder(page, '設定', 'ライブラリを開く…');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('「library.sqlite-wal」がリンク');
      await expect(alert).toContainText('ファイルは変更していません');
      await expect(page.getByTestId('status-bar')).not.toContainText('コピー');
    });
  });
});
