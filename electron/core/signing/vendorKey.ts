import type { KeyObject } from 'node:crypto';
import type { VendorKeyInfo } from '../../../shared/domain/signing';
import { KotaeError } from '../../../shared/errors';
import type { Library, SealerKind } from '../library';
import { fingerprintOf, newKeyPair, privateKeyFrom, publicKeyOf, signBytes } from './keys';

// The vendor's signing key, kept by the library (migration 0120): made on first need, its private
// half sealed by the library's SecretSealer and opened only in memory, only to sign. It never
// leaves the library: not in a bundle, not in an export, not over IPC; a backup carries it so that
// restoring brings back the vendor's identity (see createBackup).

interface Row {
  public_key: Buffer;
  private_key: Buffer;
  sealed_by: SealerKind;
  created_at: string;
}

export interface VendorKey {
  publicKey: Buffer;
  fingerprint: string;
  protection: SealerKind;
  createdAt: string;
}

export interface VendorSigner extends VendorKey {
  sign(data: Buffer): Buffer;
}

function readRow(library: Library): Row | undefined {
  return library.db
    .prepare('SELECT public_key, private_key, sealed_by, created_at FROM vendor_keys WHERE id = 1')
    .get() as Row | undefined;
}

function toKey(row: Row): VendorKey {
  return {
    publicKey: Buffer.from(row.public_key),
    fingerprint: fingerprintOf(row.public_key),
    protection: row.sealed_by,
    createdAt: row.created_at,
  };
}

/** The library's key, or null when it has none yet (or is too old to have the table). */
export function readVendorKey(library: Library): VendorKey | null {
  const hasTable = library.db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'vendor_keys'")
    .get();
  const row = hasTable ? readRow(library) : undefined;
  return row ? toKey(row) : null;
}

export function vendorKeyInfo(key: VendorKey): VendorKeyInfo {
  return { fingerprint: key.fingerprint, protection: key.protection, createdAt: key.createdAt };
}

/**
 * The library's key, made now if it has none (a read-only library cannot make one: null). A key
 * stored plain (made by the CLI, or restored from a backup) is sealed as soon as a process with a
 * keychain touches it.
 */
export async function ensureVendorKey(library: Library): Promise<VendorKey | null> {
  const existing = readVendorKey(library);
  if (existing && existing.protection === 'plain' && library.sealer.kind !== 'plain' && !library.readOnly) {
    await openPrivateKey(library, readRow(library)!);
    return readVendorKey(library);
  }
  if (existing || library.readOnly) return existing;
  const pair = newKeyPair();
  const sealed = await library.sealer.seal(pair.privateKey);
  pair.privateKey.fill(0);
  // Two first needs at once (an export and a publication) may both get here: the first row wins.
  library.mutate(
    { action: 'vendor_key.created', entity: 'vendor_key', summary: fingerprintOf(pair.publicKey) },
    (db) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO vendor_keys (id, algorithm, public_key, private_key, sealed_by, created_at)
           VALUES (1, 'Ed25519', ?, ?, ?, ?)`,
        )
        .run(pair.publicKey, sealed, library.sealer.kind, library.now()),
  );
  return toKey(readRow(library)!);
}

function keySealed(detail: string): KotaeError {
  return new KotaeError('BUNDLE_EXPORT_BLOCKED', { reason: 'keySealed' }, detail, 'bundle:blocked.keySealed');
}

/** Opens the private key, resealing it when the keychain asks or when it was stored plain. */
async function openPrivateKey(library: Library, row: Row): Promise<KeyObject> {
  const sealer = library.sealer;
  if (row.sealed_by !== 'plain' && row.sealed_by !== sealer.kind) {
    throw keySealed(`sealed by ${row.sealed_by}; this process has ${sealer.kind}`);
  }
  let secret: Buffer;
  let reseal: boolean;
  try {
    ({ secret, reseal } =
      row.sealed_by === 'plain'
        ? { secret: Buffer.from(row.private_key), reseal: sealer.kind !== 'plain' }
        : await sealer.unseal(row.private_key));
  } catch (err) {
    throw keySealed(`the keychain did not open the key: ${(err as Error).message}`);
  }
  const key = privateKeyFrom(secret);
  // A key that does not match its public half would sign bundles no one can check: never use it.
  if (!publicKeyOf(key).equals(row.public_key))
    throw keySealed('the private key does not match the public key');
  if (reseal && !library.readOnly) {
    const sealed = await sealer.seal(secret);
    library.mutate({ action: 'vendor_key.sealed', entity: 'vendor_key', summary: sealer.kind }, (db) =>
      db
        .prepare('UPDATE vendor_keys SET private_key = ?, sealed_by = ? WHERE id = 1')
        .run(sealed, sealer.kind),
    );
  }
  secret.fill(0);
  return key;
}

/** The key, made on first need, opened for signing (e.g. one export's manifest). */
export async function vendorSigner(library: Library): Promise<VendorSigner> {
  const key = await ensureVendorKey(library);
  const row = readRow(library);
  if (!key || !row) throw keySealed('a read-only library without a key cannot sign');
  const privateKey = await openPrivateKey(library, row);
  return { ...toKey(readRow(library)!), sign: (data) => signBytes(privateKey, data) };
}

/**
 * The private key as PKCS#8, for a backup of the library (and nothing else): restoring a backup
 * must bring the vendor's identity back, on any computer, so it cannot stay sealed to this one's
 * keychain. Null when there is no key, or it cannot be opened here (then the backup carries it
 * sealed, and only this computer's app can use it after a restore).
 */
export async function vendorKeyForBackup(library: Library): Promise<Buffer | null> {
  const row = readVendorKey(library) ? readRow(library) : undefined;
  if (!row) return null;
  if (row.sealed_by === 'plain') return Buffer.from(row.private_key);
  if (row.sealed_by !== library.sealer.kind) return null;
  try {
    return (await library.sealer.unseal(row.private_key)).secret;
  } catch {
    return null;
  }
}
