// How a library keeps a secret (the vendor's private signing key) at rest. Core has no Electron:
// the app's main process fills this with Electron's safeStorage (the OS keychain: Keychain on
// macOS, DPAPI on Windows, libsecret or KWallet on Linux); the CLI and the UI harness, which have
// no keychain, keep the secret as it is and say so (`kind: 'plain'`), and never claim otherwise.

export type SealerKind = 'plain' | 'safeStorage';

export interface SecretSealer {
  /** Stored beside each sealed secret, so a reader knows whether it can open it. */
  readonly kind: SealerKind;
  seal(secret: Buffer): Promise<Buffer>;
  /** `reseal`: the keychain rotated its key; seal the secret again and store that. */
  unseal(sealed: Buffer): Promise<{ secret: Buffer; reseal: boolean }>;
}

/** No protection at rest: the library folder's own permissions are all there is. */
export const plainSealer: SecretSealer = {
  kind: 'plain',
  seal: async (secret) => Buffer.from(secret),
  unseal: async (sealed) => ({ secret: Buffer.from(sealed), reseal: false }),
};
