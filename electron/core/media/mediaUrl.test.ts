import { describe, expect, it } from 'vitest';
import { shaFromMediaPath } from './mediaUrl';

describe('shaFromMediaPath', () => {
  const sha = 'a'.repeat(64);
  it('accepts exactly one sha256', () => {
    expect(shaFromMediaPath(`/${sha}`)).toBe(sha);
  });
  it('refuses anything else, encoded dots included', () => {
    for (const bad of [
      '/../etc/passwd',
      `/${sha}/..`,
      '/%2e%2e/%2e%2e/etc/passwd',
      `/${sha.toUpperCase()}`,
      `/${sha}.mp4`,
      '/',
      '',
    ]) {
      expect(shaFromMediaPath(bad)).toBeNull();
    }
  });
});
