import { expect, test } from '../fixtures';

// Issue 19: the OS draws the file dialogs, but their titles and file-type names are the app's and
// speak the UI's language: the system's at first, then whatever Settings says, at once. Each dialog
// here is cancelled, as a person who only looks at it would.

test.describe('OS dialog titles', () => {
  test('follow the language chosen in Settings, without a restart', async ({ page, app }) => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Open library…' }).click();
    await expect.poll(async () => (await app.osDialogs()).titles).toEqual(['Open library']);

    await page.getByLabel('Language', { exact: true }).selectOption('ja');
    await page.getByRole('button', { name: 'ライブラリを開く…' }).click();
    await expect
      .poll(async () => (await app.osDialogs()).titles)
      .toEqual(['Open library', 'ライブラリを開く']);

    await page.getByRole('link', { name: '受信箱' }).click();
    await page.getByTestId('import-mail').click();
    await expect.poll(async () => (await app.osDialogs()).titles.at(-1)).toBe('メールを取り込む');
    expect((await app.osDialogs()).filterNames.at(-1)).toEqual(['メール', 'すべてのファイル']);
  });

  test.describe('on a Japanese system', () => {
    test.use({ systemLocale: 'ja-JP' });
    test('are Japanese from the start', async ({ page, app }) => {
      await page.getByRole('link', { name: '設定' }).click();
      await page.getByRole('button', { name: 'バックアップから復元…' }).click();
      await expect
        .poll(async () => (await app.osDialogs()).titles)
        .toEqual(['ライブラリのバックアップから復元']);
      expect((await app.osDialogs()).filterNames).toEqual([['ライブラリのバックアップ']]);
    });
  });
});
