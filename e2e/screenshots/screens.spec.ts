import path from 'node:path';
import { expect, test } from '../fixtures';

// Not part of npm test: `npm run screenshots` captures every screen of the demo library in both
// languages into test-results/screenshots/, for people to look at.
const shots: { name: string; hash: string; ready: string }[] = [
  { name: 'inbox', hash: '#/inbox/2', ready: 'question-detail' },
  { name: 'answers', hash: '#/answers/1', ready: 'answer-detail' },
  { name: 'customers', hash: '#/customers/2', ready: 'customer-detail' },
  { name: 'capabilities', hash: '#/capabilities/1', ready: 'capability-detail' },
  { name: 'videos', hash: '#/videos', ready: 'screen-videos' },
  { name: 'publish', hash: '#/publish', ready: 'screen-publish' },
  { name: 'settings', hash: '#/settings', ready: 'screen-settings' },
];

for (const locale of ['ja-JP', 'en-US']) {
  test.describe(locale, () => {
    test.use({ systemLocale: locale });
    for (const shot of shots) {
      test(shot.name, async ({ page }) => {
        await page.evaluate((hash) => (window.location.hash = hash), shot.hash);
        await expect(page.getByTestId(shot.ready)).toBeVisible();
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join('test-results/screenshots', `${locale.slice(0, 2)}-${shot.name}.png`) });
      });
    }
  });
}
