import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { confinedRealPath } from './confine';

const tempDir = useTempDir();

describe('confinedRealPath', () => {
  function layout() {
    const dir = tempDir();
    const media = path.join(dir, 'media');
    mkdirSync(path.join(media, 'ab'), { recursive: true });
    writeFileSync(path.join(media, 'ab', 'file.mp4'), 'video');
    mkdirSync(path.join(dir, 'media-evil'));
    writeFileSync(path.join(dir, 'media-evil', 'x'), 'secret');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    return { dir, media };
  }

  it('allows a file inside the folder', () => {
    const { media } = layout();
    expect(confinedRealPath(media, path.join(media, 'ab', 'file.mp4'))).toMatch(/file\.mp4$/);
  });

  it('refuses traversal with ..', () => {
    const { media } = layout();
    expect(confinedRealPath(media, path.join(media, '..', 'secret.txt'))).toBeNull();
  });

  it('refuses a sibling folder that merely shares the prefix', () => {
    const { dir, media } = layout();
    expect(confinedRealPath(media, path.join(dir, 'media-evil', 'x'))).toBeNull();
  });

  it('refuses a symlink inside the folder that points outside', () => {
    const { dir, media } = layout();
    symlinkSync(path.join(dir, 'secret.txt'), path.join(media, 'ab', 'link.mp4'));
    expect(confinedRealPath(media, path.join(media, 'ab', 'link.mp4'))).toBeNull();
  });

  it('refuses the folder itself and missing files', () => {
    const { media } = layout();
    expect(confinedRealPath(media, media)).toBeNull();
    expect(confinedRealPath(media, path.join(media, 'nope'))).toBeNull();
  });
});
