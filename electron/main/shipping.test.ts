import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The installers cannot be built here (no Electron binary), so their configuration is checked
// instead: electron-builder's own schema accepts it, the security fuses are set, every platform has
// its target, and what must run outside app.asar (ffmpeg, ffprobe, the SQLite native module) is
// unpacked and really exists where the globs point.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder (which reads this very file with it).
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debug: { add(): void; isEnabled: boolean }): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; name: string; mimeType?: string }[];
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: {
    target: string[];
    icon: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    extendInfo: Record<string, string>;
  };
  directories: { buildResources: string };
}

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts: Record<string, string>;
  main: string;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, { add() {}, isEnabled: false })).resolves.toBeUndefined();
  });

  it('sets every security fuse, and a flipped or missing fuse fails', () => {
    // RunAsNode, NODE_OPTIONS and --inspect would let anyone run arbitrary code as the signed app;
    // file:// privileges are not needed (kotae-app:// serves the renderer); the app only loads from
    // an asar whose integrity is checked.
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS, and dmg, with an app id and an icon that exists', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Kotae Studio');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(existsSync(path.join(root, icon)), icon).toBe(true);
      // electron-builder derives .ico and .icns from a PNG of at least 512×512.
      const png = readFileSync(path.join(root, icon));
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    }
  });

  // Bundles are plain .zip files the customer opens with their own tools: claiming .zip would take
  // it from every archive tool, and an extension nothing writes would be a dead association.
  it('registers .eml files (mail opened with the app is imported), and nothing else', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['eml']);
    // A Linux .desktop file lists MIME types: without one the association claims nothing there.
    expect(config.fileAssociations[0]!.mimeType).toBe('message/rfc822');
  });

  it('lets the signed macOS app record narration: microphone entitlement and usage text', () => {
    // With the hardened runtime, a missing com.apple.security.device.audio-input entitlement denies
    // the microphone silently (electron-builder's default entitlements do not include it).
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(path.join(root, file), 'utf8');
      const entitled = (key: string) =>
        new RegExp(`<key>${key.replace(/\./g, '\\.')}</key>\\s*<true/>`).test(plist);
      expect(entitled('com.apple.security.device.audio-input'), file).toBe(true);
      expect(entitled('com.apple.security.cs.allow-jit'), file).toBe(true);
    }
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/narration/);
  });

  it('ships the built app (main, preload, renderer) and never rebuilds the repo’s node_modules', () => {
    expect(config.files).toContain('out/**');
    expect(pkg.main).toBe('out/main/index.js');
    // npmRebuild would compile the repo's own node_modules for Electron in place, after which npm test
    // (under Node) could no longer load them. Nothing needs it: see the next test.
    expect(config.npmRebuild).toBe(false);
  });

  it('loads SQLite in Electron and Node from one Node-API binary, prebuilt for every installer platform', () => {
    // better-sqlite3 13 is a Node-API addon (ABI-stable across Node and Electron) with its prebuilt
    // binaries inside the npm package; an addon built against V8's ABI would export
    // node_register_module_vNNN instead and need a build per runtime.
    const prebuilds = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'prebuilds');
    for (const target of ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64']) {
      const binary = readFileSync(path.join(prebuilds, `${target}.node`)).toString('latin1');
      expect(binary.includes('napi_register_module_v1'), `${target} is Node-API`).toBe(true);
      expect(/node_register_module_v\d/.test(binary), `${target} has no V8-ABI entry`).toBe(false);
    }
    expect(pkg.dependencies['@electron/rebuild']).toBeUndefined();
  });

  it('unpacks ffmpeg, ffprobe and better-sqlite3, and the globs match the real binaries', () => {
    const wanted = ['better-sqlite3', '@ffmpeg-installer/ffmpeg', '@ffprobe-installer/ffprobe'];
    // Only production dependencies are packed into the app.
    for (const name of wanted) expect(pkg.dependencies[name], name).toBeDefined();
    const matched = new Set<string>();
    for (const glob of config.asarUnpack) {
      const match = /^(node_modules\/(?:@[^/]+|[^@/][^/]*))\/\*\*$/.exec(glob);
      expect(match, `${glob} is a whole-package glob`).not.toBeNull();
      const dir = path.join(root, match![1]!);
      // ffmpeg-static is optional: its binary is downloaded at install time, which cannot happen
      // here; `npm run dist` refuses to build an installer without it (scripts/check-dist.mjs).
      if (pkg.optionalDependencies?.[match![1]!.slice('node_modules/'.length)] && !existsSync(dir)) continue;
      expect(filesUnder(dir).length, glob).toBeGreaterThan(0);
      for (const f of filesUnder(dir)) matched.add(path.relative(root, f).split(path.sep).join('/'));
    }
    const binaries = [
      path.join(
        path.dirname(require.resolve('better-sqlite3/package.json')),
        'prebuilds',
        `${process.platform}-${process.arch}.node`,
      ),
      (require('@ffmpeg-installer/ffmpeg') as { path: string }).path,
      (require('@ffprobe-installer/ffprobe') as { path: string }).path,
    ];
    for (const binary of binaries) {
      // node_modules may be a symlink (worktrees share one); resolve paths against its real folder.
      const relative = `node_modules/${path
        .relative(realpathSync(path.join(root, 'node_modules')), realpathSync(binary))
        .split(path.sep)
        .join('/')}`;
      expect(matched.has(relative), `${relative} is unpacked`).toBe(true);
    }
  });

  it('ships a current ffmpeg: ffmpeg-static is unpacked, and dist refuses to build without it', () => {
    expect(pkg.optionalDependencies?.['ffmpeg-static']).toBeDefined();
    expect(config.asarUnpack).toContain('node_modules/ffmpeg-static/**');
    expect(pkg.scripts.dist).toMatch(/^node scripts\/check-dist\.mjs && /);
  });

  it('keeps a single instance: a second launch hands over to the first', () => {
    const main = readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toMatch(/if \(!app\.requestSingleInstanceLock\(\)\) \{\s*\/\/[^\n]*\n\s*app\.quit\(\);/);
    expect(main).toMatch(/app\.on\('second-instance'/);
  });
});
