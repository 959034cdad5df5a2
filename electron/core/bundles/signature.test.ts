import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_FILE } from '../../../shared/domain/signing';
import { FINGERPRINT_PATTERN } from '../../../shared/signing/fingerprint';
import { createLibrary, type Library } from '../library';
import { ensureVendorKey, readVendorKey, vendorKeyForBackup } from '../signing';
import { testSigner } from '../signing/testing';
import { useTempDir } from '../testing';
import { exportBundle } from './export';
import { sha256Of } from './manifest';
import { verifyReport } from './report';
import { checkSignature, signatureFile } from './signature';
import { makeBundleFixture } from './testing';
import { verifyBundleZip } from './verify';
import { rawZip, type RawEntry } from './zip/rawZip';

// Signed bundles (issue 15) through the real export, on a real library: who signed a bundle, and
// what a forger who changes a file can and cannot make the checks say.

const tempDir = useTempDir('kotae-signature-');
let shared = '';
let library: Library;
let zipPath = '';
let folderPath = '';
let emailBody = '';
let sound: RawEntry[] = [];

beforeAll(async () => {
  shared = mkdtempSync(path.join(os.tmpdir(), 'kotae-signature-shared-'));
  const fx = await makeBundleFixture(path.join(shared, 'lib'), shared);
  library = fx.library;
  expect(readVendorKey(library)).toBeNull();
  zipPath = path.join(shared, 'answer.zip');
  folderPath = path.join(shared, 'answer');
  const record = await exportBundle(
    library,
    {
      answerId: fx.answerId,
      customerId: fx.customerId,
      questionId: null,
      personalised: true,
      videoRendition: 'original',
      zip: true,
      folder: true,
    },
    { zipPath, folderPath },
    { appVersion: 'test' },
    { signal: new AbortController().signal, progress: () => undefined },
  );
  emailBody = record.emailBody;
  const zip = await yauzl.openPromise(zipPath);
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    sound.push({ name: entry.fileName, data: Buffer.concat(chunks), method: 8 });
  }
  zip.close();
});

afterAll(() => {
  library.close();
  rmSync(shared, { recursive: true, force: true });
  sound = [];
});

const entry = (name: string) => sound.find((e) => e.name === name)!.data;

function write(entries: RawEntry[]): string {
  const file = path.join(tempDir(), 'bundle.zip');
  writeFileSync(file, rawZip(entries));
  return file;
}

/** index.html changed, and the manifest re-hashed to match; signed again by `signer`, or left as it was. */
function forged(signer: ReturnType<typeof testSigner> | null): RawEntry[] {
  const page = Buffer.from(
    entry('index.html').toString().replace('</main>', '<p>Send your password</p></main>'),
  );
  const manifest = JSON.parse(entry('manifest.json').toString()) as {
    files: { path: string; size: number; sha256: string }[];
  };
  const f = manifest.files.find((x) => x.path === 'index.html')!;
  f.size = page.length;
  f.sha256 = sha256Of(page);
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
  return sound.map((e) =>
    e.name === 'index.html'
      ? { ...e, data: page }
      : e.name === 'manifest.json'
        ? { ...e, data: bytes }
        : e.name === SIGNATURE_FILE && signer
          ? { ...e, data: signatureFile(signer, bytes) }
          : e,
  );
}

