import { z } from 'zod';
import { FINGERPRINT_PATTERN } from '../signing/fingerprint';
import { Timestamp } from './common';

// Signed bundles (issue 15): signature.json beside manifest.json in every bundle, and what the app
// shows of the vendor's key.

export const SIGNATURE_FILE = 'signature.json';
export const SIGNATURE_FORMAT = 'kotae-bundle-signature';

/** signature.json: an Ed25519 signature over the exact bytes of manifest.json, and the key that made it. */
export const BundleSignature = z.strictObject({
  format: z.literal(SIGNATURE_FORMAT),
  formatVersion: z.literal(1),
  algorithm: z.literal('Ed25519'),
  signs: z.literal('manifest.json'),
  /** The raw 32-byte public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  /** The 64-byte signature, base64. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
export type BundleSignature = z.infer<typeof BundleSignature>;

export const Fingerprint = z.string().regex(FINGERPRINT_PATTERN);

/** What a bundle's signature says, as `kotae bundle verify` and the app report it. */
export const SignatureVerdict = z.enum([
  /** Signed by the key of the library it was checked against. */
  'thisLibrary',
  /** Signed, by a key that is not this library's: compare the fingerprint. */
  'otherKey',
  /** Signed; no library to compare with (compare the fingerprint with the vendor's). */
  'signed',
  /** A bundle from before bundles were signed (format 1): who made it cannot be proven. */
  'unsigned',
]);
export type SignatureVerdict = z.infer<typeof SignatureVerdict>;

/** The vendor's key as Settings shows it. */
export const VendorKeyInfo = z.object({
  fingerprint: Fingerprint,
  /** How the private key is kept: sealed by the OS keychain, or plain (no keychain here). */
  protection: z.enum(['safeStorage', 'plain']),
  createdAt: Timestamp,
});
export type VendorKeyInfo = z.infer<typeof VendorKeyInfo>;
