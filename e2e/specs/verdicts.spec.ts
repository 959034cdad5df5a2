import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { testMail } from '../../electron/core/intake/testing';
import { waitSaved } from '../answerEditor';
import { expect, test } from '../fixtures';

// Issue 22, both halves as the vendor and the customer live them: a release puts answers on the
// list to re-check until they are walked again; a customer's "Not yet" on a bundle page comes back
// by mail and puts their question back on the vendor's desk.

test('record a release, see the answers to re-check, re-check one in reproduction mode', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const releases = page.getByTestId('releases');
  await releases.getByRole('button', { name: 'Record a release…' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Record a release' });
  await dialog.getByLabel('Version').fill('5.0');
  await dialog.getByLabel('Release date').fill('2026-11-20');
  // An area (every operation in it) and one operation of another area.
  await dialog.getByRole('checkbox', { name: '画像・メディア' }).check();
  await expect(dialog.getByRole('checkbox', { name: '画像をアップロードする' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: '独自ドメインを接続する' }).check();
  await dialog.getByLabel('Note (what changed)').fill('New media library; domains connect in one step.');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The answers to re-check: verified with 4.x and about images or domains; most read first.
  const result = releases.getByTestId('release-result');
  await expect(result).toContainText('Release 5.0 recorded.');
  await expect(result).toContainText('2 answers to re-check, most read first:');
  const listed = result.getByTestId('release-rechecks');
  await expect(listed.getByRole('button')).toHaveCount(2);
  await expect(listed.getByTestId('recheck-2')).toContainText('独自ドメインを接続する');
  await expect(listed.getByTestId('recheck-2')).toContainText('checked with 4.1.0');
  await expect(listed.getByTestId('recheck-1')).toContainText(
    'スマートフォンで画像が表示されないときの確認手順',
  );
  await expect(releases.getByTestId('release-5.0')).toContainText('2 of 2 still to re-check');

  // Open one from the list: the answer says why, and re-walking it clears it.
  await listed.getByTestId('recheck-2').click();
  const detail = page.getByTestId('answer-detail');
  const banner = detail.getByTestId('recheck-banner');
  await expect(banner).toContainText('To re-check since release 5.0');
  await expect(banner).toContainText('Changed: 独自ドメインを接続する');
  await expect(banner.getByTestId('recheck-progress')).toContainText(
    '0 of 3 steps checked with 5.0 or newer.',
  );
  await banner.getByRole('button', { name: 'Re-check in reproduction mode' }).click();
  const panel = page.getByTestId('reproduction-panel');
  // The release is the version the vendor now verifies with.
  await expect(panel.getByLabel('Tool version')).toHaveValue('5.0');
  await panel.getByRole('button', { name: 'Works as written' }).click();
  await expect(banner.getByTestId('recheck-progress')).toContainText('1 of 3 steps');
  await panel.getByRole('button', { name: 'Works as written' }).click();
  await panel.getByRole('button', { name: 'Works as written' }).click();
  await expect(panel).toContainText('3 of 3 steps verified with version 5.0.');
  await expect(banner).toBeHidden();
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(detail.getByTestId('answer-verified')).toContainText('Verified with version 5.0');
  await waitSaved(page);

  // The Answers list's filter keeps the other one only.
  const filter = page.getByTestId('recheck-filter');
  await expect(filter).toHaveText('To re-check (1)');
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('recheck-list').getByRole('button')).toHaveCount(1);
  await expect(page.getByTestId('recheck-1')).toBeVisible();
  await expect(page.getByTestId('recheck-2')).toHaveCount(0);

  // Settings keeps count, and Publish warns about the public answer still to re-check.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('release-5.0')).toContainText('1 of 2 still to re-check');
  await page.getByRole('link', { name: 'Publish' }).click();
  const warning = page.getByTestId('publish-recheck');
  await expect(warning).toContainText('1 public answer is to re-check after a release');
  await expect(warning).toContainText('スマートフォンで画像が表示されないときの確認手順');
  await expect(warning).not.toContainText('独自ドメインを接続する');
});

test('a customer opens the bundle, clicks "Not yet", and the mail puts the question back to investigating', async ({
  page,
  app,
  browser,
}) => {
  mkdirSync(app.tempDir, { recursive: true });
  const ANSWER = 'ブログ記事を予約公開する';
  // The answer goes to Ichiro Suzuki for his question, which is marked answered.
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: new RegExp(ANSWER) }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const exportDialog = page.getByRole('dialog');
  await expect(exportDialog.getByLabel('Question it answers').locator('option:checked')).toHaveText(
    'ブログ記事を指定した日時に公開したい',
  );
  await exportDialog.getByLabel('Folder (to copy onto a USB stick or a share)').check();
  const zip = path.join(app.tempDir, 'for-suzuki.zip');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog.getByTestId('bundle-done')).toContainText('The bundle is ready.');
  await exportDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  // The customer's side: the bundle from file://, offline, in their browser.
  const customer = await browser.newContext({ offline: true, locale: 'ja-JP' });
  await customer.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
  const bundle = await customer.newPage();
  await bundle.goto(pathToFileURL(path.join(app.tempDir, 'for-suzuki', 'index.html')).href);
  const verdict = bundle.getByTestId('verdict');
  await expect(verdict.getByRole('heading', { name: 'この回答で解決しましたか？' })).toBeVisible();
  const notYet = verdict.getByRole('link', { name: 'まだ解決していません' });
  const href = await notYet.getAttribute('href');
  await notYet.click();
  // No mail program here: the page shows what to send, and to whom.
  const copy = bundle.locator('#kb-verdict-copy');
  await expect(copy).toHaveAttribute('open', '');
  const chosen = copy.locator('[data-verdict-text="not_yet"]');
  await expect(chosen).toHaveClass(/is-chosen/);
  await expect(chosen).toContainText('support@sirius.example.jp');
  await expect(chosen).toContainText('まだ解決していません：ブログ記事を予約公開する');
  await customer.close();

  // The customer sends what the mail program opened with, adding a line.
  const mailto = new URL(href!);
  expect(mailto.protocol).toBe('mailto:');
  const subject = mailto.searchParams.get('subject')!;
  const body = mailto.searchParams.get('body')!;
  const eml = path.join(app.tempDir, 'not-yet.eml');
  writeFileSync(
    eml,
    testMail({
      from: '鈴木 一郎 <ichiro.suzuki@midori-coffee.example.jp>',
      to: decodeURIComponent(mailto.pathname),
      subject,
      date: new Date().toUTCString(),
      text: body
        .replace(/\r\n/g, '\n')
        .replace(
          'うまくいかなかった手順と、そのとき画面に表示された内容：',
          'うまくいかなかった手順と、そのとき画面に表示された内容：\n手順 2 で「予約」が選べません。',
        ),
    }),
  );

  // The vendor imports it.
  await page.getByRole('link', { name: 'Inbox' }).click();
  await app.queueDialogs({ chooseFiles: [[eml]] });
  await page.getByTestId('import-mail').click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('1 threaded');
  const verdictLine = report.getByTestId('import-verdict');
  await expect(verdictLine).toContainText('Verdict: Not yet');
  await verdictLine.getByRole('link').click();

  const detail = page.getByTestId('question-detail');
  await expect(detail.getByRole('heading', { name: 'ブログ記事を指定した日時に公開したい' })).toBeVisible();
  await expect(detail.getByTestId('status-panel')).toContainText('Investigating');
  await expect(detail.getByTestId('status-history')).toContainText('Answered → Investigating');
  await expect(detail.getByTestId('verdicts')).toContainText(
    `the customer says "${ANSWER}" (revision 1) has not solved the problem yet.`,
  );
  await expect(detail.getByTestId('thread-message').last()).toContainText('手順 2 で「予約」が選べません。');

  // On the customer's timeline, with the answer it was about.
  await detail.getByRole('link', { name: '鈴木 一郎' }).click();
  const timeline = page.getByTestId('customer-timeline');
  const item = timeline.getByRole('listitem').filter({ hasText: 'Their verdict on an answer' });
  await expect(item).toContainText('Not yet');
  await expect(item).toContainText(ANSWER);
});
