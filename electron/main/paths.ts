import path from 'node:path';

// better-sqlite3 (13+) is a Node-API addon with prebuilt binaries for every platform in its npm
// package: the same file loads in Node (tests, CLI, harness) and in Electron 45 (Node-API 10), so
// the main process needs no second build and no `nativeBinding` path.

export function preloadPath(): string {
  return path.join(__dirname, '../preload/index.cjs');
}

export function rendererDir(): string {
  return path.join(__dirname, '../renderer');
}
