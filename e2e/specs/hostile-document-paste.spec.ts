import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import i18next, { type i18n } from 'i18next';
import { clipboardPayload, hostileDocuments, type DocumentCase } from '../../electron/core/answers/testing';
import { documentError } from '../../shared/answers/validate';
import { editor, steps, waitSaved } from '../answerEditor';
import { expect, test } from '../fixtures';

// Issue 15: Lexical clipboard data (`application/x-lexical-editor`) is imported node by node, and any
// web page can put it on the clipboard. Every hostile document of electron/core/answers/corpus.ts is
// pasted as the blocks a copy would carry, in this editor's namespace, as Chromium hands Lexical a
// paste: each is refused whole with a toast naming the node, and the answer stays as it was. Blocks
// copied from another answer with Ctrl+C still paste with Ctrl+V, steps and all. History holds
// what older versions wrote: a revision that fails the schema is named there and not restored.

/** Hands the editor a paste of Lexical data (and the plain text a page would put beside it). */
async function pasteLexical(page: Page, payload: string): Promise<void> {
  await editor(page).evaluate((root, data) => {
    const transfer = new DataTransfer();
    transfer.setData('application/x-lexical-editor', data);
    transfer.setData('text/plain', 'plain text fallback');
    const target =
      document.activeElement && root.contains(document.activeElement) ? document.activeElement : root;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, payload);
}

const locales = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/i18n/locales');

/** The app's own messages (read from its resource files: the spec loader takes no JSON modules). */
function translator(language: 'en' | 'ja'): i18n {
  const load = (ns: string) =>
    JSON.parse(readFileSync(path.join(locales, language, `${ns}.json`), 'utf8')) as object;
  const t = i18next.createInstance();
  void t.init({
    lng: language,
    initAsync: false,
    resources: { [language]: { errors: load('errors'), answers: load('answers') } },
    interpolation: { escapeValue: false },
  });
  return t;
}

/** The toast's words for a case: "… in what was pasted, step 3: image: …". */
function refusal(c: DocumentCase, language: 'en' | 'ja'): string {
  // A paste is a list of blocks: what a document calls a whole is the paste as a whole.
  const place = c.expected.place === 'document' ? 'fragment' : c.expected.place;
  const error = documentError(
    { ...c.expected, place, detail: '' },
    { messageKey: 'answers:editor.pasteRefused' },
  );
  return translator(language).t(error.messageKey, { ...error.params });
}

async function openAnswer(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: title }).first().click();
  await expect(steps(page).first()).toBeVisible();
}

test('hostile Lexical clipboard data is refused with the node named, and the answer is unchanged', async ({
  page,
}) => {
  await openAnswer(page, /Adding a Google Analytics tag/);
  const before = await editor(page).innerText();
  const stepCount = await steps(page).count();
  await steps(page).first().locator('.k-step__action').click();
  await page.keyboard.press('End');

  for (const c of hostileDocuments.filter((x) => !x.wholeDocumentOnly)) {
    await pasteLexical(page, clipboardPayload(c.json()));
    const toast = page.getByRole('status').filter({ hasText: 'Nothing was pasted' }).last();
    await expect(toast, c.name).toContainText(refusal(c, 'en'));
    await toast.getByRole('button', { name: '×' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nothing was pasted' })).toHaveCount(0);
  }
  // Nothing arrived: not the blocks, not the plain text beside them, no picture.
  await expect(editor(page)).not.toContainText('plain text fallback');
  await expect(steps(page)).toHaveCount(stepCount);
  await expect(editor(page).locator('.k-image')).toHaveCount(0);
  expect(await editor(page).innerText()).toBe(before);
});

test.describe('in Japanese', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('the exact attack of the issue is named', async ({ page }) => {
    await page.getByRole('link', { name: '回答' }).click();
    await page
      .getByRole('button', { name: /テーマカラーを変更する/ })
      .first()
      .click();
    await steps(page).first().locator('.k-step__action').click();
    await pasteLexical(page, clipboardPayload(hostileDocuments[0]!.json()));
    const toast = page.getByRole('status').filter({ hasText: '貼り付けませんでした' });
    await expect(toast).toContainText(refusal(hostileDocuments[0]!, 'ja'));
    await expect(toast).toContainText('貼り付けたものの手順 3の画像：ファイルの参照が正しくありません');
  });
});

test('blocks copied from another answer paste with their steps', async ({ page }) => {
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await openAnswer(page, /テーマカラーを変更する/);
  const copiedSteps = await steps(page).count();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+c');

  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: 'New answer' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title', { exact: true }).fill('Reusing the colour steps');
  await dialog.getByLabel('Language of the answer').selectOption('en');
  await dialog.getByRole('button', { name: 'Create and write' }).click();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+v');

  // Steps arrive as steps (HTML would have made them paragraphs): the Lexical data was imported.
  await expect(steps(page)).toHaveCount(copiedSteps);
  await expect(steps(page).first()).toContainText('デザイン');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was pasted' })).toHaveCount(0);
  await waitSaved(page);
});

test('a revision from before the schema is named in History and cannot be restored', async ({
  page,
  app,
}) => {
  // History written by an older version, holding the picture: kept as it was, never rewritten.
  const db = new Database(path.join(app.userData, 'Kotae Library', 'library.sqlite'));
  let revision: number;
  try {
    const { id } = db
      .prepare("SELECT id FROM answers WHERE title = 'Adding a Google Analytics tag'")
      .get() as { id: number };
    revision =
      (
        db.prepare('SELECT max(revision) AS n FROM answer_revisions WHERE answer_id = ?').get(id) as {
          n: number;
        }
      ).n + 1;
    db.prepare(
      `INSERT INTO answer_revisions (answer_id, revision, title, doc, plain_text, note, created_at)
       VALUES (?, ?, 'Adding a Google Analytics tag', ?, '', 'from an older version', '2026-01-01T00:00:00.000Z')`,
    ).run(id, revision, hostileDocuments[0]!.json());
  } finally {
    db.close();
  }
  await openAnswer(page, /Adding a Google Analytics tag/);
  const before = await editor(page).innerText();
  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: new RegExp(`Revision ${revision}`) }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    `Revision ${revision} cannot be restored: step 3: image: the file reference is not valid. Nothing was changed.`,
  );
  await expect(dialog.getByRole('button', { name: `Restore revision ${revision}` })).toBeDisabled();
  await dialog
    .getByRole('button', { name: /Close|×/ })
    .first()
    .click();
  expect(await editor(page).innerText()).toBe(before);
});
