import { afterEach, describe, expect, it, vi } from 'vitest';

// keychainSealer against a stand-in for Electron's safeStorage (Electron cannot run here): it seals
// with the keychain where there is one, round-trips the bytes, passes on a key rotation, and
// keeps secrets plain where safeStorage would only use its hard-coded basic_text password.

const keychain = {
  available: true,
  backend: 'gnome_libsecret' as string,
  rotated: false,
};

vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: async () => keychain.available,
    getSelectedStorageBackend: () => keychain.backend,
    // Reversible but not the identity: what comes back must be what went in.
    encryptStringAsync: async (text: string) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
    decryptStringAsync: async (sealed: Buffer) => ({
      result: [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
      shouldReEncrypt: keychain.rotated,
    }),
  },
}));

const { keychainSealer } = await import('./keychainSealer');

afterEach(() => {
  Object.assign(keychain, { available: true, backend: 'gnome_libsecret', rotated: false });
});

describe('keychainSealer', () => {
  it('seals with the keychain and gets the same bytes back', async () => {
    const sealer = await keychainSealer();
    expect(sealer.kind).toBe('safeStorage');
    const secret = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
    const sealed = await sealer.seal(secret);
    expect(sealed.includes(secret)).toBe(false);
    expect(await sealer.unseal(sealed)).toEqual({ secret, reseal: false });
    keychain.rotated = true;
    expect((await sealer.unseal(sealed)).reseal).toBe(true);
  });

  it('keeps secrets plain without a keychain, and on Linux with only the basic_text backend', async () => {
    keychain.available = false;
    expect((await keychainSealer()).kind).toBe('plain');
    keychain.available = true;
    keychain.backend = 'basic_text';
    const linux = await keychainSealer();
    expect(linux.kind).toBe(process.platform === 'linux' ? 'plain' : 'safeStorage');
  });
});
