import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// The app allows a 960×640 window (electron/main/window.ts). At that size every screen must keep
// columns wide enough to read, and dialogs must keep their buttons on screen.

const NARROW = { width: 960, height: 640 };
const WIDE = { width: 1360, height: 860 };
const PAYMENT = '決済ボタンを押すとエラーになる';
const PHONE_IMAGES = 'スマートフォンで画像が表示されません';
const PHONE_ANSWER = 'スマートフォンで画像が表示されないときの確認手順';

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  expect(box, 'element is laid out').not.toBeNull();
  return box!.width;
}

/** The element fits the window: nothing of it is cut off at the right or bottom edge. */
async function expectInViewport(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const view = page.viewportSize()!;
  expect(box, 'element is laid out').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(view.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(view.height);
}

/** A text block reads as lines, not a column of single characters: it is wider than it is tall. */
async function expectReadableText(locator: Locator) {
  const box = (await locator.boundingBox())!;
  expect(box.width).toBeGreaterThan(280);
  expect(box.width).toBeGreaterThan(box.height);
}

/** The pane has no horizontal scrolling: its content fits its width. */
async function expectNoSideways(locator: Locator) {
  const [scroll, client] = await locator.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client + 1);
}

async function go(page: Page, link: RegExp | string) {
  await page.getByRole('navigation').getByRole('link', { name: link }).click();
}

test.describe('960×640 in Japanese', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('Inbox: the list and the question keep usable widths; the thread reads in lines', async ({ page }) => {
    await page.setViewportSize(NARROW);
    await go(page, '受信箱');
    await page.getByRole('button', { name: new RegExp(PAYMENT) }).click();
    const detail = page.getByTestId('question-detail');
    await expect(detail).toContainText('API キーを新しくしたばかりです');
    expect(await width(page.locator('.k-split__list'))).toBeGreaterThanOrEqual(240);
    expect(await width(page.locator('.k-split__detail'))).toBeGreaterThanOrEqual(480);
    await expectReadableText(detail.getByTestId('thread-message').first());
    await expectReadableText(detail.getByTestId('customer-profile'));
    await expectNoSideways(page.locator('.k-split__detail'));
    // The question's title: one or two lines, not a tower of characters.
    const title = detail.locator('.k-detail__title');
    expect((await title.boundingBox())!.height).toBeLessThan(90);
  });

  test('Customers: the profile sits under the questions instead of past the edge', async ({ page }) => {
    await page.setViewportSize(NARROW);
    await go(page, 'お客様');
    await page.getByRole('button', { name: /佐藤 健/ }).click();
    const detail = page.getByTestId('customer-detail');
    await expectReadableText(detail.getByTestId('customer-profile'));
    await expectNoSideways(page.locator('.k-split__detail'));
  });

  test('Publish: column headers and dates do not break inside a word', async ({ page }) => {
    await page.setViewportSize(NARROW);
    await go(page, '公開');
    const table = page.getByTestId('public-answers');
    // Title, areas, updated, change, how customers fared (issue 22), privacy.
    await expect(table.locator('th')).toHaveCount(6);
    // Lines of text in a cell: the distinct tops of its text's boxes.
    const lines = (cells: Locator) =>
      cells.evaluateAll((els) =>
        els.map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
      );
    expect(await lines(table.locator('th'))).toEqual([1, 1, 1, 1, 1, 1]);
    for (const n of await lines(table.locator('.k-publish__date'))) expect(n).toBe(1);
  });
});

