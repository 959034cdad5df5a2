import { BundleSignature, SIGNATURE_FORMAT } from '../../../shared/domain/signing';
import { fingerprintOf, verifySignature, type VendorSigner } from '../signing';
import { invalid } from './verify';

// signature.json (issue 15): the vendor's Ed25519 signature over the exact bytes of manifest.json,
// with the public key that made it. The manifest holds every file's sha256, so a valid signature
// covers the whole bundle; it is detached (a file of its own, not listed in the manifest it signs).
// Anyone can make a valid signature with a key of their own: what tells the customer who signed is
// the key's fingerprint, which the vendor also prints in their e-mails and on their FAQ site.

export interface BundleSigner {
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
  fingerprint: string;
}

export function signatureFile(signer: VendorSigner, manifest: Buffer): Buffer {
  const signature: BundleSignature = {
    format: SIGNATURE_FORMAT,
    formatVersion: 1,
    algorithm: 'Ed25519',
    signs: 'manifest.json',
    publicKey: signer.publicKey.toString('base64'),
    signature: signer.sign(manifest).toString('base64'),
  };
  return Buffer.from(`${JSON.stringify(signature, null, 2)}\n`, 'utf8');
}

/** The signer of `manifest`, when `data` is a valid signature.json for exactly those bytes. */
export function checkSignature(data: Buffer, manifest: Buffer): BundleSigner {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (err) {
    throw invalid('badSignature', {}, `signature.json is not JSON: ${(err as Error).message}`);
  }
  const parsed = BundleSignature.safeParse(json);
  if (!parsed.success)
    throw invalid('badSignature', {}, `signature.json: ${parsed.error.issues[0]?.message}`);
  const publicKey = Buffer.from(parsed.data.publicKey, 'base64');
  if (!verifySignature(publicKey, manifest, Buffer.from(parsed.data.signature, 'base64'))) {
    throw invalid('badSignature', {}, 'the signature does not match the bytes of manifest.json');
  }
  return { publicKey: parsed.data.publicKey, fingerprint: fingerprintOf(publicKey) };
}
