import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  mayGrantPermission,
  mayNavigate,
  sameOrigin,
  secureWebPreferences,
  windowOpenDecision,
} from './policy';

// The rules every window lives by. Electron cannot start here, so the decisions are pure functions
// (policy.ts) that security.ts and window.ts only wire up; the wiring is checked in the source.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ours = sameOrigin('kotae-app://app/index.html');

function electronSources(): { file: string; text: string }[] {
  const dir = path.join(root, 'electron');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f))
    .map((f) => ({
      file: `electron/${f.split(path.sep).join('/')}`,
      text: readFileSync(path.join(dir, f), 'utf8'),
    }));
}

describe('windows', () => {
  it('keep context isolation and the sandbox on and Node off', () => {
    expect(secureWebPreferences.contextIsolation).toBe(true);
    expect(secureWebPreferences.sandbox).toBe(true);
    expect(secureWebPreferences.nodeIntegration).toBe(false);
    expect(secureWebPreferences.nodeIntegrationInSubFrames).toBe(false);
    expect(secureWebPreferences.webviewTag).toBe(false);
  });

  it('are all created in window.ts with those preferences, and nothing weakens them', () => {
    const sources = electronSources();
    const creators = sources.filter((s) => /new BrowserWindow\(/.test(s.text)).map((s) => s.file);
    expect(creators).toEqual(['electron/main/window.ts']);
    const weakening = sources.filter((s) =>
      /nodeIntegration\w*:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|webviewTag:\s*true/.test(
        s.text,
      ),
    );
    expect(weakening.map((s) => s.file)).toEqual([]);
    // No <webview>, no remote module, no second window type (BrowserView, WebContentsView).
    expect(
      sources.filter((s) => /BrowserView|WebContentsView|@electron\/remote/.test(s.text)).map((s) => s.file),
    ).toEqual([]);
  });

  it('never navigate away from our page; a subframe (a mail) loads no URL at all', () => {
    const main = (url: string) => ({ url, isMainFrame: true });
    const sub = (url: string) => ({ url, isMainFrame: false });
    expect(mayNavigate(main('kotae-app://app/index.html#/answers'), ours)).toBe(true);
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'kotae-app://evil/',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      expect(mayNavigate(main(url), ours), url).toBe(false);
    }
    expect(mayNavigate(sub('about:srcdoc'), ours)).toBe(true);
    for (const url of [
      'https://example.com/',
      'kotae-app://app/index.html',
      'data:text/html,x',
      'file:///x',
    ]) {
      expect(mayNavigate(sub(url), ours), url).toBe(false);
    }
  });

  it('never open a new window; safe links go to the OS browser, the rest nowhere', () => {
    expect(windowOpenDecision('https://example.com/help')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenDecision('mailto:a@example.com')).toEqual({ action: 'deny', openExternally: true });
    for (const url of [
      'http://example.com',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'smb://h/s',
      'kotae-app://app/',
    ]) {
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny', openExternally: false });
    }
  });

  it('grant capture, clipboard writes and fullscreen to our page’s main frame only, nothing else to anyone', () => {
    const page = {
      requestingUrl: 'kotae-app://app/index.html',
      isMainFrame: true,
      topUrl: 'kotae-app://app/index.html',
    };
    for (const permission of ['media', 'display-capture', 'clipboard-sanitized-write', 'fullscreen'])
      expect(mayGrantPermission(permission, page, ours), permission).toBe(true);
    // Checks may name the origin only.
    expect(mayGrantPermission('media', { requestingUrl: 'kotae-app://app', isMainFrame: true }, ours)).toBe(
      true,
    );
    expect(mayGrantPermission('media', { ...page, requestingUrl: 'https://evil.example/' }, ours)).toBe(
      false,
    );
    // Judged for the frame that asks: a subframe inside our page gets nothing, whatever its URL.
    expect(mayGrantPermission('media', { ...page, isMainFrame: false }, ours)).toBe(false);
    expect(mayGrantPermission('fullscreen', { ...page, embeddingOrigin: 'kotae-app://app' }, ours)).toBe(
      false,
    );
    expect(
      mayGrantPermission('media', { ...page, requestingUrl: 'about:srcdoc', isMainFrame: false }, ours),
    ).toBe(false);
    expect(mayGrantPermission('media', { ...page, topUrl: 'https://evil.example/' }, ours)).toBe(false);
    expect(mayGrantPermission('media', { ...page, requestingUrl: undefined }, ours)).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
      'hid',
      'serial',
      'usb',
      'midiSysex',
    ]) {
      expect(mayGrantPermission(permission, page, ours), permission).toBe(false);
    }
  });

  it('the shell wires those decisions into Electron', () => {
    const security = readFileSync(path.join(root, 'electron/main/security.ts'), 'utf8');
    expect(security).toMatch(/'will-frame-navigate'[\s\S]*?mayNavigate/);
    expect(security).toMatch(/'will-redirect'[\s\S]*?mayNavigate/);
    expect(security).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    expect(security).toMatch(/setWindowOpenHandler[\s\S]*?windowOpenDecision/);
    expect(security).toMatch(/setPermissionRequestHandler[\s\S]*?mayGrantPermission/);
    expect(security).toMatch(/setPermissionCheckHandler[\s\S]*?mayGrantPermission/);
    const main = readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toMatch(/applySecurityPolicy\(isTrustedUrl\)/);
    expect(main).toMatch(/handlers = createHandlers\(studio\);\s*registerIpc\(handlers, isTrustedUrl\)/);
    // Every door to the OS's URL handler checks the URL first.
    const opens = electronSources().flatMap((s) =>
      [...s.text.matchAll(/^.*shell\.openExternal\(.*$/gm)].map((m) => ({ file: s.file, line: m[0] })),
    );
    expect(opens.length).toBeGreaterThan(0);
    for (const { file, line } of opens) {
      const text = readFileSync(path.join(root, file), 'utf8');
      const before = text.slice(Math.max(0, text.indexOf(line) - 300), text.indexOf(line));
      // A URL from the page is checked; the one fixed URL (macOS privacy settings) is a constant.
      expect(before + line, file).toMatch(
        /isSafeExternalUrl\(url\)|decision\.openExternally|openExternal\(SCREEN_RECORDING_SETTINGS\)/,
      );
    }
    const ipc = readFileSync(path.join(root, 'electron/main/ipc.ts'), 'utf8');
    expect(ipc).toMatch(/invokeFromWindow\(handlers, channel, event\.senderFrame, input, isTrustedUrl/);
  });
});
