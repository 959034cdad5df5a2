import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PIXEL_PNG, testMail, testMbox } from '../../electron/core/intake/testing';
import { expect, test } from '../fixtures';

// How a question enters the studio, as the vendor does it: drop mail files on the Inbox, import
// them through the file dialog, or type the question by hand.

function mailFile(dir: string, name: string, raw: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, raw);
  return file;
}

test('a dropped mail becomes a question, and its dropped reply joins the same thread', async ({
  page,
  app,
}) => {
  const question = mailFile(
    app.tempDir,
    'question.eml',
    testMail({
      messageId: 'e2e-q@example.jp',
      from: 'Mika Ito <mika@example.jp>',
      subject: 'Gallery images do not load',
      text: 'The gallery on my product page stays empty.\r\n',
      attachments: [{ name: '../../settings.txt', type: 'text/plain', data: Buffer.from('gallery=on\n') }],
    }),
  );
  await expect(page.getByTestId('inbox-drop')).toBeVisible();
  await app.dropFiles('[data-testid="inbox-drop"]', [question]);
  const detail = page.getByTestId('question-detail');
  await expect(detail.getByRole('heading', { name: 'Gallery images do not load' })).toBeVisible();
  await expect(detail.getByTestId('thread-message')).toHaveCount(1);
  await expect(detail).toContainText('Mika Ito');
  // Its attachment is listed by its bare name and shown from the library's media folder.
  const attachment = detail.getByTestId('attachment');
  await expect(attachment).toContainText('settings.txt');
  await expect(attachment).not.toContainText('..');
  await attachment.getByRole('button', { name: 'Show in folder' }).click();
  await expect
    .poll(() => app.shownInFolder())
    .toEqual([expect.stringMatching(/[/\\]media[/\\][0-9a-f]{2}[/\\][0-9a-f]{64}\.txt$/)]);

  const reply = mailFile(
    app.tempDir,
    'reply.eml',
    testMail({
      messageId: 'e2e-r@example.jp',
      inReplyTo: 'e2e-q@example.jp',
      from: 'Mika Ito <MIKA@example.jp>',
      subject: 'Re: Gallery images do not load',
      text: 'It happens since version 3.2.\r\n',
    }),
  );
  await app.dropFiles('[data-testid="inbox-drop"]', [reply]);
  const messages = detail.getByTestId('thread-message');
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(1)).toContainText('It happens since version 3.2.');
  // One question in the list, not two.
  const listed = page.getByTestId(/^question-\d+$/);
  await expect(listed.filter({ hasText: 'Gallery images do not load' })).toHaveCount(1);

  // Dropping the same mail again changes nothing.
  await app.dropFiles('[data-testid="inbox-drop"]', [reply]);
  await expect(page.getByTestId('import-report')).toContainText('1 duplicates');
  await expect(messages).toHaveCount(2);
});

