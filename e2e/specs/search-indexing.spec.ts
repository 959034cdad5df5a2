import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testMail } from '../../electron/core/intake/testing';
import { expect, test } from '../fixtures';

// Search while the index is behind (issue 20): a library of many questions none of which is
// indexed yet (a library from before the compact index, or one a long import filled) is opened;
// the first search answers at once from what it can read directly and says that indexing is under
// way; the results become complete when it is done; and a question whose text changes is never
// found by its old text, indexed or not.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const QUESTIONS = 60_000;

function unindexedLibrary(dir: string): string {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'e2e/helpers/unindexedLibrary.ts'), dir, String(QUESTIONS)],
    { cwd: root, encoding: 'utf8' },
  );
  return (JSON.parse(out.trim().split('\n').pop()!) as { library: string }).library;
}

function mailFile(dir: string, name: string, raw: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, raw);
  return file;
}

test('the first search of an unindexed library answers at once, and completes when indexing is done', async ({
  page,
  app,
}) => {
  test.slow(); // tens of thousands of questions to make and to index, on a shared machine
  const library = unindexedLibrary(app.tempDir);
  await app.queueDialogs({ chooseFolder: [library] });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Open library…' }).click();
  const statusBar = page.getByTestId('status-bar');
  await expect(statusBar).toContainText('Big Library');

  // At once: hits among the newest questions, while the status bar shows the indexing job and the
  // palette says that results may be incomplete.
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: /Search questions, answers/ });
  await box.fill('画像');
  await expect(page.getByRole('option').filter({ hasText: 'Question' }).first()).toContainText('商品画像');
  await expect(page.getByTestId('indexing-note')).toContainText(
    /Indexing [\d,]+ documents… Results may be incomplete/,
  );
  await expect(statusBar.getByTestId('job-progress')).toContainText('Indexing for search');

  // The oldest question is beyond what a search reads directly: found once indexing is done.
  await box.fill('蝋燭');
  await expect(page.getByRole('option').filter({ hasText: '蝋燭の形のアイコンが消えない' })).toBeVisible({
    timeout: 180_000,
  });
  await expect(page.getByTestId('indexing-note')).toBeHidden();
  await expect(statusBar.getByTestId('job-progress')).toHaveCount(0);
  await page.keyboard.press('Escape');
});

test('a question whose subject changes is never found by its old subject', async ({ page, app }) => {
  // A reply imported before its original starts the question with the reply's subject; when the
  // original arrives, the question takes the original's subject and text (electron/core/intake).
  const reply = mailFile(
    app.tempDir,
    'reply.eml',
    testMail({
      messageId: 'e2e-reply@example.jp',
      inReplyTo: 'e2e-original@example.jp',
      from: 'Aoi Mori <aoi@example.jp>',
      subject: 'Re: 懐中電灯のアイコンが消えた',
      date: 'Tue, 24 Nov 2026 10:00:00 +0900',
      text: '追記です。再起動しても直りません。\r\n',
    }),
  );
  const original = mailFile(
    app.tempDir,
    'original.eml',
    testMail({
      messageId: 'e2e-original@example.jp',
      from: 'Aoi Mori <aoi@example.jp>',
      subject: 'ランタンのアイコンが表示されない',
      date: 'Mon, 23 Nov 2026 09:00:00 +0900',
      text: 'トップページのランタンのアイコンが表示されません。\r\n',
    }),
  );
  const search = async (query: string) => {
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox').fill(query);
  };
  await expect(page.getByTestId('inbox-drop')).toBeVisible();
  await app.dropFiles('[data-testid="inbox-drop"]', [reply]);
  const detail = page.getByTestId('question-detail');
  await expect(detail.getByRole('heading', { name: 'Re: 懐中電灯のアイコンが消えた' })).toBeVisible();
  await search('懐中電灯');
  await expect(page.getByRole('option').filter({ hasText: 'Re: 懐中電灯のアイコンが消えた' })).toBeVisible();
  await page.keyboard.press('Escape');

  await app.dropFiles('[data-testid="inbox-drop"]', [original]);
  await expect(detail.getByRole('heading', { name: 'ランタンのアイコンが表示されない' })).toBeVisible();
  // Straight away, whether or not the indexer has got to it yet: the old subject finds nothing.
  await search('懐中電灯');
  await expect(page.getByText('Nothing found for “懐中電灯”.')).toBeVisible();
  await page.getByRole('combobox').fill('ランタン');
  await expect(
    page.getByRole('option').filter({ hasText: 'ランタンのアイコンが表示されない' }),
  ).toBeVisible();
});
