import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { testMail } from '../../electron/core/intake/testing';
import { expect, test } from '../fixtures';

// A new question is an open request, and every open request has a next checkpoint (DESIGN.md): it
// shows one at once and sits where the vendor looks first, not under "No checkpoint" below all the
// dated work. The demo library has overdue, due-today and upcoming questions around it.

function mailFile(dir: string, name: string, raw: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, raw);
  return file;
}

/** The Inbox's section titles, top to bottom, without their counts. */
async function sections(page: Page): Promise<string[]> {
  // textContent: the titles are upper-cased by CSS only.
  const titles = await page.locator('.k-list-section__title').allTextContents();
  return titles.map((t) => t.replace(/\s*\d+$/, '').trim());
}

const groupOfTitle: Record<string, string> = {
  Overdue: 'overdue',
  'Due today': 'today',
  'New, not yet acknowledged': 'new',
  Upcoming: 'upcoming',
  'No checkpoint': 'unscheduled',
  Closed: 'closed',
  '新着（未対応）': 'new',
};

/** The rows of the Inbox section with this title (the list is flat: its rows say their group). */
function section(page: Page, title: string) {
  return page.locator(`.k-list-item[data-group="${groupOfTitle[title]}"]`);
}

test('a question typed by hand shows its next checkpoint and is listed as new, above upcoming work', async ({
  page,
}) => {
  await expect(page.getByTestId('screen-inbox')).toBeVisible();
  await page.getByTestId('new-question').click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'New question' });
  await dialog.getByLabel('Customer name').fill('Ken Mori');
  await dialog.getByLabel('Customer e-mail').fill('ken@example.com');
  await dialog.getByLabel('Subject').fill('Contact form does not send');
  await dialog.getByLabel('Question').fill('The contact form sends nothing.');
  await dialog.getByTestId('new-question-create').click();
  await expect(dialog).toBeHidden();

  const status = page.getByTestId('question-detail').getByTestId('status-panel');
  await expect(status).toContainText('Received');
  await expect(status).toContainText(/Next update by \S/);
  await expect(status).not.toContainText('No checkpoint');

  const fresh = section(page, 'New, not yet acknowledged');
  await expect(fresh.getByText('Contact form does not send')).toBeVisible();
  const order = await sections(page);
  expect(order).not.toContain('No checkpoint');
  expect(order.indexOf('New, not yet acknowledged')).toBeGreaterThan(order.indexOf('Due today'));
  expect(order.indexOf('New, not yet acknowledged')).toBeLessThan(order.indexOf('Upcoming'));
  expect(order[0]).toBe('Overdue');

  // Acknowledged (investigating), it joins the upcoming work by its date.
  await status.getByRole('button', { name: '→ Investigating' }).click();
  const change = page.getByRole('dialog');
  await change.getByRole('button', { name: /Save status change/ }).click();
  await expect(change).toBeHidden();
  await expect(section(page, 'Upcoming').getByText('Contact form does not send')).toBeVisible();
  // The history says who acted in words, and the work log shows the first checkpoint it was given.
  const history = status.getByTestId('status-history');
  await expect(history).toContainText('Received → Investigating');
  await expect(history).toContainText('· you');
  await expect(history).not.toContainText('vendor');
  await expect(page.getByTestId('work-log')).toContainText(/Contact form does not send \(next update by \S/);
  await expect(fresh.getByText('Contact form does not send')).toHaveCount(0);
});

test('an old mail imported late is overdue at once, listed first', async ({ page, app }) => {
  const old = mailFile(
    app.tempDir,
    'old.eml',
    testMail({
      messageId: 'e2e-old@example.com',
      from: 'Lena Fischer <lena@example.com>',
      subject: 'Old question about domains',
      date: 'Mon, 05 Jan 2026 10:00:00 +0000',
    }),
  );
  await expect(page.getByTestId('inbox-drop')).toBeVisible();
  await app.dropFiles('[data-testid="inbox-drop"]', [old]);
  const status = page.getByTestId('question-detail').getByTestId('status-panel');
  await expect(status).toContainText(/Overdue since \S/);
  await expect(section(page, 'Overdue').getByText('Old question about domains')).toBeVisible();
});

test.describe('in Japanese', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('a reply dropped together with its original, reply first: the question is the original', async ({
    page,
    app,
  }) => {
    const now = Date.now();
    const reply = mailFile(
      app.tempDir,
      'reply.eml',
      testMail({
        messageId: 'e2e-ja-r@example.jp',
        inReplyTo: 'e2e-ja-q@example.jp',
        from: 'yumi.takahashi@example.jp',
        subject: 'Re: 決済画面で画像が崩れます',
        date: new Date(now - 60_000).toUTCString(),
        text: 'スマホでも同じです。\r\n',
      }),
    );
    const original = mailFile(
      app.tempDir,
      'original.eml',
      testMail({
        messageId: 'e2e-ja-q@example.jp',
        from: '=?UTF-8?B?6auY5qmLIOeUsee+jg==?= <yumi.takahashi@example.jp>',
        subject: '決済画面で画像が崩れます',
        date: new Date(now - 3_600_000).toUTCString(),
        text: 'ショップの決済画面で商品画像が崩れます。\r\n',
      }),
    );
    await expect(page.getByTestId('inbox-drop')).toBeVisible();
    await app.dropFiles('[data-testid="inbox-drop"]', [reply, original]);
    const detail = page.getByTestId('question-detail');
    const listed = section(page, '新着（未対応）').getByText('決済画面で画像が崩れます', { exact: true });
    await expect(listed).toBeVisible();
    await listed.click();
    await expect(
      detail.getByRole('heading', { name: '決済画面で画像が崩れます', exact: true }),
    ).toBeVisible();
    await expect(detail.getByTestId('thread-message')).toHaveCount(2);
    await expect(detail).toContainText('高橋 由美');
    await expect(detail.getByTestId('status-panel')).toContainText(/次回連絡：\S/);
    await expect(page.getByText('yumi.takahashi', { exact: true })).toHaveCount(0);
  });
});
