import { createHash } from 'node:crypto';
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
