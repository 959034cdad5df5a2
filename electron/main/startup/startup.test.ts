import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/api';
import { useTempDir } from '../../core/testing';
import { secureWebPreferences } from '../policy';

// The Electron shell cannot start here (no binary), so its BUILT main bundle starts under plain Node
// against a recording stand-in for the `electron` module (fakeElectron.mjs, as strict as Electron
// about what may happen before and after `ready`), and the probe drives start-up, requests and quit.
// `npm test` builds before running this; alone, run `npm run build` first.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const mainBundle = path.join(root, 'out/main/index.js');
const tempDir = useTempDir();

interface Report {
  problems: string[];
  errorBoxes: unknown[];
  calls: { api: string; afterReady: boolean; args?: unknown[] }[];
  [key: string]: unknown;
}

function probe(main = mainBundle): { status: number | null; report: Report } {
  const run = spawnSync(process.execPath, [path.join(here, 'startupProbe.mjs'), main, tempDir()], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('STARTUP_REPORT '));
  if (!line)
    throw new Error(`the probe printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { status: run.status, report: JSON.parse(line.slice('STARTUP_REPORT '.length)) as Report };
}

describe('the Electron main process starts (built bundle, stand-in electron)', () => {
  it('is built', () => {
    expect(existsSync(mainBundle), 'out/main/index.js: run `npm run build`').toBe(true);
    expect(statSync(mainBundle).size).toBeGreaterThan(10_000);
  });

  let status: number | null = null;
  let report = { problems: ['not started'], errorBoxes: [], calls: [] } as Report;
  beforeAll(() => {
    if (existsSync(mainBundle)) ({ status, report } = probe());
  }, 90_000);

  it('starts, serves, answers and quits without an exception or an error box', () => {
    expect(report.problems).toEqual([]);
    expect(report.errorBoxes).toEqual([]);
    expect(status).toBe(0);
  });

  it('takes the single-instance lock first and registers the schemes before ready', () => {
    const apis = report.calls.map((c) => c.api);
    expect(apis.indexOf('app.requestSingleInstanceLock')).toBeLessThan(apis.indexOf('(ready)'));
    const schemes = report.calls.find((c) => c.api === 'protocol.registerSchemesAsPrivileged')!;
    expect(schemes.afterReady).toBe(false);
    expect(schemes.args![0]).toEqual([
      { scheme: 'kotae-app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      {
        scheme: 'kotae-media',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
      },
    ]);
    const handled = report.calls.filter((c) => c.api === 'protocol.handle');
    expect(handled.map((c) => c.args![0])).toEqual(['kotae-app', 'kotae-media']);
    expect(handled.every((c) => c.afterReady)).toBe(true);
  });

  it('asks the keychain after ready, and keeps the vendor key plain where it is the basic_text stand-in', () => {
    const asked = report.calls.filter((c) => c.api.startsWith('safeStorage.'));
    expect(asked.map((c) => c.api)).toEqual([
      'safeStorage.isAsyncEncryptionAvailable',
      'safeStorage.getSelectedStorageBackend',
    ]);
    expect(asked.every((c) => c.afterReady)).toBe(true);
  });

  it('opens one window with the secure preferences, an existing preload, on our own page', () => {
    expect(report.webPreferences).toEqual({
      ...secureWebPreferences,
      preload: expect.stringMatching(/index\.cjs$/),
    });
    expect(report.preloadExists).toBe(true);
    expect(report.loadUrl).toBe('kotae-app://app/index.html');
    expect(report.calls.filter((c) => c.api === 'new BrowserWindow')).toHaveLength(1);
  });

  it('registers a handler for every channel of the contract, and SQLite opens the library', () => {
    expect(report.ipcChannels).toEqual([...channelNames].sort());
    // better-sqlite3's binding loaded and the demo library opened: the app did not fall back to an error.
    expect(report.libraryState).toMatchObject({ ok: true, value: { status: 'open' } });
    expect(report.appInfo).toMatchObject({ ok: true, value: { shell: 'electron' } });
    expect(report.fromSubframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(report.fromElsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('serves the page and its media through the registered protocols: ranges and CORS included', () => {
    expect(report.appIndex).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    expect(report.appEscape).toMatchObject({ status: 404 });
    expect(report.storedImage).toBe(true);
    expect(report.media).toMatchObject({
      status: 206,
      size: 10,
      headers: {
        'content-range': expect.stringMatching(/^bytes 0-9\/\d+$/),
        'access-control-allow-origin': 'kotae-app://app',
        'content-type': 'image/png',
      },
    });
  });

  it('wires the security policy: navigation, new windows, permissions and screen capture', () => {
    expect(report.navigation).toEqual({
      ownPage: true,
      remote: false,
      subframeRemote: false,
      subframeSrcdoc: true,
    });
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.permissions).toEqual({
      media: true,
      clipboardWrite: true,
      fullscreen: true,
      geolocation: false,
      mediaFromSubframe: false,
      check: true,
    });
    expect(report.displayMedia).toEqual({ video: { id: 'screen:1:0', name: 'Entire screen' } });
    expect(report.displayMediaDenied).toBeNull();
  });

  it('waits for running work to stop and the library to close before quitting', () => {
    expect(report.quit).toEqual({ waitedForClose: true });
  });

  it('fails when start-up throws: the probe reports it and exits 1', () => {
    const broken = path.join(tempDir(), 'broken-main.mjs');
    writeFileSync(
      broken,
      "import { app, BrowserWindow } from 'electron';\n" +
        'new BrowserWindow({}); // before ready: Electron refuses\napp.whenReady();\n',
    );
    const run = probe(broken);
    expect(run.status).toBe(1);
    expect(run.report.problems.join('\n')).toMatch(/after the app is ready/);
  });
});
