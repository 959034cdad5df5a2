import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleViewerHash, output } from '../../../scripts/build-bundle-viewer.mjs';

// The committed resources/bundle-viewer/sha256.js (built from resources/bundle-viewer/src), run as a
// browser runs it (a global `window`), checked against Node's crypto: what verify.js computes must
// be what the exporter wrote.

interface IncrementalSha256 {
  update(bytes: Uint8Array): IncrementalSha256;
  hex(): string;
}

function loadViewerHash(): { create(): IncrementalSha256 } {
  const context = vm.createContext({});
  vm.runInContext('globalThis.window = globalThis;', context);
  vm.runInContext(readFileSync(output, 'utf8'), context);
  return (context as { KotaeSha256: { create(): IncrementalSha256 } }).KotaeSha256;
}

/** verify.js reads a file in slices of this size when crypto.subtle cannot take it whole. */
const SLICE = 4 * 1024 * 1024;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kotae-viewer-hash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the bundle viewer SHA-256 (sha256.js)', () => {
  it('is the bundle scripts/build-bundle-viewer.mjs makes from the current sources', async () => {
    expect(readFileSync(output, 'utf8')).toBe(await bundleViewerHash());
  });

  it('hashes like Node across block boundaries, whole and in pieces', () => {
    const viewerHash = loadViewerHash();
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
      // A Uint8Array, as a browser's Blob gives (noble refuses a Buffer, a subclass by another name).
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) % 256);
      const expected = createHash('sha256').update(data).digest('hex');
      expect(viewerHash.create().update(data).hex(), `length ${length}`).toBe(expected);
      const pieces = viewerHash.create();
      for (let i = 0; i < length; i += 37) pieces.update(data.subarray(i, i + 37));
      expect(pieces.hex(), `pieces of ${length}`).toBe(expected);
    }
  });

  it('hashes a large file read in slices as verify.js reads it (Blob.slice, 4 MiB)', async () => {
    // Larger than verify.js's SUBTLE_MAX (256 MiB), where it stops using crypto.subtle.
    const size = 256 * 1024 * 1024 + 12_345;
    const file = path.join(tmp, 'large.bin');
    const content = Buffer.alloc(size);
    for (let offset = 0; offset < size; offset += SLICE) randomBytes(Math.min(SLICE, size - offset)).copy(content, offset);
    writeFileSync(file, content);
    const expected = createHash('sha256').update(content).digest('hex');

    const blob = await openAsBlob(file);
    const hash = loadViewerHash().create();
    for (let offset = 0; offset < blob.size; offset += SLICE) {
      hash.update(new Uint8Array(await blob.slice(offset, offset + SLICE).arrayBuffer()));
    }
    expect(hash.hex()).toBe(expected);
  });

  // The hand-written hash this replaced split the bit length into two 32-bit words, which is
  // wrong past 512 MiB if done carelessly and past 4 GiB with a 32-bit byte count. A stream of
  // 4 GiB + 5 bytes (4 MiB slices, each made different) checks the length field of the padding.
  // It took 63 s on this machine (2 cores, shared, load ~2.5; `npx vitest run
  // electron/core/bundles/viewerHash.test.ts`): the timeout is a budget for a loaded machine, not a
  // speed requirement (bench/ holds speed).
  it(
    'hashes a stream longer than 4 GiB like Node (the length field of the padding)',
    { timeout: 30 * 60_000 },
    () => {
      const total = 4 * 1024 * 1024 * 1024 + 5;
      const slice = new Uint8Array(randomBytes(SLICE));
      const slices = new DataView(slice.buffer);
      const node = createHash('sha256');
      const viewer = loadViewerHash().create();
      let index = 0;
      for (let offset = 0; offset < total; offset += SLICE, index++) {
        slices.setUint32(0, index);
        const piece = slice.subarray(0, Math.min(SLICE, total - offset));
        node.update(piece);
        viewer.update(piece);
      }
      expect(viewer.hex()).toBe(node.digest('hex'));
    },
  );
});
