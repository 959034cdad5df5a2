import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../core/testing';
import { appFileFor } from './appFiles';

// kotae-app://app/… serves the built renderer and nothing else, whatever the URL says.

const tempDir = useTempDir('kotae-app-files-');

function layout() {
  const dir = tempDir();
  const renderer = path.join(dir, 'out', 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(renderer, 'assets', 'index.js'), '');
  writeFileSync(path.join(renderer, 'assets', '..hidden.js'), '');
  writeFileSync(path.join(dir, 'out', 'secret.txt'), 'secret');
  mkdirSync(path.join(dir, 'out', 'renderer-evil'));
  writeFileSync(path.join(dir, 'out', 'renderer-evil', 'x.js'), 'secret');
  symlinkSync(path.join(dir, 'out', 'secret.txt'), path.join(renderer, 'assets', 'link.js'));
  return { dir, renderer };
}

describe('appFileFor', () => {
  it('serves the page and its assets', () => {
    const { renderer } = layout();
    expect(appFileFor(renderer, 'kotae-app://app/')).toMatch(/index\.html$/);
    expect(appFileFor(renderer, 'kotae-app://app/index.html')).toMatch(/index\.html$/);
    expect(appFileFor(renderer, 'kotae-app://app/assets/index.js?v=1#x')).toMatch(/assets[\\/]index\.js$/);
    expect(appFileFor(renderer, 'kotae-app://app/assets/..hidden.js')).toMatch(/\.\.hidden\.js$/);
  });

  it('refuses traversal, encoded or not, backslashes, absolute paths, symlinks and other hosts', () => {
    const { dir, renderer } = layout();
    for (const url of [
      'kotae-app://app/../secret.txt',
      'kotae-app://app/%2e%2e/secret.txt',
      'kotae-app://app/%2E%2E%2Fsecret.txt',
      'kotae-app://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'kotae-app://app/..%5csecret.txt',
      'kotae-app://app/assets%5c..%5c..%5csecret.txt',
      'kotae-app://app/%252e%252e/secret.txt',
      `kotae-app://app/${encodeURIComponent(path.join(dir, 'out', 'secret.txt'))}`,
      'kotae-app://app//etc/passwd',
      'kotae-app://app/%2Fetc%2Fpasswd',
      'kotae-app://app/../renderer-evil/x.js',
      'kotae-app://app/assets/link.js',
      'kotae-app://app/index.html%00.js',
      'kotae-app://app/%zz',
      'kotae-app://evil/index.html',
      'kotae-app://app/assets',
      'kotae-app://app/missing.js',
      'not a url',
    ]) {
      expect(appFileFor(renderer, url), url).toBeNull();
    }
  });
});
