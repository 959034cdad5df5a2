import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { serveInlineScriptsAsFiles } from './scripts/devInlineScripts.mjs';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The search index worker (worker_threads), started by electron/core/search/background.
          searchIndexWorker: resolve(import.meta.dirname, 'electron/core/search/background/indexWorker.ts'),
          // The privacy scan's worker thread (electron/core/faq/scan/ScanWorker.ts looks for it here).
          privacyScanWorker: resolve(import.meta.dirname, 'electron/core/faq/scan/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload may only require('electron'): bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias: { ...alias, '@renderer': resolve(import.meta.dirname, 'renderer/src') } },
    plugins: [react(), serveInlineScriptsAsFiles()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default: 2.70 MB of script to load and
      // parse at start, 1.44 MB minified (out/renderer/assets/*.js, measured on this tree).
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
