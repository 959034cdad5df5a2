import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allowedPermissions,
  isSafeExternalUrl,
  isTrustedSender,
  sameOrigin,
  secureWebPreferences,
} from './policy';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('Electron security policy', () => {
  it('windows are isolated and sandboxed, without Node', () => {
    expect(secureWebPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('every window is created with those preferences', () => {
    const source = readFileSync(path.join(root, 'electron/main/window.ts'), 'utf8');
    expect(source).toMatch(/webPreferences: \{ \.\.\.secureWebPreferences, preload: preloadPath\(\) \}/);
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1);
  });

  it('grants capture, clipboard writes and fullscreen only', () => {
    expect([...allowedPermissions].sort()).toEqual([
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'media',
    ]);
  });

  it('opens only https and mailto links outside the app', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    expect(isSafeExternalUrl('mailto:a@example.com')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'kotae-app://app/x',
      'smb://host/share',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });

  it('accepts IPC only from the main frame of our own origin', () => {
    const ours = sameOrigin('kotae-app://app');
    expect(isTrustedSender({ parent: null, url: 'kotae-app://app/index.html#/inbox' }, ours)).toBe(true);
    expect(isTrustedSender({ parent: {}, url: 'kotae-app://app/index.html' }, ours)).toBe(false);
    expect(isTrustedSender({ parent: null, url: 'https://evil.example/' }, ours)).toBe(false);
    expect(isTrustedSender({ parent: null, url: 'file:///tmp/x.html' }, ours)).toBe(false);
    expect(isTrustedSender(null, ours)).toBe(false);
    expect(isTrustedSender({ parent: null, url: 'kotae-app://evil/index.html' }, ours)).toBe(false);
    expect(isTrustedSender({ parent: null, url: 'data:text/html,hi' }, ours)).toBe(false);
    const dev = sameOrigin('http://localhost:5173/');
    expect(dev('http://localhost:5173/#/inbox')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
  });

  it('the page has a strict CSP: no network, no inline script, no eval', () => {
    const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
