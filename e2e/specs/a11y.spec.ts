import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// Accessibility (issue 18): axe-core on every screen and dialog of the app, in Japanese and in
// English, and on the pages customers and FAQ readers open from file:// (a bundle and the FAQ,
// each in both languages). No serious or critical violation; the lang attributes say which
// language each page and passage is in, so screen readers read Japanese as Japanese.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The UI's words, read from the resources (Playwright's loader does not import JSON modules). */
function words(language: 'ja' | 'en') {
  const text = (key: string): string => {
    const [ns, path_] = key.split(':') as [string, string];
    let value: unknown = JSON.parse(
      readFileSync(path.join(root, `shared/i18n/locales/${language}/${ns}.json`), 'utf8'),
    );
    for (const part of path_.split('.')) value = (value as Record<string, unknown>)[part];
    if (typeof value !== 'string') throw new Error(`no text ${key}`);
    return value;
  };
  return {
    newQuestion: text('intake:newQuestion'),
    changeStatus: text('tracking:status.change'),
    editTemplates: text('tracking:templates.edit'),
    addArea: text('capabilities:addArea'),
    deleteCapability: text('capabilities:delete'),
    history: text('answers:historyButton'),
    record: text('videos:record'),
    calendar: text('common:date.choose'),
  };
}

/** axe on the page (or a part of it): no serious or critical violation, listed by rule and target. */
async function expectAccessible(page: Page, where: string, include?: string): Promise<void> {
  // Let transitions (dialogs fading in) finish, so colours are measured as they end up.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
  // Soft: one run lists every place that fails, not only the first.
  expect.soft(serious, where).toEqual([]);
}

async function go(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.getByTestId(ready)).toBeVisible();
}

const screens: [hash: string, ready: string][] = [
  ['#/inbox/2', 'question-detail'],
  ['#/answers/1', 'answer-detail'],
  ['#/customers/2', 'customer-detail'],
  ['#/capabilities/1', 'capability-detail'],
  ['#/videos', 'screen-videos'],
  ['#/publish', 'screen-publish'],
  ['#/settings', 'screen-settings'],
];

for (const [locale, language] of [
  ['ja-JP', 'ja'],
  ['en-US', 'en'],
] as const) {
  test.describe(locale, () => {
    test.use({ systemLocale: locale });

    test(`a11y (${language}): every screen passes axe, and the page says its language`, async ({ page }) => {
      test.setTimeout(180_000);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      for (const [hash, ready] of screens) {
        await go(page, hash, ready);
        await expectAccessible(page, `${language} ${hash}`);
      }
    });

    test(`a11y (${language}): every dialog passes axe`, async ({ page }) => {
      test.setTimeout(180_000);
      const w = words(language);
      const dialog = page.locator('dialog[open]');
      const closeDialog = async () => {
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
      };

      // Everywhere: the command palette and the shortcuts.
      await go(page, '#/inbox/2', 'question-detail');
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAccessible(page, `${language} command palette`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+/');
      await expect(page.getByTestId('shortcuts')).toBeVisible();
      await expectAccessible(page, `${language} shortcuts`, 'dialog[open]');
      await closeDialog();

      // Inbox: a new question, the status change with its calendar, the message templates.
      await page.getByRole('button', { name: w.newQuestion }).click();
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `${language} new question`, 'dialog[open]');
      await closeDialog();
      await page.getByTestId('status-panel').getByRole('button', { name: w.changeStatus }).click();
      await expect(page.getByTestId('status-dialog')).toBeVisible();
      await expectAccessible(page, `${language} status change`, 'dialog[open]');
      await page.getByTestId('status-dialog').getByRole('button', { name: w.calendar }).click();
      await expect(page.getByRole('grid')).toBeVisible();
      await expectAccessible(page, `${language} calendar`, 'dialog[open]');
      await page.keyboard.press('Escape'); // the calendar
      await expect(page.getByRole('grid')).toHaveCount(0);
      await closeDialog();
      await page.getByTestId('status-panel').getByRole('button', { name: w.changeStatus }).click();
      await page.getByTestId('status-dialog').getByRole('button', { name: w.editTemplates }).click();
      await expect(page.getByTestId('message-templates')).toBeVisible();
      await expectAccessible(page, `${language} message templates`, '[data-testid="message-templates"]');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);

      // Capabilities: add an area, and the confirmation before a delete.
      await go(page, '#/capabilities/1', 'capability-detail');
      await page.getByRole('button', { name: w.addArea }).click();
      await expect(page.getByTestId('capability-form')).toBeVisible();
      await expectAccessible(page, `${language} add area`, 'dialog[open]');
      await closeDialog();
      await page.getByTestId('capability-detail').getByRole('button', { name: w.deleteCapability }).click();
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `${language} delete capability`, 'dialog[open]');
      await closeDialog();

      // Answers: the history of revisions and the bundle export.
      await go(page, '#/answers/1', 'answer-detail');
      await page.getByRole('button', { name: w.history }).click();
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `${language} answer history`, 'dialog[open]');
      await closeDialog();
      await page.keyboard.press('Control+Shift+e');
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `${language} bundle export`, 'dialog[open]');
      await closeDialog();

      // Videos: the recording dialog.
      await go(page, '#/videos', 'screen-videos');
      await page.getByRole('button', { name: w.record }).click();
      await expect(dialog).toBeVisible();
      await expectAccessible(page, `${language} record`, 'dialog[open]');
      await closeDialog();
    });
  });
}

test('a11y: the bundle and the FAQ customers open from file://, in Japanese and in English', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'e2e/helpers/customerPages.ts'), testInfo.outputPath('pages')],
    { cwd: root, encoding: 'utf8' },
  );
  const pages = JSON.parse(out.trim().split('\n').pop()!) as Record<
    'bundleJa' | 'bundleEn' | 'faqJa' | 'faqEn',
    string
  >;
  const context = await browser.newContext();
  const page = await context.newPage();
  const open = async (file: string) => page.goto(pathToFileURL(file).href);

  for (const [folder, lang] of [
    [pages.bundleJa, 'ja'],
    [pages.bundleEn, 'en'],
  ] as const) {
    await open(path.join(folder, 'index.html'));
    // The customer's page is in the language of the answer they were sent.
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectAccessible(page, `bundle ${lang}`);
    await open(path.join(folder, 'verify.html'));
    await expectAccessible(page, `bundle ${lang} verify page`);
  }
  for (const [site, lang] of [
    [pages.faqJa, 'ja'],
    [pages.faqEn, 'en'],
  ] as const) {
    await open(path.join(site, 'index.html'));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectAccessible(page, `faq ${lang} home`);
    // An answer page: the answer in its own language, marked where it differs from the site's.
    const answerLink = page.locator('a[href*="answers/"]').first();
    await answerLink.click();
    await expect(page.locator('article.answer')).toBeVisible();
    const answerLang = await page.locator('article.answer').getAttribute('lang');
    expect(['ja', 'en']).toContain(answerLang);
    await expectAccessible(page, `faq ${lang} answer`);
    await open(path.join(site, 'index.html'));
    await page.locator('a[href*="topics/"]').first().click();
    await expectAccessible(page, `faq ${lang} topic`);
  }
  await context.close();
});
