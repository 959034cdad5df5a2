import type { Plugin } from 'vite';
export function serveInlineScriptsAsFiles(): Plugin;
