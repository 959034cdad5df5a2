// SHA-256 for verify.js, from @noble/hashes (audited, streaming). Browsers give file:// pages
// crypto.subtle (they count as secure contexts), but it hashes only whole buffers at once: this one
// hashes large videos in slices, and serves browsers without crypto.subtle. Bundled to ../sha256.js
// by `node scripts/build-bundle-viewer.mjs`; the bundle is committed, as the app writes bundles
// without a build tool at run time.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** What verify.js calls: `KotaeSha256.create().update(bytes).hex()`. */
export interface IncrementalSha256 {
  /** Adds bytes; returns the same hash, for chaining. */
  update(bytes: Uint8Array): IncrementalSha256;
  /** The digest as 64 lower-case hex characters; the hash cannot be updated afterwards. */
  hex(): string;
}

export function createSha256(): IncrementalSha256 {
  const hash = sha256.create();
  const api: IncrementalSha256 = {
    update(bytes) {
      hash.update(bytes);
      return api;
    },
    hex: () => bytesToHex(hash.digest()),
  };
  return api;
}

declare global {
  interface Window {
    KotaeSha256: { create(): IncrementalSha256 };
  }
}

window.KotaeSha256 = { create: createSha256 };