describe('signed bundles', () => {
  it('are signed at export with the library key, made on first need, in the zip and the folder', async () => {
    const key = readVendorKey(library)!;
    expect(key.fingerprint).toMatch(FINGERPRINT_PATTERN);
    const verified = await verifyBundleZip(zipPath);
    expect(verified.manifest.formatVersion).toBe(2);
    expect(verified.signer).toEqual({
      publicKey: key.publicKey.toString('base64'),
      fingerprint: key.fingerprint,
    });
    // The folder carries the same manifest and signature.
    const manifest = readFileSync(path.join(folderPath, 'manifest.json'));
    expect(manifest.equals(entry('manifest.json'))).toBe(true);
    expect(checkSignature(readFileSync(path.join(folderPath, SIGNATURE_FILE)), manifest).fingerprint).toBe(
      key.fingerprint,
    );
    // A second export signs with the same key.
    expect((await ensureVendorKey(library))!.fingerprint).toBe(key.fingerprint);
  });

  it('show the fingerprint on both pages and in the e-mail, and never carry the private key', async () => {
    const { fingerprint } = readVendorKey(library)!;
    expect(entry('index.html').toString()).toContain(
      `data-testid="bundle-fingerprint">${fingerprint}</code>`,
    );
    expect(entry('verify.html').toString()).toContain(`data-fingerprint="${fingerprint}"`);
    expect(entry('email.txt').toString()).toContain(fingerprint);
    expect(emailBody).toContain(`フィンガープリント ${fingerprint} の鍵で電子署名しています。`);

    const pkcs8 = (await vendorKeyForBackup(library))!;
    const seed = pkcs8.subarray(-32);
    const files = [readFileSync(zipPath)];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(readFileSync(full));
      }
    };
    walk(folderPath);
    for (const data of [...files, ...sound.map((e) => e.data)]) {
      for (const secret of [
        seed,
        Buffer.from(seed.toString('base64')),
        Buffer.from(seed.toString('hex')),
        pkcs8,
      ]) {
        expect(data.includes(secret)).toBe(false);
      }
    }
  });

  it('say which library made them: this one, another one, or (without a library) only which key', async () => {
    const { fingerprint } = readVendorKey(library)!;
    expect((await verifyReport(zipPath, library)).signature).toEqual({
      verdict: 'thisLibrary',
      fingerprint,
      libraryFingerprint: fingerprint,
    });
    expect((await verifyReport(zipPath, null)).signature).toEqual({
      verdict: 'signed',
      fingerprint,
      libraryFingerprint: null,
    });
    const other = createLibrary(path.join(tempDir(), 'other'));
    const otherKey = (await ensureVendorKey(other))!;
    expect((await verifyReport(zipPath, other)).signature).toEqual({
      verdict: 'otherKey',
      fingerprint,
      libraryFingerprint: otherKey.fingerprint,
    });
    other.close();
  });

  it('refuse a changed file whose manifest was re-hashed but not signed again, also against the library', async () => {
    const file = write(forged(null));
    await expect(verifyBundleZip(file)).rejects.toMatchObject({ params: { reason: 'badSignature' } });
    const report = await verifyReport(file, library);
    expect(report).toMatchObject({
      sound: false,
      error: { params: { reason: 'badSignature' } },
      signature: null,
    });
  });

  it('show a bundle signed again by a forger as signed by another key', async () => {
    const forger = testSigner('forger');
    const file = write(forged(forger));
    const report = await verifyReport(file, library);
    expect(report.sound).toBe(true);
    expect(report.signature).toEqual({
      verdict: 'otherKey',
      fingerprint: forger.fingerprint,
      libraryFingerprint: readVendorKey(library)!.fingerprint,
    });
    expect(report.record).toBeNull();
  });

  it('refuse a signed bundle whose signature was removed, and call an old format-1 bundle unsigned', async () => {
    const stripped = write(sound.filter((e) => e.name !== SIGNATURE_FILE));
    await expect(verifyBundleZip(stripped)).rejects.toMatchObject({ params: { reason: 'signatureMissing' } });

    // A bundle exported before signing: format 1, no signature.json. The library's record (its
    // manifest's sha256) is what still proves it was sent from here.
    const manifest = Buffer.from(
      entry('manifest.json').toString().replace('"formatVersion": 2', '"formatVersion": 1'),
    );
    const old = write(
      sound
        .filter((e) => e.name !== SIGNATURE_FILE)
        .map((e) => (e.name === 'manifest.json' ? { ...e, data: manifest } : e)),
    );
    const unknown = await verifyReport(old, library);
    expect(unknown).toMatchObject({
      sound: true,
      record: null,
      signature: { verdict: 'unsigned', fingerprint: null },
    });
    const id = library.db.prepare('SELECT id FROM bundles ORDER BY id DESC LIMIT 1').pluck().get() as number;
    const current = library.db
      .prepare('SELECT manifest_sha256 FROM bundles WHERE id = ?')
      .pluck()
      .get(id) as string;
    library.db.prepare('UPDATE bundles SET manifest_sha256 = ? WHERE id = ?').run(sha256Of(manifest), id);
    try {
      expect(await verifyReport(old, library)).toMatchObject({
        sound: true,
        record: { id },
        signature: { verdict: 'unsigned' },
      });
    } finally {
      library.db.prepare('UPDATE bundles SET manifest_sha256 = ? WHERE id = ?').run(current, id);
    }
  });
});
