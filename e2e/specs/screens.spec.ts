import { expect, test } from '../fixtures';

// One spec per sidebar screen: click it as a user would, and see the demo library's content.

test('Inbox: a question shows its thread, history, customer profile and capabilities', async ({ page }) => {
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: /決済ボタンを押すとエラーになる/ }).click();
  const detail = page.getByTestId('question-detail');
  await expect(detail).toContainText('API キーを新しくしたばかりです');
  await expect(detail).toContainText('まだ直りません');
  await expect(detail.getByTestId('customer-profile')).toContainText('今日中に決済が再開すること');
  // The catalogue in the UI's language (English here; the library has both).
  await expect(detail).toContainText('Connect a payment service');
  await expect(detail).toContainText('Investigating');
});

test('Answers: an answer reads as numbered steps with a resolution summary', async ({ page }) => {
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: /スマートフォンで画像が表示されないときの確認手順/ }).click();
  const detail = page.getByTestId('answer-detail');
  await expect(detail.getByTestId('doc-step')).toHaveCount(4);
  await expect(detail.getByTestId('doc-step').first()).toContainText('1');
  await expect(detail).toContainText('Resolution summary');
  await expect(detail).toContainText('Verified with version 4.2.1');
});

test('Customers: a customer page lists their questions and profile', async ({ page }) => {
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: /佐藤 健/ }).click();
  const detail = page.getByTestId('customer-detail');
  await expect(detail).toContainText('ken.sato@example.com');
  await expect(detail).toContainText('決済ボタンを押すとエラーになる');
  await expect(detail).toContainText('離島だけ送料を変えることはできますか');
  await expect(detail.getByTestId('customer-profile')).toContainText('High');
});

test('Capabilities: the scope catalogue is a tree of areas and operations', async ({ page }) => {
  await page.getByRole('link', { name: 'Capabilities' }).click();
  await expect(page.getByRole('tree')).toContainText('Shop and payments');
  await page.getByRole('button', { name: 'Connect a payment service', exact: true }).click();
  await expect(page.getByTestId('capability-detail')).toContainText('Setting up a card payment service.');
  // Both languages customers read, side by side.
  await expect(page.getByTestId('capability-texts')).toContainText(
    'クレジットカード決済サービスとの連携設定',
  );
  await page.getByRole('button', { name: 'Collapse' }).first().click();
  await expect(page.getByRole('button', { name: 'Add and delete pages' })).toHaveCount(0);
});

test('Videos: explains what belongs here when there are none', async ({ page }) => {
  await page.getByRole('link', { name: 'Videos' }).click();
  await expect(page.getByTestId('screen-videos')).toContainText('No videos yet');
});

test('Publish: lists the public answers', async ({ page }) => {
  await page.getByRole('link', { name: 'Publish' }).click();
  const screen = page.getByTestId('screen-publish');
  await expect(screen).toContainText('5 public answers');
  await expect(screen).toContainText('Adding a Google Analytics tag');
  await expect(screen).not.toContainText('サポート範囲外のご相談について');
});

test('Settings: shows the open library and the app', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('library-info')).toContainText('Kotae Library');
  await expect(page.getByTestId('library-info')).toContainText('12 questions');
});

test('a sidebar click switches the screen at once, not when the browser later reports the new address', async ({
  page,
}) => {
  await expect(page.getByTestId('screen-inbox')).toBeVisible();
  // On a busy machine `hashchange` (a task of its own) came after the next click: the Inbox's row
  // for 佐藤 健 was still on screen and was taken for the Customers' row. Click, and look before
  // any other task can run (only microtasks, where React finishes a click's update).
  const inboxHidden = await page.evaluate(async () => {
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent === 'Customers')!;
    link.click();
    for (let i = 0; i < 10; i++) await Promise.resolve();
    // While the next screen loads, React keeps the Inbox in the page but hidden.
    return !document.querySelector('[data-testid="screen-inbox"]')?.checkVisibility();
  });
  expect(inboxHidden).toBe(true);
  await expect(page.getByTestId('screen-customers')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Customers' })).toHaveAttribute('aria-current', 'page');
  expect(await page.evaluate(() => window.location.hash)).toBe('#/customers');
  // The address is the screen's: a reload comes back to it.
  await page.reload();
  await expect(page.getByTestId('screen-customers')).toBeVisible();
});
