import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadableRefusal, useTempDir } from '../testing';
import { bundleCorpus } from './corpus';
import { exportBundle } from './export';
import { makeBundleFixture } from './testing';
import { verifyBundleZip } from './verify';
import type { RawEntry } from './zip/rawZip';

// Runs the hostile-bundle corpus (corpus.ts) through verifyBundleZip: the sound bundle verifies,
// every other case is refused with its own reason and a message in both languages.

const tempDir = useTempDir('kotae-bundle-corpus-');
let sound: RawEntry[] = [];
let shared = '';

beforeAll(async () => {
  shared = mkdtempSync(path.join(os.tmpdir(), 'kotae-bundle-corpus-shared-'));
  const fx = await makeBundleFixture(path.join(shared, 'lib'), shared);
  const zipPath = path.join(shared, 'sound.zip');
  await exportBundle(
    fx.library,
    { answerId: fx.answerId, customerId: fx.customerId, questionId: null, personalised: true, videoRendition: 'original', zip: true, folder: false },
    { zipPath, folderPath: null },
    { appVersion: 'test' },
    { signal: new AbortController().signal, progress: () => undefined },
  );
  fx.library.close();
  const zip = await yauzl.openPromise(zipPath);
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    sound.push({ name: entry.fileName, data: Buffer.concat(chunks), method: 8 });
  }
  zip.close();
});

afterAll(() => {
  rmSync(shared, { recursive: true, force: true });
  sound = [];
});

describe('hostile bundle corpus', () => {
  it('has at least 40 cases', () => {
    expect(bundleCorpus.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of bundleCorpus) {
    const outcome = c.expected === 'verified' ? 'verified' : `rejected (${c.expected.rejected})`;
    it(`${c.name}: ${outcome}`, async () => {
      const file = path.join(tempDir(), 'bundle.zip');
      writeFileSync(file, c.bytes(sound));
      const bytes = readFileSync(file);
      const result = await verifyBundleZip(file).then(
        () => 'verified' as const,
        (err: unknown) => err,
      );
      if (c.expected === 'verified') {
        expect(result).toBe('verified');
      } else {
        expect(result).toMatchObject({ code: 'BUNDLE_INVALID', params: { reason: c.expected.rejected } });
        expect(isReadableRefusal(result)).toBe(true);
      }
      // Checking only reads: the zip is exactly as it was.
      expect(readFileSync(file).equals(bytes)).toBe(true);
    });
  }
});
