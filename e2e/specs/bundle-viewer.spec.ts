import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// The customer's side: an exported bundle opened from file:// in Chromium with the network blocked.
// Every request is recorded; only the bundle's own files may be asked for.

interface Offline {
  context: BrowserContext;
  page: Page;
  requests: string[];
  problems: string[];
}

async function offlinePage(browser: Browser): Promise<Offline> {
  const context = await browser.newContext({ offline: true, locale: 'ja-JP' });
  const requests: string[] = [];
  const problems: string[] = [];
  // Anything that is not a file of the bundle fails, and is recorded either way.
  await context.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return { context, page, requests, problems };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A library with a real clip and screenshot, exported as a zip and a folder (see the helper). */
function exportFolder(dir: string): { folder: string; zip: string; customerName: string; stepIds: string[] } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'e2e/helpers/bundleLibrary.ts'), dir],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

test('a bundle opens offline from file://: steps tick and stay ticked, the video plays and jumps', async ({
  browser,
}, testInfo) => {
  const fx = exportFolder(testInfo.outputPath('bundle'));
  const folder = fx.folder;
  const { context, page, requests, problems } = await offlinePage(browser);
  const index = pathToFileURL(path.join(folder, 'index.html')).href;
  await page.goto(index);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'スマートフォンで画像が表示されないときの確認手順',
  );
  await expect(page.getByTestId('bundle-customer')).toHaveText(`${fx.customerName} 様`);
  await expect(page.locator('.kb-greeting')).toContainText('いつもお世話になっております。');
  await expect(page.locator('.kb-contact')).toContainText('support@sirius.example.jp');
  await expect(page.locator('.kb-meta')).toContainText('Sirius サイトビルダー 4.2.1');
  await expect(page.locator('img.step-shot')).toHaveJSProperty('complete', true);
  expect(await page.locator('img.step-shot').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);

  // Tick two of the four steps; the progress follows, and a reload remembers them.
  const progress = page.locator('#kb-progress-text');
  await expect(progress).toHaveText('4 手順中 0 手順 完了');
  await page.getByRole('checkbox', { name: '手順 1' }).check();
  await page.getByRole('checkbox', { name: '手順 3' }).check();
  await expect(progress).toHaveText('4 手順中 2 手順 完了');
  await expect(page.locator('li.step').first()).toHaveClass(/is-done/);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: '手順 1' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '手順 2' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: '手順 3' })).toBeChecked();
  await expect(progress).toHaveText('4 手順中 2 手順 完了');

  // The video plays.
  const video = page.locator('video');
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.3);
  expect(await video.evaluate((v: HTMLVideoElement) => [v.error, v.videoWidth])).toEqual([null, 320]);

  // A chapter jumps to its moment and marks its step.
  await page.getByRole('link', { name: /画像を差し替える/ }).click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('link', { name: /画像を差し替える/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.locator(`li.step[data-step="${fx.stepIds[1]}"]`)).toHaveClass(/is-playing/);
  // The step's own video link jumps to its moment (4 s), past the chapter before it.
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  await page.getByRole('link', { name: 'この手順を動画で見る' }).click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole('link', { name: /アップロード/ })).toHaveAttribute('aria-current', 'true');
  // Captions come from the bundle's data (the fixture's end after 4 s: none here); the page draws
  // them, the track keeps the current one for assistive technology (next test).
  await expect(page.locator('.kb-caption')).toBeHidden();
  expect(await video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode)).toBe('hidden');

  // On a phone the resolution summary puts each label above its text, which keeps the width.
  await page.setViewportSize({ width: 390, height: 844 });
  const firstAnswer = page.locator('.resolution dd').first();
  await expect(firstAnswer).toBeVisible();
  expect((await firstAnswer.boundingBox())!.width).toBeGreaterThan(250);

  expect(problems).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  await context.close();
});

