import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../fixtures';

// Signed bundles from the customer's side (issue 15): the exported bundle opened from file:// in
// Chromium with the network blocked. The pages show the vendor key's fingerprint; verify.html checks
// the signature with WebCrypto (Ed25519) and says "signature valid" only when it is, by that key.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Exported {
  folder: string;
  fingerprint: string;
}

/** A library with a real clip, its bundle exported as a folder (e2e/helpers/bundleLibrary.ts). */
function exportFolder(dir: string): Exported {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'e2e/helpers/bundleLibrary.ts'), dir],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Exported;
}

async function offlinePage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ offline: true, locale: 'ja-JP' });
  await context.route(/^(?!file:)/, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  return { context, page, problems };
}

/** The folder copied, with a phishing line in index.html and the manifest re-hashed to match. */
function forgedCopy(folder: string, to: string): Buffer {
  cpSync(folder, to, { recursive: true });
  const index = path.join(to, 'index.html');
  const page = Buffer.from(
    readFileSync(index, 'utf8').replace('</main>', '<p>振込先が変わりました</p></main>'),
  );
  writeFileSync(index, page);
  const manifestFile = path.join(to, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    files: { path: string; size: number; sha256: string }[];
  };
  Object.assign(
    manifest.files.find((f) => f.path === 'index.html')!,
    {
      size: page.length,
      sha256: createHash('sha256').update(page).digest('hex'),
    },
  );
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(manifestFile, bytes);
  return bytes;
}

function fingerprintOf(rawKey: Buffer): string {
  return createHash('sha256')
    .update(rawKey)
    .digest('hex')
    .slice(0, 32)
    .toUpperCase()
    .match(/.{4}/g)!
    .join(' ');
}

async function checkFolder(page: Page, folder: string): Promise<void> {
  await page.goto(pathToFileURL(path.join(folder, 'verify.html')).href);
  await page.locator('#kb-pick-folder').setInputFiles(folder);
}

// One export for the file, its tests in order in one worker (each export renders a clip).
test.describe.configure({ mode: 'default' });
let exported: Exported;
test.beforeAll(({ browser: _ }, testInfo) => {
  exported = exportFolder(testInfo.outputPath('bundle'));
  expect(exported.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
});

test('the bundle shows the vendor key, and verify.html says the signature is valid, by that key', async ({
  browser,
}) => {
  const { context, page, problems } = await offlinePage(browser);
  await page.goto(pathToFileURL(path.join(exported.folder, 'index.html')).href);
  const block = page.locator('#kb-signed');
  await expect(block.getByRole('heading', { name: '電子署名' })).toBeVisible();
  await expect(page.getByTestId('bundle-fingerprint')).toHaveText(exported.fingerprint);

  await block.getByRole('link', { name: '署名とすべてのファイルを確認する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('回答バンドルの確認');
  await page.locator('#kb-pick-folder').setInputFiles(exported.folder);
  const status = page.locator('#kb-signature-status');
  await expect(status).toHaveText(
    `署名は有効です。ファイルの一覧（manifest.json）は鍵 ${exported.fingerprint} で署名されており、その後変更されていません。`,
    { timeout: 20_000 },
  );
  await expect(page.locator('#kb-result')).toContainText('すべて manifest と一致しました', {
    timeout: 20_000,
  });
  expect(problems).toEqual([]);
  await context.close();
});

test('a changed page with a re-hashed manifest is not "valid": the signature does not match', async ({
  browser,
}, testInfo) => {
  const forged = testInfo.outputPath('forged');
  forgedCopy(exported.folder, forged);
  const { context, page, problems } = await offlinePage(browser);
  await checkFolder(page, forged);
  const status = page.locator('#kb-signature-status');
  await expect(status).toHaveText(
    /署名がファイルの一覧と一致しません。署名の後にバンドルが変更されています。/,
    { timeout: 20_000 },
  );
  await expect(status).not.toContainText('有効');
  // Every file matches the forged manifest, yet the bundle is not called sound.
  await expect(page.locator('#kb-result')).toContainText('送られたときの状態ではありません（問題 1 件）', {
    timeout: 20_000,
  });
  await expect(page.locator('tr[data-path="index.html"]')).toContainText('変更なし');
  expect(problems).toEqual([]);
  await context.close();
  rmSync(forged, { recursive: true, force: true });
});

test('a bundle signed again with another key, or with its signature removed, is not trusted', async ({
  browser,
}, testInfo) => {
  const { context, page } = await offlinePage(browser);
  // The forger signs the re-hashed manifest with a key of their own: WebCrypto says the signature
  // works, and the page says whose it is and that it is not the key the bundle names.
  const forged = testInfo.outputPath('resigned');
  const manifest = forgedCopy(exported.folder, forged);
  const pair = generateKeyPairSync('ed25519');
  const raw = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const signature = JSON.parse(readFileSync(path.join(forged, 'signature.json'), 'utf8')) as Record<
    string,
    string
  >;
  signature.publicKey = raw.toString('base64');
  signature.signature = sign(null, manifest, pair.privateKey).toString('base64');
  writeFileSync(path.join(forged, 'signature.json'), JSON.stringify(signature));
  await checkFolder(page, forged);
  const status = page.locator('#kb-signature-status');
  await expect(status).toContainText(`鍵 ${fingerprintOf(raw)} で署名されています`, { timeout: 20_000 });
  await expect(status).toContainText(`このページに記載された鍵（${exported.fingerprint}）ではなく`);
  await expect(page.locator('#kb-result')).toContainText('送られたときの状態ではありません', {
    timeout: 20_000,
  });

  const stripped = testInfo.outputPath('stripped');
  cpSync(exported.folder, stripped, { recursive: true });
  rmSync(path.join(stripped, 'signature.json'));
  await checkFolder(page, stripped);
  await expect(status).toContainText('本来あるはずの署名（signature.json）がありません', { timeout: 20_000 });
  await expect(page.locator('#kb-result')).toContainText('送られたときの状態ではありません', {
    timeout: 20_000,
  });
  await context.close();
});

test('a browser without Ed25519 in WebCrypto is told so, and nothing is claimed about the signer', async ({
  browser,
}) => {
  const { context, page } = await offlinePage(browser);
  // As in a browser from before Ed25519 shipped: importing such a key is not supported.
  await context.addInitScript(() => {
    const importKey = crypto.subtle.importKey.bind(crypto.subtle);
    crypto.subtle.importKey = ((...args: Parameters<SubtleCrypto['importKey']>) => {
      const algorithm = args[2] as { name?: string } | string;
      const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
      if (name === 'Ed25519')
        return Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError'));
      return importKey(...args);
    }) as SubtleCrypto['importKey'];
  });
  await checkFolder(page, exported.folder);
  const status = page.locator('#kb-signature-status');
  await expect(status).toContainText('このブラウザは署名を確認できない', { timeout: 20_000 });
  await expect(status).not.toContainText('有効');
  // The files themselves were still checked.
  await expect(page.locator('#kb-result')).toContainText('すべて manifest と一致しました', {
    timeout: 20_000,
  });
  await context.close();
});
