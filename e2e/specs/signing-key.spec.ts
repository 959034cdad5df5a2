import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { rawZip, type RawEntry } from '../../electron/core/bundles/testing';
import { expect, test } from '../fixtures';

// The vendor's signing key from the vendor's side (issue 15): Settings shows its fingerprint, the
// customer messages carry it, and checking a bundle says whether this library's key signed it.

const FINGERPRINT = /[0-9A-F]{4}( [0-9A-F]{4}){7}/;
const ANSWER = 'スマートフォンで画像が表示されないときの確認手順';

test('Settings shows the signing key, and the customer messages carry its fingerprint', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const key = page.getByTestId('vendor-signing-key');
  await expect(key.getByRole('heading', { name: 'Signing key' })).toBeVisible();
  const fingerprint = (await key.getByTestId('vendor-key-fingerprint').textContent())!;
  expect(fingerprint).toMatch(new RegExp(`^${FINGERPRINT.source}$`));
  // The harness, like the CLI, has no keychain: it says so instead of claiming protection.
  await expect(key).toContainText('stored unencrypted in the library');

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: /スマートフォンで画像が表示されません/ }).click();
  const detail = page.getByTestId('question-detail');
  await detail.getByTestId('status-panel').getByRole('button', { name: '→ Investigating' }).click();
  const message = page.getByTestId('status-dialog').getByTestId('status-draft').getByLabel('Message');
  // The customer writes Japanese: the signature line is Japanese too.
  await expect(message).toHaveValue(
    new RegExp(`フィンガープリント ${fingerprint} の鍵で電子署名しています。$`),
  );
  await page.keyboard.press('Escape');
});

test('Check a bundle: signed with this library’s key, or with another key', async ({ page, app }) => {
  mkdirSync(app.tempDir, { recursive: true });
  await page.getByRole('link', { name: 'Answers' }).click();
  await page.getByRole('button', { name: new RegExp(ANSWER) }).click();
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog');
  const zip = path.join(app.tempDir, 'sent.zip');
  await app.queueDialogs({ chooseSaveFile: [zip] });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('bundle-done')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  await page.getByRole('link', { name: 'Settings' }).click();
  const fingerprint = (await page.getByTestId('vendor-key-fingerprint').textContent())!;
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('button', { name: /田中 美咲/ }).click();
  const history = page.getByTestId('customer-detail').getByTestId('bundle-history');
  await app.queueDialogs({ chooseFiles: [[zip]] });
  await history.getByRole('button', { name: 'Check a bundle…' }).click();
  const signature = history.getByTestId('bundle-verify-signature');
  await expect(signature).toHaveText(`Signed with this library's key (${fingerprint}).`);

  // The same bundle with its manifest signed again by someone else's key.
  const entries: RawEntry[] = [];
  const read = await yauzl.openPromise(zip);
  for await (const entry of read.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await read.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.push({ name: entry.fileName, data: Buffer.concat(chunks), method: 8 });
  }
  read.close();
  const manifest = entries.find((e) => e.name === 'manifest.json')!.data;
  const pair = generateKeyPairSync('ed25519');
  const resigned = entries.map((e) =>
    e.name === 'signature.json'
      ? {
          ...e,
          data: Buffer.from(
            JSON.stringify({
              ...JSON.parse(e.data.toString()),
              publicKey: Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString(
                'base64',
              ),
              signature: sign(null, manifest, pair.privateKey).toString('base64'),
            }),
          ),
        }
      : e,
  );
  const other = path.join(app.tempDir, 'resigned.zip');
  writeFileSync(other, rawZip(resigned));
  await app.queueDialogs({ chooseFiles: [[other]] });
  await history.getByRole('button', { name: 'Check a bundle…' }).click();
  await expect(signature).toHaveAttribute('data-verdict', 'otherKey');
  await expect(signature).toContainText("not this library's: this library did not make it.");
  await expect(signature).not.toContainText(fingerprint);
});