test('one caption at a time over the video, after every seek and chapter jump', async ({ browser }, testInfo) => {
  // The fixture's captions: 0–2 s 設定を開きます, 2–4 s 画像を選びます, nothing after; chapters at
  // 0, 2 and 4 s (the cue boundaries, where Chromium's own rendering showed two cues at once).
  const fx = exportFolder(testInfo.outputPath('bundle'));
  const { context, page, problems } = await offlinePage(browser);
  await page.goto(pathToFileURL(path.join(fx.folder, 'index.html')).href);
  const video = page.locator('video');
  const lines = page.locator('.kb-caption .kb-caption__line');
  const chapter = (name: RegExp) => page.getByRole('link', { name });
  /** What a person reads over the picture: exactly these lines, or none. */
  const expectCaption = async (text: string | null) => {
    if (text === null) {
      await expect(page.locator('.kb-caption')).toBeHidden();
      await expect(lines).toHaveCount(0);
    } else {
      await expect(lines).toHaveText([text]);
      await expect(page.locator('.kb-caption')).toBeVisible();
    }
    // The browser draws no cue of its own beside the page's (it would be the second caption).
    expect(await video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode)).toBe('hidden');
  };
  const seek = (time: number) =>
    video.evaluate((v: HTMLVideoElement, t: number) => {
      v.currentTime = t;
    }, time);

  // Play, slowed down so that each two-second cue stays on screen while a loaded machine looks.
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    v.playbackRate = 0.25;
    return v.play();
  });
  await expectCaption('設定を開きます');
  await seek(2.5); // forward
  await expectCaption('画像を選びます');
  await seek(0.5); // back
  await expectCaption('設定を開きます');

  // Each chapter while playing, forward and back, landing on the cue boundaries.
  await chapter(/画像を差し替える/).click();
  await expectCaption('画像を選びます');
  await chapter(/カメラの設定/).click();
  await expectCaption('設定を開きます');
  await chapter(/アップロード/).click();
  await expectCaption(null);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);

  // Paused, then a chapter: it plays from there with that chapter's caption only.
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  await chapter(/画像を差し替える/).click();
  await expectCaption('画像を選びます');
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  await chapter(/カメラの設定/).click();
  await expectCaption('設定を開きます');
  await expect(chapter(/カメラの設定/)).toHaveAttribute('aria-current', 'true');
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  await page.screenshot({ path: testInfo.outputPath('bundle-caption-ja.png') });

  expect(problems).toEqual([]);
  await context.close();
});

test('the verify page checks the unzipped folder in the browser, and spots a changed file', async ({
  browser,
}, testInfo) => {
  const { folder } = exportFolder(testInfo.outputPath('bundle'));
  const { context, page, requests, problems } = await offlinePage(browser);
  await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
  await page.getByRole('link', { name: 'このバンドルが欠けたり変更されたりしていないか確認する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('回答バンドルの確認');

  await page.locator('#kb-pick-folder').setInputFiles(folder);
  const result = page.locator('#kb-result');
  await expect(result).toContainText('すべて manifest と一致しました', { timeout: 20_000 });
  const manifestSha = createHash('sha256')
    .update(readFileSync(path.join(folder, 'manifest.json')))
    .digest('hex');
  await expect(page.locator('#kb-fingerprint-value')).toHaveAttribute('title', manifestSha);

  // A copy with one changed page and one added file.
  const changed = testInfo.outputPath('changed');
  cpSync(folder, changed, { recursive: true });
  const index = path.join(changed, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</main>', '<p>振込先が変わりました</p></main>'));
  writeFileSync(path.join(changed, 'extra.html'), '<p>hi</p>');
  await page.locator('#kb-pick-folder').setInputFiles(changed);
  await expect(result).toContainText('送られたときの状態ではありません（問題 2 件）', { timeout: 20_000 });
  await expect(page.locator('tr[data-path="index.html"]')).toContainText('変更されています');
  await expect(page.locator('tr[data-path="extra.html"]')).toContainText('バンドルにないファイル');
  await expect(page.locator('tr[data-path="media/video-1.mp4"]')).toContainText('変更なし');

  expect(problems).toEqual([]);
  expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  await context.close();
});
