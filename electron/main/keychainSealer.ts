import { safeStorage } from 'electron';
import { plainSealer, type SecretSealer } from '../core/library';

// The library's secrets (the vendor's signing key) sealed with Electron's safeStorage, i.e. the
// OS keychain: macOS Keychain, Windows DPAPI, libsecret or KWallet on Linux. Electron 45 deprecates
// the synchronous isEncryptionAvailable / encryptString / decryptString for their async forms,
// which also tell when the keychain rotated its key (shouldReEncrypt). Call after app 'ready'.
//
// On Linux without a keyring, safeStorage falls back to the `basic_text` backend: a password
// hard-coded in Chromium, which protects nothing. Then we keep the key plain and say so (Settings
// shows "stored unencrypted") rather than claim a protection there is none of.

export async function keychainSealer(): Promise<SecretSealer> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return plainSealer;
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return plainSealer;
  }
  return {
    kind: 'safeStorage',
    // safeStorage seals strings: the key's bytes go in as base64.
    seal: (secret) => safeStorage.encryptStringAsync(secret.toString('base64')),
    unseal: async (sealed) => {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(sealed);
      return { secret: Buffer.from(result, 'base64'), reseal: shouldReEncrypt };
    },
  };
}
