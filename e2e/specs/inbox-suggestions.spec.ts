import { expect, test } from '../fixtures';

// "The same answer serves the next customer who asks": a question without an answer shows the
// existing answers that fit it, and one click links one (issue 5, answers suggested on arrival).

test('a question without an answer is offered an existing one, and linking it shows it on the question', async ({
  page,
}) => {
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: /古い商品画像をまとめて削除したい/ }).click();
  const detail = page.getByTestId('question-detail');
  await expect(detail).toContainText('No answer yet.');
  const suggestions = detail.getByTestId('answer-suggestions');
  await expect(suggestions).toContainText('スマートフォンで画像が表示されないときの確認手順');
  await suggestions.getByRole('button', { name: 'Use this answer' }).first().click();
  await expect(detail.getByRole('link', { name: 'スマートフォンで画像が表示されないときの確認手順' })).toBeVisible();
  await expect(detail.getByTestId('answer-suggestions')).toHaveCount(0);
  // Linked for good: it is still there after a reload, and the answer lists the question.
  await page.reload();
  await detail.getByRole('link', { name: 'スマートフォンで画像が表示されないときの確認手順' }).click();
  await expect(page.getByTestId('screen-answers')).toContainText('古い商品画像をまとめて削除したい');
});
