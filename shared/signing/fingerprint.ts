// The vendor key's fingerprint as people read and compare it: the first 128 bits of the sha256 of
// the raw 32-byte Ed25519 public key, as eight groups of four upper-case hex digits
// ("3F2A 9C1D 0B7E 44A1 8D02 6E5F A913 C7B0"). Shown the same way everywhere: Settings, bundle
// pages, verify.html, `kotae bundle verify`, the FAQ footer and mail signatures. 128 bits are far
// beyond what anyone can match by generating keys; eight short groups can be read aloud.
// resources/bundle-viewer/verify.js repeats this function (no build step there); a test holds the
// two to the same output.

export const FINGERPRINT_PATTERN = /^[0-9A-F]{4}( [0-9A-F]{4}){7}$/;

export function formatFingerprint(sha256Hex: string): string {
  if (!/^[0-9a-f]{64}$/i.test(sha256Hex)) throw new Error('formatFingerprint needs a sha256 in hex');
  return sha256Hex.slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
}
