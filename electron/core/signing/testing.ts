import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SecretSealer } from '../library';
import { fingerprintOf, privateKeyFrom, publicKeyOf, signBytes } from './keys';
import type { VendorSigner } from './vendorKey';

// A fixed key for tests and corpora: "someone else's key" (an attacker re-signing a bundle it
// changed), the same on every run. An Ed25519 private key is a 32-byte seed; PKCS#8 wraps it in
// a fixed 16-byte prefix (RFC 8410).

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function testSigner(name = 'someone else'): VendorSigner {
  const seed = createHash('sha256').update(name).digest();
  const privateKey = privateKeyFrom(Buffer.concat([PKCS8_ED25519_PREFIX, seed]));
  const publicKey = publicKeyOf(privateKey);
  return {
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    protection: 'plain',
    createdAt: '2026-01-01T00:00:00.000Z',
    sign: (data) => signBytes(privateKey, data),
  };
}

/**
 * A stand-in for Electron's safeStorage (which needs Electron, absent from the build machines):
 * AES-256-GCM under a key only this object holds, as a keychain holds its key. `rotate()` makes the
 * next unseal ask for a reseal, as safeStorage's shouldReEncrypt does after a key rotation.
 */
export function testKeychain(): SecretSealer & { rotate(): void; opened: number } {
  const key = randomBytes(32);
  let rotated = false;
  const keychain = {
    kind: 'safeStorage' as const,
    opened: 0,
    rotate: () => void (rotated = true),
    seal: async (secret: Buffer) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unseal: async (sealed: Buffer) => {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      const secret = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
      keychain.opened++;
      const reseal = rotated;
      rotated = false;
      return { secret, reseal };
    },
  };
  return keychain;
}
