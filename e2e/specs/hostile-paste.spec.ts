import type { Page } from '@playwright/test';
import { editor, waitSaved } from '../answerEditor';
import { pastedHtmlCorpus } from '../corpora/pastedHtml';
import { expect, test } from '../fixtures';

// Hostile HTML pasted into the answer editor (issue 9): each payload of e2e/corpora/pastedHtml.ts
// is pasted as the clipboard's text/html, exactly as a browser hands Lexical a copied page. Its
// words must arrive; no script may run (no dialog, window.__pwned stays unset), nothing may be
// fetched from a remote host, and the stored answer, opened again, stays as harmless.

interface Watch {
  dialogs: string[];
  remote: string[];
}

function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], remote: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^(https?|wss?|ftp):$/.test(url.protocol) && !['127.0.0.1', 'localhost'].includes(url.hostname)) {
      seen.remote.push(request.url());
    }
  });
  return seen;
}

async function paste(page: Page, html: string): Promise<void> {
  await page.evaluate((data) => {
    const target = document.activeElement ?? document.body;
    const transfer = new DataTransfer();
    transfer.setData('text/html', data);
    transfer.setData('text/plain', 'plain text fallback');
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);
}

/** What in the editor's DOM could run or fetch: elements, on* attributes, script URLs. */
async function dangerousDom(page: Page): Promise<string[]> {
  return editor(page).evaluate((root) => {
    const found: string[] = [];
    for (const el of root.querySelectorAll('script, iframe, object, embed, style, link, meta, base, form, svg script, math')) {
      found.push(el.outerHTML.slice(0, 80));
    }
    for (const el of root.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`);
        if (/^(href|src|srcset|action|formaction|background|poster|data)$/i.test(attr) && /(javascript:|data:text|evil\.example)/i.test(value)) {
          found.push(`${el.tagName} ${attr}=${value.slice(0, 60)}`);
        }
      }
    }
    return found;
  });
}

async function expectHarmless(page: Page, seen: Watch): Promise<void> {
  // Let pending loads and error events fire before judging.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.remote).toEqual([]);
  expect(await dangerousDom(page)).toEqual([]);
}

test(`pasting ${pastedHtmlCorpus.length} hostile HTML payloads into an answer runs nothing and loads nothing`, async ({ page }) => {
  const seen = watch(page);
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: 'New answer' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title', { exact: true }).fill('Pasted from a customer');
  await dialog.getByLabel('Language of the answer').selectOption('en');
  await dialog.getByRole('button', { name: 'Create and write' }).click();
  await editor(page).click();

  // One payload at a time into an emptied editor: a payload that leaves the caret in a table
  // cannot decide where the next one lands.
  for (const c of pastedHtmlCorpus) {
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await paste(page, c.html);
    await expect(editor(page), c.name).toContainText(c.keeps);
    expect(await dangerousDom(page), c.name).toEqual([]);
  }
  await expectHarmless(page, seen);

  // All of them at once, stored and shown again: the saved document is as harmless as the paste.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await paste(page, pastedHtmlCorpus.map((c) => c.html).join('\n'));
  await expect(editor(page)).toContainText(pastedHtmlCorpus[0]!.keeps);
  await expectHarmless(page, seen);
  await waitSaved(page);
  await page.reload();
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /Pasted from a customer/ }).click();
  await expect(editor(page)).toContainText(pastedHtmlCorpus[0]!.keeps);
  await expectHarmless(page, seen);
});

test('hostile HTML pasted inside a step stays plain text', async ({ page }) => {
  const seen = watch(page);
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /テーマカラーを変更する/ }).click();
  await editor(page).getByTestId('doc-step').first().locator('.k-step__action').click();
  await page.keyboard.press('End');
  for (const c of pastedHtmlCorpus.slice(0, 8)) await paste(page, c.html);
  await expect(editor(page).getByTestId('doc-step').first()).toContainText('plain text fallback');
  await expectHarmless(page, seen);
});