test('a hostile HTML mail runs nothing and loads nothing remote; its inline image shows', async ({
  page,
  app,
}) => {
  const remote: string[] = [];
  page.on('request', (request) => {
    if (!app.isOwnUrl(request.url()) && !request.url().startsWith('data:')) remote.push(request.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const evil = 'http://127.0.0.1:9';
  const html =
    `<p id="greeting">Hello from the mail</p><script>parent.document.title='pwned';alert('script')</script>` +
    `<img src="${evil}/pixel.gif" onerror="parent.document.title='pwned'"><img src="x" onerror="alert('onerror')">` +
    `<link rel="stylesheet" href="${evil}/style.css"><iframe src="${evil}/frame"></iframe>` +
    `<div style="background-image:url(${evil}/bg.png)">styled</div><a href="${evil}/click">a link</a>` +
    `<img alt="inline screenshot" src="cid:shot@example.jp">`;
  const file = mailFile(
    app.tempDir,
    'hostile.eml',
    testMail({
      subject: 'Urgent: invoice',
      html,
      attachments: [
        { name: 'shot.png', type: 'image/png', data: PIXEL_PNG, cid: 'shot@example.jp', inline: true },
      ],
    }),
  );
  const title = await page.title();
  await expect(page.getByTestId('inbox-drop')).toBeVisible();
  await app.dropFiles('[data-testid="inbox-drop"]', [file]);
  const frame = page.frameLocator('[data-testid="mail-frame"]');
  await expect(frame.locator('#greeting')).toHaveText('Hello from the mail');
  await expect(page.getByTestId('mail-frame')).toHaveAttribute('sandbox', 'allow-same-origin');
  const inline = frame.locator('img[alt="inline screenshot"]');
  await expect
    .poll(() => inline.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1);
  await expect(page.getByTestId('question-detail')).toContainText(
    'Remote images in this mail were not loaded',
  );
  await frame.getByText('a link').click();
  await expect(frame.locator('#greeting')).toBeVisible();
  expect(await frame.locator('script, iframe, link, [onerror]').count()).toBe(0);
  expect(await page.title()).toBe(title);
  expect(dialogs).toEqual([]);
  expect(remote).toEqual([]);
});

test('Import mail… imports an mbox through the file dialog and reports what it could not take', async ({
  page,
  app,
}) => {
  const mbox = mailFile(
    app.tempDir,
    'archive.mbox',
    testMbox([
      testMail({ messageId: 'mb1@x', subject: 'Forms lose their data', from: 'a@example.com' }),
      'this line is not a mail header\n\njust text\n',
      testMail({ messageId: 'mb3@x', subject: 'Menu is cut off on phones', from: 'b@example.com' }),
    ]),
  );
  await app.queueDialogs({ chooseFiles: [[mbox]] });
  await expect(page.getByTestId('screen-inbox')).toBeVisible();
  await page.getByTestId('import-mail').click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('2 new');
  await expect(report).toContainText('1 rejected');
  await expect(report.getByTestId('import-rejected')).toContainText('archive.mbox#2');
  await expect(report.getByTestId('import-rejected')).toContainText('This is not an e-mail');
  await report.getByRole('link', { name: 'Menu is cut off on phones' }).click();
  await expect(
    page.getByTestId('question-detail').getByRole('heading', { name: 'Menu is cut off on phones' }),
  ).toBeVisible();
});

test('a question typed by hand', async ({ page }) => {
  await expect(page.getByTestId('screen-inbox')).toBeVisible();
  await page.getByTestId('new-question').click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'New question' });
  await dialog.getByLabel('Customer name').fill('Ken Mori');
  await dialog.getByLabel('Customer e-mail').fill('ken@example.com');
  await dialog.getByLabel('Question').fill('The contact form sends nothing.\nI tried twice.');
  await dialog.getByTestId('new-question-create').click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter a subject.');
  await dialog.getByLabel('Subject').fill('Contact form does not send');
  await dialog.getByTestId('new-question-create').click();
  await expect(dialog).toBeHidden();
  const detail = page.getByTestId('question-detail');
  await expect(detail.getByRole('heading', { name: 'Contact form does not send' })).toBeVisible();
  await expect(detail.getByTestId('thread-message')).toContainText('I tried twice.');
  await expect(detail.getByRole('link', { name: 'Ken Mori' })).toBeVisible();
});

test('a long import shows its progress and can be cancelled; what was imported is kept', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  const mails = Array.from({ length: 5000 }, (_, i) =>
    testMail({ messageId: `long${i}@x`, subject: `Archived question ${i}`, from: `c${i % 50}@example.com` }),
  );
  const mbox = mailFile(app.tempDir, 'long.mbox', testMbox(mails));
  await expect(page.getByTestId('inbox-drop')).toBeVisible();
  await app.dropFiles('[data-testid="inbox-drop"]', [mbox]);
  const progress = page.getByTestId('import-progress');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await progress.getByTestId('import-cancel').click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Import cancelled');
  const counts = await report.getByTestId('import-counts').innerText();
  const imported = Number(/(\d+) new/.exec(counts)?.[1]);
  expect(imported).toBeLessThan(5000);
  // Importing the same file again takes the rest and recognises what is already there.
  await app.dropFiles('[data-testid="inbox-drop"]', [mbox]);
  await expect(page.getByTestId('import-report')).toContainText(`${5000 - imported} new`, {
    timeout: 180_000,
  });
  await expect(page.getByTestId('import-report')).toContainText(`${imported} duplicates`);
});

test('a mail pasted from a mail client keeps its formatting, without its script or remote images', async ({
  page,
}) => {
  await expect(page.getByTestId('screen-inbox')).toBeVisible();
  await page.getByTestId('new-question').click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'New question' });
  await dialog.getByLabel('Subject').fill('Pasted: cart total is wrong');
  const body = dialog.getByLabel('Question');
  await body.focus();
  await body.evaluate((el) => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<div><b id="strong">Cart total</b> is wrong.<script>parent.document.title="pwned"</script><img src="http://127.0.0.1:9/t.gif"></div>',
    );
    data.setData('text/plain', 'Cart total is wrong.');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(body).toHaveValue('Cart total is wrong.');
  await expect(dialog).toContainText('Formatted mail pasted');
  const title = await page.title();
  await dialog.getByTestId('new-question-create').click();
  const frame = page.frameLocator('[data-testid="mail-frame"]');
  await expect(frame.locator('b#strong')).toHaveText('Cart total');
  expect(await frame.locator('script, img[src]').count()).toBe(0);
  expect(await page.title()).toBe(title);
});

test('mail dropped while an import runs waits for it and is imported next, not dropped', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const mails = Array.from({ length: 1500 }, (_, i) =>
    testMail({ messageId: `batch${i}@x`, subject: `Batch question ${i}`, from: `b${i % 20}@example.com` }),
  );
  const mbox = mailFile(app.tempDir, 'batch.mbox', testMbox(mails));
  const late = mailFile(
    app.tempDir,
    'late.eml',
    testMail({ messageId: 'late@example.jp', subject: 'Dropped during the import', from: 'late@example.jp' }),
  );
  await expect(page.getByTestId('inbox-drop')).toBeVisible();
  await app.dropFiles('[data-testid="inbox-drop"]', [mbox]);
  await expect(page.getByTestId('import-progress').getByRole('progressbar')).toBeVisible();
  await app.dropFiles('[data-testid="inbox-drop"]', [late]);
  await expect(page.getByTestId('import-queued')).toContainText('1 more file waits for this import.');
  // The batch finishes, then the waiting mail goes in as the next import and opens.
  await expect(
    page.getByTestId('question-detail').getByRole('heading', { name: 'Dropped during the import' }),
  ).toBeVisible({
    timeout: 150_000,
  });
  await expect(page.getByTestId('import-report')).toContainText('1 new');
});
