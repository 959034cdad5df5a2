import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_PATTERN } from '../../../shared/signing/fingerprint';
import { createBackup, restoreBackup } from '../backup';
import { createLibrary, listLog, openLibrary, seedDemo } from '../library';
import { useTempDir } from '../testing';
import { verifySignature } from './keys';
import { testKeychain } from './testing';
import { ensureVendorKey, readVendorKey, vendorKeyForBackup, vendorSigner } from './vendorKey';

// The vendor's key on real SQLite files: made on first need, sealed by the keychain where there is
// one, never opened where it cannot be, carried by a backup so a restore keeps the vendor's identity.

const tempDir = useTempDir('kotae-vendor-key-');
const message = Buffer.from('{"format":"kotae-answer-bundle"}\n');

function storedPrivateKey(dir: string): { private_key: Buffer; sealed_by: string } {
  const library = openLibrary(dir, { readOnly: true });
  try {
    return library.db.prepare('SELECT private_key, sealed_by FROM vendor_keys').get() as {
      private_key: Buffer;
      sealed_by: string;
    };
  } finally {
    library.close();
  }
}

describe('the vendor key', () => {
  it('is made on first need, once, with a work-log entry, and then stays the same', async () => {
    const library = createLibrary(path.join(tempDir(), 'lib'), { seed: seedDemo });
    expect(readVendorKey(library)).toBeNull();
    const first = await ensureVendorKey(library);
    expect(first!.fingerprint).toMatch(FINGERPRINT_PATTERN);
    expect(first!.protection).toBe('plain');
    const again = await ensureVendorKey(library);
    expect(again!.fingerprint).toBe(first!.fingerprint);
    // Two first needs at once: one key.
    const other = createLibrary(path.join(tempDir(), 'lib2'));
    const [a, b] = await Promise.all([ensureVendorKey(other), ensureVendorKey(other)]);
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(other.db.prepare('SELECT count(*) AS n FROM vendor_keys').get()).toEqual({ n: 1 });
    other.close();

    expect(listLog(library.db, { limit: 5 }).map((l) => l.action)).toContain('vendor_key.created');
    const signer = await vendorSigner(library);
    expect(verifySignature(signer.publicKey, message, signer.sign(message))).toBe(true);
    expect(verifySignature(signer.publicKey, Buffer.from(`${message}x`), signer.sign(message))).toBe(false);
    library.close();
  });

  it('is not made by a read-only library, which still reads one that exists', async () => {
    const dir = path.join(tempDir(), 'lib');
    createLibrary(dir).close();
    const readOnly = openLibrary(dir, { readOnly: true });
    expect(await ensureVendorKey(readOnly)).toBeNull();
    readOnly.close();
    const writable = openLibrary(dir);
    const made = await ensureVendorKey(writable);
    writable.close();
    const again = openLibrary(dir, { readOnly: true });
    expect((await ensureVendorKey(again))!.fingerprint).toBe(made!.fingerprint);
    again.close();
  });

  it('is stored sealed by the keychain, and only a process with that keychain can sign with it', async () => {
    const dir = path.join(tempDir(), 'lib');
    const keychain = testKeychain();
    const app = createLibrary(dir, { sealer: keychain });
    const signer = await vendorSigner(app);
    const pkcs8 = await vendorKeyForBackup(app);
    app.close();
    const stored = storedPrivateKey(dir);
    expect(stored.sealed_by).toBe('safeStorage');
    // The seed (the last 32 bytes of the PKCS#8 form) is nowhere in the stored bytes.
    expect(stored.private_key.includes(pkcs8!.subarray(-32))).toBe(false);

    // The CLI has no keychain: it reads the fingerprint but cannot sign.
    const cli = openLibrary(dir, { actor: 'cli' });
    expect(readVendorKey(cli)!.fingerprint).toBe(signer.fingerprint);
    await expect(vendorSigner(cli)).rejects.toMatchObject({
      code: 'BUNDLE_EXPORT_BLOCKED',
      params: { reason: 'keySealed' },
      messageKey: 'bundle:blocked.keySealed',
    });
    expect(await vendorKeyForBackup(cli)).toBeNull();
    cli.close();
    // Another computer's keychain cannot open it either.
    const elsewhere = openLibrary(dir, { sealer: testKeychain() });
    await expect(vendorSigner(elsewhere)).rejects.toMatchObject({ params: { reason: 'keySealed' } });
    elsewhere.close();
  });

  it('is sealed as soon as the app touches a key stored plain, and sealed again when the keychain rotates', async () => {
    const dir = path.join(tempDir(), 'lib');
    const cli = createLibrary(dir, { actor: 'cli' });
    const made = await ensureVendorKey(cli);
    cli.close();
    expect(storedPrivateKey(dir).sealed_by).toBe('plain');

    const keychain = testKeychain();
    const app = openLibrary(dir, { sealer: keychain });
    expect(await ensureVendorKey(app)).toMatchObject({
      fingerprint: made!.fingerprint,
      protection: 'safeStorage',
    });
    const sealed = storedPrivateKey(dir).private_key;
    keychain.rotate();
    const signer = await vendorSigner(app);
    expect(signer.fingerprint).toBe(made!.fingerprint);
    expect(storedPrivateKey(dir).private_key.equals(sealed)).toBe(false);
    expect(verifySignature(signer.publicKey, message, signer.sign(message))).toBe(true);
    app.close();
  });

  it('refuses a private key that does not match its public key', async () => {
    const dir = path.join(tempDir(), 'lib');
    const one = createLibrary(dir);
    await ensureVendorKey(one);
    const other = createLibrary(path.join(tempDir(), 'other'));
    await ensureVendorKey(other);
    const foreign = await vendorKeyForBackup(other);
    other.close();
    one.db.prepare('UPDATE vendor_keys SET private_key = ?').run(foreign);
    await expect(vendorSigner(one)).rejects.toMatchObject({ params: { reason: 'keySealed' } });
    one.close();
  });

  it('travels in a backup, unsealed, so a restore anywhere signs as the same vendor; the library stays sealed', async () => {
    const dir = path.join(tempDir(), 'lib');
    const app = createLibrary(dir, { seed: seedDemo, sealer: testKeychain() });
    const original = await vendorSigner(app);
    const zip = path.join(tempDir(), 'backup.zip');
    const result = await createBackup(app, zip, { signal: new AbortController().signal, appVersion: 't' });
    expect(result.vendorKey).toBe('included');
    app.close();
    expect(storedPrivateKey(dir).sealed_by).toBe('safeStorage');

    const restoredDir = path.join(tempDir(), 'restored');
    await restoreBackup(zip, restoredDir, { signal: new AbortController().signal });
    // On another computer (no keychain here: the CLI) the restored key signs, as the same vendor.
    const restored = openLibrary(restoredDir, { actor: 'cli' });
    const signer = await vendorSigner(restored);
    expect(signer.fingerprint).toBe(original.fingerprint);
    expect(verifySignature(original.publicKey, message, signer.sign(message))).toBe(true);
    restored.close();

    // The CLI cannot open the app's sealed key: the backup carries it sealed, and says so.
    const cli = openLibrary(dir, { readOnly: true, actor: 'cli' });
    const sealed = await createBackup(cli, path.join(tempDir(), 'cli.zip'), {
      signal: new AbortController().signal,
      appVersion: 't',
    });
    expect(sealed.vendorKey).toBe('sealed');
    cli.close();
  });
});