test.describe('960×640', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize(NARROW);
  });

  test('the sidebar becomes a rail of icons whose links keep their names', async ({ page }) => {
    const nav = page.getByRole('navigation');
    expect(await width(nav)).toBeLessThan(100);
    await go(page, 'Answers');
    await expect(page.getByTestId('screen-answers')).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Answers' })).toHaveAttribute('title', 'Answers');
  });

  test('Answers: the editor keeps its width; title and actions stay on screen', async ({ page }) => {
    await go(page, 'Answers');
    await page.getByRole('button', { name: new RegExp(PHONE_ANSWER) }).click();
    const detail = page.getByTestId('answer-detail');
    await expect(detail.getByTestId('doc-step').first()).toBeVisible();
    expect(await width(detail.locator('.k-answer__editor'))).toBeGreaterThanOrEqual(400);
    await expectInViewport(page, detail.getByRole('textbox', { name: 'Title of the answer' }));
    await expectInViewport(page, page.getByRole('button', { name: 'Export bundle…' }));
    await expectInViewport(page, page.getByRole('button', { name: 'Save version' }));
    // The checks moved under the editor: scrolling the pane reaches them.
    const checks = detail.locator('.k-checks');
    await checks.scrollIntoViewIfNeeded();
    await expect(checks).toBeInViewport();
    expect(await width(checks)).toBeGreaterThanOrEqual(400);
  });

  test('Capabilities, Videos, Publish and Settings fit the window', async ({ page }) => {
    await go(page, 'Capabilities');
    await page.getByRole('button', { name: 'Connect a payment service', exact: true }).click();
    await expect(page.getByTestId('capability-detail')).toBeVisible();
    expect(await width(page.getByTestId('capability-detail'))).toBeGreaterThanOrEqual(400);
    await expectNoSideways(page.locator('.k-split__detail'));
    for (const [link, screen] of [
      ['Videos', 'screen-videos'],
      ['Publish', 'screen-publish'],
      ['Settings', 'screen-settings'],
    ] as const) {
      await go(page, link);
      const el = page.getByTestId(screen);
      await expect(el).toBeVisible();
      expect(await width(el)).toBeGreaterThanOrEqual(860);
      await expectNoSideways(page.locator('.k-main'));
      for (const button of await el.locator('.k-page-header__actions button').all()) {
        await expectInViewport(page, button);
      }
    }
  });
});

for (const size of [WIDE, NARROW]) {
  test(`status dialog at ${size.width}×${size.height}: Save stays on screen while the body scrolls`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await go(page, 'Inbox');
    await page.getByRole('button', { name: new RegExp(PHONE_IMAGES) }).click();
    await expect(page.getByTestId('question-detail')).toContainText(PHONE_IMAGES);
    await page.keyboard.press('Control+Shift+S');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('New status')).toHaveValue('investigating');
    await expect(dialog.getByLabel('Message')).not.toHaveValue('');
    const save = dialog.getByRole('button', { name: 'Save status change' });
    // Measured before any click: Playwright would scroll a hidden button into view by itself.
    await expectInViewport(page, save);
    await expectInViewport(page, dialog.getByRole('button', { name: 'Close' }));
    if (size === NARROW) {
      // Here the form is taller than the window: the body scrolls, not the buttons.
      const body = dialog.locator('.k-dialog__body');
      const [scroll, client] = await body.evaluate((el) => [el.scrollHeight, el.clientHeight]);
      expect(scroll).toBeGreaterThan(client);
    }
    await save.click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('question-detail').locator('.k-detail__meta')).toContainText(
      'Investigating',
    );
  });
}

test('status button shows the shortcut that works (Ctrl Shift S here)', async ({ page }) => {
  await go(page, 'Inbox');
  await page.getByRole('button', { name: new RegExp(PHONE_IMAGES) }).click();
  const button = page.getByTestId('status-panel').getByRole('button', { name: /Change status/ });
  await expect(button).toContainText('Ctrl Shift S');
  await expect(button).not.toContainText('⇧S');
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByTestId('status-dialog')).toBeVisible();
});

