import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { formatFingerprint } from '../../../shared/signing/fingerprint';

// Ed25519 with Node's crypto: raw 32-byte public keys (what signature.json carries and WebCrypto
// imports as 'raw'), PKCS#8 DER private keys (what the library stores, sealed).

export function fingerprintOf(publicKey: Buffer): string {
  return formatFingerprint(createHash('sha256').update(publicKey).digest('hex'));
}

export function newKeyPair(): { publicKey: Buffer; privateKey: Buffer } {
  const pair = generateKeyPairSync('ed25519');
  return {
    publicKey: Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

export function privateKeyFrom(pkcs8: Buffer): KeyObject {
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key: ${key.asymmetricKeyType}`);
  return key;
}

export function publicKeyOf(privateKey: KeyObject): Buffer {
  return Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
}

export function signBytes(privateKey: KeyObject, data: Buffer): Buffer {
  return sign(null, data, privateKey);
}

/** Whether `signature` is `publicKey`'s Ed25519 signature of exactly `data`. */
export function verifySignature(publicKey: Buffer, data: Buffer, signature: Buffer): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
    format: 'jwk',
  });
  return verify(null, data, key, signature);
}
