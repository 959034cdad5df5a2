import { expect, test } from '../fixtures';

// Customer memory (issue 4): the vendor fills in what they know, and sees it beside every question.

test('customers: an edited profile and contact are kept and shown beside their question after reload', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: /佐藤 健/ }).click();
  const detail = page.getByTestId('customer-detail');
  // All their questions and what happened on one timeline.
  await expect(detail.getByTestId('customer-timeline')).toContainText('決済ボタンを押すとエラーになる');
  await expect(detail.getByTestId('customer-timeline')).toContainText('離島だけ送料を変えることはできますか');

  await detail.getByRole('button', { name: 'Edit contact and profile' }).click();
  const editor = detail.getByTestId('customer-editor');
  await editor.getByLabel('Phone').fill('03-1234-5678');
  await editor.getByLabel('Urgency').selectOption('critical');
  await editor.getByLabel('What would anger them').fill('Being asked to reinstall everything');
  await editor.getByLabel('Best outcome they hope for').fill('Payments work again before the sale on Friday');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Customer saved.')).toBeVisible();
  await expect(detail.getByTestId('customer-profile')).toContainText('Critical');
  await expect(detail).toContainText('03-1234-5678');
  await expect(detail.getByTestId('work-log')).toContainText('Customer updated');

  await page.reload();
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: /決済ボタンを押すとエラーになる/ }).click();
  const profile = page.getByTestId('question-detail').getByTestId('customer-profile');
  await expect(profile).toContainText('Critical');
  await expect(profile).toContainText('Being asked to reinstall everything');
  await expect(profile).toContainText('Payments work again before the sale on Friday');
});

test('customers: a taken e-mail address is refused with what to do, nothing lost', async ({ page }) => {
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByTestId('screen-customers')).toBeVisible();
  await page.getByRole('button', { name: /佐藤 健/ }).click();
  const detail = page.getByTestId('customer-detail');
  await detail.getByRole('button', { name: 'Edit contact and profile' }).click();
  const editor = detail.getByTestId('customer-editor');
  // Opening the editor is no edit: nothing says "Unsaved" yet (issue 18).
  await expect(editor.getByLabel('What would anger them')).toBeVisible();
  await expect(page.getByRole('button', { name: /佐藤 健/ })).not.toContainText('Unsaved');
  await editor.getByLabel('What would anger them').fill('Waiting without news');
  await editor.getByLabel('E-mail').fill('sakura@yamamoto-design.example.jp');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toContainText('already has the address');
  await expect(editor.getByLabel('What would anger them')).toHaveValue('Waiting without news');
  // Looking at another customer and coming back keeps the unsaved edit.
  await page.getByRole('button', { name: /John Miller/ }).click();
  await expect(page.getByRole('button', { name: /佐藤 健/ })).toContainText('Unsaved');
  await page.getByRole('button', { name: /佐藤 健/ }).click();
  await expect(editor.getByLabel('What would anger them')).toHaveValue('Waiting without news');
  await editor.getByLabel('E-mail').fill('ken.sato@example.com');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByTestId('customer-profile')).toContainText('Waiting without news');
});
