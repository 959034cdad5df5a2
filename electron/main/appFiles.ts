import { statSync } from 'node:fs';
import path from 'node:path';
import { confinedRealPath } from '../core/files';

/**
 * The file of the built renderer a kotae-app://app/… request asks for, or null. Without Electron so
 * tests can throw hostile URLs at it. The URL is decoded once, and the result must still lie inside
 * the renderer folder after symlinks are resolved (confinedRealPath): `%2e%2e`, `..%2f`, backslashes
 * and absolute paths all end outside it or nowhere.
 */
export function appFileFor(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== 'app') return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null; // malformed escapes (`%zz`)
  }
  if (relative.includes('\0')) return null;
  const file = confinedRealPath(rendererDir, path.join(rendererDir, relative));
  return file && statSync(file).isFile() ? file : null;
}