test('a select with a long option stays inside its dialog', async ({ page }) => {
  await page.setViewportSize(NARROW);
  await go(page, 'Answers');
  await page.getByRole('button', { name: new RegExp(PHONE_ANSWER) }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  const selects = dialog.locator('select');
  await expect(selects.first()).toBeVisible();
  // A question whose subject is a whole sentence, as customers write them.
  await selects.evaluateAll((els) => {
    for (const el of els) {
      const option = document.createElement('option');
      option.textContent =
        'After I switched my whole site to the new Harbor theme every image on the gallery page vanished';
      el.append(option);
    }
  });
  const frame = (await dialog.boundingBox())!;
  for (const select of await selects.all()) {
    const box = (await select.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
  }
  await expectInViewport(page, dialog.getByRole('button', { name: 'Cancel' }));
});

test.describe('list search box', () => {
  test('shows one clear button: ours, not the native one of type=search', async ({ page }) => {
    await go(page, 'Inbox');
    const box = page.getByRole('searchbox', { name: 'Search questions' });
    await box.fill('決済');
    await expect(page.getByRole('button', { name: 'Clear the search and filters' })).toHaveCount(1);
    // The native button lives in the input's user-agent shadow tree, out of reach of the page's DOM;
    // the DevTools protocol sees it and its computed style.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type DomNode = { nodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
    const cancelButtons: DomNode[] = [];
    const walk = (node: DomNode) => {
      const attrs = node.attributes ?? [];
      const pseudo = attrs.indexOf('pseudo');
      if (pseudo >= 0 && attrs[pseudo + 1] === '-webkit-search-cancel-button') cancelButtons.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root as DomNode);
    expect(cancelButtons.length).toBeGreaterThan(0);
    for (const node of cancelButtons) {
      const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId });
      expect(computedStyle.find((p) => p.name === 'display')?.value).toBe('none');
    }
  });

  test('stays clear of the group headers when the list scrolls', async ({ page }) => {
    await page.setViewportSize(NARROW);
    await go(page, 'Inbox');
    const box = page.getByRole('searchbox', { name: 'Search questions' });
    await expect(page.getByRole('button', { name: new RegExp(PAYMENT) })).toBeVisible();
    // Scroll the list to near its end, as a user with a long inbox does, whichever box scrolls.
    await page.locator('.k-split__list').evaluate((pane) => {
      const scroller = [pane, ...pane.querySelectorAll('*')].find(
        (el) => el.scrollHeight > el.clientHeight && /auto|scroll/.test(getComputedStyle(el).overflowY),
      )!;
      scroller.scrollTo(0, scroller.scrollHeight - scroller.clientHeight - 40);
    });
    const hit = await box.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top === el || el.contains(top);
    });
    expect(hit).toBe(true);
    await box.click();
    await expect(box).toBeFocused();
  });

  test('the placeholder is not cut off in a narrow list', async ({ page }) => {
    await page.setViewportSize(NARROW);
    await go(page, 'Inbox');
    const box = page.getByRole('searchbox', { name: 'Search questions' });
    const fits = await box.evaluate((el) => {
      const input = el as HTMLInputElement;
      const style = getComputedStyle(input);
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return canvas.measureText(input.placeholder).width <= room;
    });
    expect(fits).toBe(true);
  });
});

test('a new customer: the empty profile says what to fill in and why, in the Inbox too', async ({ page }) => {
  await page.getByTestId('new-question').click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'New question' });
  await dialog.getByLabel('Customer name').fill('Ken Mori');
  await dialog.getByLabel('Customer e-mail').fill('ken@example.com');
  await dialog.getByLabel('Subject').fill('Contact form does not send');
  await dialog.getByLabel('Question').fill('The contact form sends nothing.');
  await dialog.getByTestId('new-question-create').click();
  await expect(dialog).toBeHidden();
  const question = page.getByTestId('question-detail');
  await expect(question.getByTestId('customer-profile-empty')).toContainText('technical level');
  await question.getByRole('link', { name: 'Ken Mori' }).click();
  const customer = page.getByTestId('customer-detail');
  await expect(customer.getByTestId('customer-profile-empty')).toContainText('Edit contact and profile');
  // Once something is noted, the hint gives way to it.
  await customer.getByRole('button', { name: 'Edit contact and profile' }).click();
  await customer.getByTestId('customer-editor').getByLabel('Urgency').selectOption('high');
  await customer.getByTestId('customer-editor').getByRole('button', { name: 'Save' }).click();
  await expect(customer.getByTestId('customer-profile')).toContainText('High');
  await expect(customer.getByTestId('customer-profile-empty')).toHaveCount(0);
});
