import { expect, test } from '../fixtures';

test.describe('first run', () => {
  test('opens a demo library in the user-data folder and shows the Inbox', async ({ page }) => {
    await expect(page.getByTestId('screen-inbox')).toBeVisible();
    await expect(page.getByTestId('status-bar')).toContainText('Kotae Library');
    await expect(page.getByTestId('status-bar')).toContainText('Checked: OK');
    // Overdue checkpoints lead the Inbox.
    const firstSection = page.locator('.k-list-section').first();
    await expect(firstSection).toContainText('Overdue');
    await expect(firstSection).toContainText('先週の状態にサイトを戻したい');
  });
});
