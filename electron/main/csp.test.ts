import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../core/bundles';
import { makeBundleFixture } from '../core/bundles/testing';
import { publishFaq } from '../core/faq';
import { decideAll } from '../core/faq/testing';
import { createLibrary, seedDemo } from '../core/library';
import { useTempDir } from '../core/testing';
import { mailFrameCsp } from '../../shared/security/mailFrameCsp';
import { cspProblems, inlineScripts, metaCsps } from './csp';

// Every HTML page we ship or write must carry a strict CSP: the app's window, each page of an
// answer bundle (opened by customers from file://) and each page of the FAQ site. The bundle and the
// site are produced for real here and every .html file in them is read.

const tempDir = useTempDir('kotae-csp-');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

function expectStrictPage(file: string): void {
  const html = readFileSync(file, 'utf8');
  const policies = metaCsps(html);
  expect(policies, `${file} has one CSP`).toHaveLength(1);
  expect(cspProblems(policies[0]!), file).toEqual([]);
  expect(inlineScripts(html), `${file} runs inline script`).toBe(0);
}

describe('strict CSP', () => {
  it('knows a weak policy when it sees one', () => {
    expect(cspProblems("default-src 'none'; script-src 'self'; base-uri 'none'; object-src 'none'")).toEqual(
      [],
    );
    for (const weak of [
      "script-src 'self'; base-uri 'none'",
      "default-src *; base-uri 'none'",
      "default-src 'none'; script-src 'self' 'unsafe-inline'; base-uri 'none'",
      "default-src 'none'; script-src 'self' 'unsafe-eval'; base-uri 'none'",
      "default-src 'none'; script-src 'self'; img-src https://cdn.example; base-uri 'none'",
      "default-src 'none'; connect-src http:; base-uri 'none'",
      "default-src 'self'; script-src 'self'",
    ]) {
      expect(cspProblems(weak), weak).not.toEqual([]);
    }
  });

  it('the app window (renderer/index.html, and its build when present)', () => {
    expectStrictPage(path.join(root, 'renderer/index.html'));
    const built = path.join(root, 'out/renderer/index.html');
    if (existsSync(built)) expectStrictPage(built);
  });

  it('every page of an exported answer bundle', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const folderPath = path.join(dir, 'out', 'bundle');
    mkdirSync(path.dirname(folderPath), { recursive: true });
    await exportBundle(
      fx.library,
      {
        answerId: fx.answerId,
        customerId: null,
        questionId: fx.questionId,
        personalised: true,
        videoRendition: 'original',
        zip: false,
        folder: true,
      },
      { zipPath: null, folderPath },
      { appVersion: '0.0.0-test' },
      { signal: new AbortController().signal, progress: () => undefined },
    );
    fx.library.close();
    const pages = htmlFiles(folderPath);
    expect(pages.map((p) => path.basename(p)).sort()).toEqual(['index.html', 'verify.html']);
    pages.forEach(expectStrictPage);
  });

  it('every page of the published FAQ site', async () => {
    const dir = tempDir();
    const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
    await decideAll(library);
    const out = path.join(dir, 'site');
    await publishFaq(library, { outDir: out });
    library.close();
    const pages = htmlFiles(out);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach(expectStrictPage);
  });

  it("the frame a customer's HTML mail is shown in", () => {
    // In Electron media come from our own scheme; the harness serves them from its http origin,
    // which is a test double and not shipped.
    expect(cspProblems(mailFrameCsp('kotae-media:'))).toEqual([]);
  });

  it('no other source writes a CSP that these tests do not read', () => {
    const checked = new Set([
      'renderer/index.html',
      'electron/core/bundles/page.ts',
      'electron/core/faq/site/layout.ts',
      'shared/security/mailFrameCsp.ts',
      'renderer/src/screens/Inbox/MailFrame.tsx', // writes mailFrameCsp() into its frame
    ]);
    const found: string[] = [];
    for (const top of ['renderer', 'electron', 'resources', 'shared']) {
      for (const f of readdirSync(path.join(root, top), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(html|ts|tsx|js|mjs)$/.test(f) || /\.test\.ts$/.test(f) || f.includes('node_modules'))
          continue;
        const rel = `${top}/${f.split(path.sep).join('/')}`;
        if (rel === 'electron/main/csp.ts') continue;
        if (/Content-Security-Policy/.test(readFileSync(path.join(root, rel), 'utf8'))) found.push(rel);
      }
    }
    expect(found.filter((f) => !checked.has(f))).toEqual([]);
  });
});
