import { expect, test } from '../fixtures';
import { editor } from '../answerEditor';

test.describe('answer checks in Japanese', () => {
  test.use({ systemLocale: 'ja-JP' });

  test('flag jargon for a beginner and a blaming phrase as it is typed, and explain both', async ({
    page,
  }) => {
    await page.getByRole('link', { name: '回答' }).click();
    await page.getByRole('button', { name: /独自ドメインを接続する/ }).click();
    const checks = page.getByTestId('checks-panel');
    // The demo answer explains DNS where it first uses it (issue 18: our own demo passes our checks).
    await expect(checks.getByTestId('check-jargon')).toHaveAttribute('data-status', 'ok');
    await expect(checks.getByTestId('check-tone')).toHaveAttribute('data-status', 'ok');

    // Used first without the explanation, the term is flagged for this beginner.
    const intro = editor(page).locator('p').first();
    await intro.click();
    await page.keyboard.press('Home');
    await page.keyboard.type('DNS は変更しません。');
    await expect(checks.getByTestId('check-jargon')).toContainText(
      '「DNS」は初心者のお客様には分かりにくいかもしれません。',
    );
    await expect(checks.getByTestId('check-jargon')).toContainText(
      '言い換えの例:「ドメイン名とサーバーを結びつける設定」',
    );
    await expect(checks.getByTestId('check-tone')).toHaveAttribute('data-status', 'ok');

    await page.keyboard.press('Home');
    await page.keyboard.type('今回はお客様の操作ミスです。');
    const tone = checks.getByTestId('check-tone');
    await expect(tone).toHaveAttribute('data-status', 'error');
    await expect(tone).toContainText('「お客様の操作ミス」はお客様を責めているように読めます。');
    await expect(tone).toContainText('原因は事実として書き');
    await tone.getByRole('button', { name: '回答の該当箇所を表示' }).click();
    await expect(intro).toHaveClass(/k-flash/);

    // Publishing with a problem left asks first.
    const publicFlag = page.getByLabel('FAQ に公開');
    await publicFlag.uncheck();
    await expect(publicFlag).not.toBeChecked();
    await publicFlag.click(); // asks before it takes effect
    const confirm = page.getByRole('dialog').filter({ hasText: '問題が残ったまま公開しますか？' });
    await expect(confirm).toContainText('お客様を責めているように読めます');
    await confirm.getByRole('button', { name: 'キャンセル' }).click();
    await expect(publicFlag).not.toBeChecked();

    await page.keyboard.press('Control+z');
    await intro.click();
    await page.keyboard.press('Control+z');
    await expect(intro).not.toContainText('操作ミス');
    await expect(tone).toHaveAttribute('data-status', 'ok');
  });

  test('a phrase the vendor adds to the rule list is flagged from then on', async ({ page }) => {
    await page.getByRole('link', { name: '回答' }).click();
    await page.getByRole('button', { name: /テーマカラーを変更する/ }).click();
    await page.getByRole('button', { name: 'ルールを編集…' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'チェックのルール' });
    const argue = dialog.getByLabel('お客様に反論する表現');
    await argue.fill(`${await argue.inputValue()}\n前にも書きましたが`);
    await dialog.getByRole('button', { name: 'ルールを保存' }).click();
    await expect(dialog).toHaveCount(0);

    const intro = editor(page).locator('p').first();
    await intro.click();
    await page.keyboard.press('End');
    await page.keyboard.type('前にも書きましたが、色は変えられます。');
    await expect(page.getByTestId('check-tone')).toContainText(
      '「前にも書きましたが」はお客様に反論しているように読めます。',
    );
  });
});
