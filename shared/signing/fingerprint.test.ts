import { describe, expect, it } from 'vitest';
import { FINGERPRINT_PATTERN, formatFingerprint } from './fingerprint';

describe('formatFingerprint', () => {
  it('shows the first 128 bits of a sha256 as eight groups of four upper-case hex digits', () => {
    const hex = '3f2a9c1d0b7e44a18d026e5fa913c7b0ffffffffffffffffffffffffffffffff';
    expect(formatFingerprint(hex)).toBe('3F2A 9C1D 0B7E 44A1 8D02 6E5F A913 C7B0');
    expect(formatFingerprint(hex)).toMatch(FINGERPRINT_PATTERN);
    expect(formatFingerprint(hex.toUpperCase())).toBe(formatFingerprint(hex));
  });

  it('refuses anything but a sha256 in hex', () => {
    expect(() => formatFingerprint('abc')).toThrow();
    expect(() => formatFingerprint('z'.repeat(64))).toThrow();
  });
});
