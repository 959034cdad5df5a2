import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../electron.vite.config';

// `npm run dev` must open a working window: the renderer's dev server, configured exactly as
// electron.vite.config.ts configures it, must serve a page whose scripts all run under the page's
// own CSP (script-src 'self'). Checked by fetching the page and by loading it in Chromium.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let server: ViteDevServer;
let url: string;

beforeAll(async () => {
  const renderer = (config as { renderer: InlineConfig }).renderer;
  server = await createServer({
    ...renderer,
    configFile: false,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1' },
  });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('the development page', () => {
  it('has no inline script, and the CSP of the shipped page', async () => {
    const html = await (await fetch(url)).text();
    const shipped = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const csp = (page: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
    expect(csp(html)).toBe(csp(shipped));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(1);
    for (const [, attrs, body] of scripts) {
      expect(attrs, 'every script has a src').toMatch(/\ssrc="[^"]+"/);
      expect(body!.trim()).toBe('');
    }
  });

  it('runs React Refresh’s preamble in Chromium without a CSP violation', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.KOTAE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/.test(m.text()) && !/frame-ancestors/.test(m.text()))
          violations.push(m.text());
      });
      // Vite compiles each module on its first request: on a busy machine (CI beside other work,
      // load 13) the page took over 30 s, Playwright's default wait. These are limits, not timings.
      await page.goto(url, { timeout: 150_000 });
      // The preamble defines the refresh hooks every component module calls.
      await page.waitForFunction(
        () => typeof (window as { $RefreshSig$?: unknown }).$RefreshSig$ === 'function',
        undefined,
        { timeout: 150_000 },
      );
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
