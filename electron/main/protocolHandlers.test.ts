import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeImage } from '../core/answers';
import { createLibrary, type Library } from '../core/library';
import { makePng, useTempDir } from '../core/testing';
import { MEDIA_ORIGIN, appRequestHandler, mediaRequestHandler } from './protocolHandlers';

// The two protocols as the page meets them: kotae-app://app/… (the renderer) and
// kotae-media://media/<sha256> (the library's media, from another origin than the page).

const tempDir = useTempDir();
const APP = 'kotae-app://app';
let library: Library | null = null;
afterEach(() => {
  library?.close();
  library = null;
});

async function libraryWithImage() {
  library = createLibrary(path.join(tempDir(), 'lib'), { actor: 'test' });
  const png = makePng(40, 30);
  const stored = await storeImage(library, 'shot.png', png.toString('base64'));
  return { library, sha256: stored.sha256, bytes: png };
}

describe('kotae-media://', () => {
  it('answers our page with CORS, ranges and the stored type', async () => {
    const { library, sha256, bytes } = await libraryWithImage();
    const handle = mediaRequestHandler(() => library, APP);
    const whole = handle(new Request(`${MEDIA_ORIGIN}/${sha256}`));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('access-control-allow-origin')).toBe(APP);
    expect(whole.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = handle(new Request(`${MEDIA_ORIGIN}/${sha256}`, { headers: { range: 'bytes=8-15' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 8-15/${bytes.length}`);
    expect(part.headers.get('access-control-allow-origin')).toBe(APP);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(8, 16))).toBe(true);
  });

  it('serves nothing else: unknown hashes, other hosts, traversal, writes, no library', async () => {
    const { library, sha256 } = await libraryWithImage();
    writeFileSync(path.join(library.root, 'secret.txt'), 'secret');
    const handle = mediaRequestHandler(() => library, APP);
    for (const url of [
      `${MEDIA_ORIGIN}/${'0'.repeat(64)}`,
      `kotae-media://other/${sha256}`,
      `${MEDIA_ORIGIN}/..%2Fsecret.txt`,
      `${MEDIA_ORIGIN}/%2e%2e/library.sqlite`,
      `${MEDIA_ORIGIN}/%zz`,
    ]) {
      expect(handle(new Request(url)).status, url).toBe(404);
    }
    expect(handle(new Request(`${MEDIA_ORIGIN}/${sha256}`, { method: 'POST', body: 'x' })).status).toBe(405);
    const closed = mediaRequestHandler(() => {
      throw new Error('no library open');
    }, APP);
    expect(closed(new Request(`${MEDIA_ORIGIN}/${sha256}`)).status).toBe(404);
  });
});

describe('kotae-app://', () => {
  it('serves the renderer folder, with types, and nothing outside it', async () => {
    const dir = tempDir();
    const renderer = path.join(dir, 'renderer');
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const handle = appRequestHandler(renderer);
    const index = handle(new Request(`${APP}/`));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>x</title>');
    expect(handle(new Request(`${APP}/assets/app.js`)).headers.get('content-type')).toMatch(
      /^text\/javascript/,
    );
    for (const url of [`${APP}/../secret.txt`, `${APP}/%2e%2e/secret.txt`, `kotae-app://evil/index.html`])
      expect(handle(new Request(url)).status, url).toBe(404);
  });
});
