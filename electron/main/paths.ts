import { app } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Root of the app: the repo in development, app.asar when packaged. */
export function appRoot(): string {
  return app.getAppPath();
}

export function preloadPath(): string {
  return path.join(__dirname, '../preload/index.cjs');
}

export function rendererIndex(): string {
  return path.join(__dirname, '../renderer/index.html');
}

/**
 * better-sqlite3 for Electron's ABI. Packaged: electron-builder rebuilt node_modules for Electron,
 * so the default binding is right. Development: node_modules holds the Node build (for npm test),
 * and scripts/build-native-electron.mjs put an Electron build in native/electron/.
 */
export function sqliteNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(appRoot(), 'native', 'electron', 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(
      'better-sqlite3 has no Electron build yet. Run `node scripts/build-native-electron.mjs` (it needs the Electron binary), then `npm start` again.',
    );
  }
  return file;
}
