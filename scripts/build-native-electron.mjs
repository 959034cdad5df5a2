// Builds a second copy of better-sqlite3 for Electron's ABI, beside the Node build that npm made.
// Why: a native module compiled for Node cannot load in Electron and vice versa. Vitest, the CLI
// and the UI harness run under Node and use node_modules/better-sqlite3 as installed; the Electron
// main process opens SQLite with the `nativeBinding` option pointing at native/electron/.
// Where the Electron binary (and so its headers) cannot be downloaded, this step is skipped.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const outDir = path.join(root, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

function skip(reason) {
  console.log(`kotae: Electron build of better-sqlite3 skipped: ${reason}`);
  process.exit(0);
}

if (process.env.KOTAE_SKIP_ELECTRON_NATIVE === '1') skip('KOTAE_SKIP_ELECTRON_NATIVE=1');

let electronVersion;
try {
  electronVersion = require('electron/package.json').version;
} catch {
  skip('the electron package is not installed');
}

// Requiring 'electron' downloads the binary on first use (Electron >= 42); don't trigger that where
// the download is switched off.
const electronDir = path.dirname(require.resolve('electron/package.json'));
const hasBinary = existsSync(path.join(electronDir, 'path.txt'));
if (!hasBinary && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  skip('ELECTRON_SKIP_BINARY_DOWNLOAD is set and no Electron binary is present; npm test does not need it');
}
let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = undefined;
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  skip('no Electron binary could be found or downloaded; npm test does not need it');
}

const sqliteVersion = require('better-sqlite3/package.json').version;
const stamp = { electronVersion, sqliteVersion };
if (existsSync(outFile) && existsSync(stampFile)) {
  const old = JSON.parse(readFileSync(stampFile, 'utf8'));
  if (old.electronVersion === electronVersion && old.sqliteVersion === sqliteVersion) {
    console.log(`kotae: Electron build of better-sqlite3 is up to date (Electron ${electronVersion})`);
    process.exit(0);
  }
}

// The user npmrc may point node-gyp at Node's own headers; Electron needs its own.
for (const key of Object.keys(process.env)) {
  if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
}

const work = path.join(root, 'native', '.build');
rmSync(work, { recursive: true, force: true });
const moduleCopy = path.join(work, 'node_modules', 'better-sqlite3');
cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), moduleCopy, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
});
writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'kotae-native-build', private: true }));

try {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion, force: true, onlyModules: ['better-sqlite3'] });
  mkdirSync(outDir, { recursive: true });
  cpSync(path.join(moduleCopy, 'build', 'Release', 'better_sqlite3.node'), outFile);
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
  console.log(`kotae: built better-sqlite3 for Electron ${electronVersion} -> native/electron/`);
} catch (err) {
  console.warn(
    `kotae: could not build better-sqlite3 for Electron ${electronVersion}: ${err?.message ?? err}`,
  );
  console.warn('kotae: npm test still works; for npm start run: node scripts/build-native-electron.mjs');
} finally {
  rmSync(work, { recursive: true, force: true });
}
