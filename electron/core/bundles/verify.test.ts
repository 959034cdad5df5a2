import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { exportBundle } from './export';
import { buildManifest, manifestBytes, sha256Of } from './manifest';
import { makeBundleFixture } from './testing';
import { DEFAULT_VERIFY_LIMITS, UnpackLimiter, verifyBundleZip, type InvalidReason } from './verify';
import { rawZip, type RawEntry } from './zip/rawZip';
import { SIGNATURE_FILE } from '../../../shared/domain/signing';
import { testSigner } from '../signing/testing';
import { signatureFile } from './signature';
import os from 'node:os';

// Each hostile zip is built here, byte by byte where our writer would refuse to write it, and must be
// refused with its own reason before anything in it is trusted.

const tempDir = useTempDir('kotae-verify-');

/** Entries of a real exported bundle, to tamper with. */
let sound: { name: string; data: Buffer }[] = [];
let soundZip = '';
let shared = '';

beforeAll(async () => {
  shared = mkdtempSync(path.join(os.tmpdir(), 'kotae-verify-shared-'));
  const fx = await makeBundleFixture(path.join(shared, 'lib'), shared);
  soundZip = path.join(shared, 'sound.zip');
  await exportBundle(
    fx.library,
    {
      answerId: fx.answerId,
      customerId: fx.customerId,
      questionId: null,
      personalised: true,
      videoRendition: 'original',
      zip: true,
      folder: false,
    },
    { zipPath: soundZip, folderPath: null },
    { appVersion: 'test' },
    { signal: new AbortController().signal, progress: () => undefined },
  );
  fx.library.close();
  const zip = await yauzl.openPromise(soundZip);
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    sound.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
});

afterAll(() => {
  rmSync(shared, { recursive: true, force: true });
  sound = [];
});

function write(entries: RawEntry[]): string {
  const file = path.join(tempDir(), 'bundle.zip');
  writeFileSync(file, rawZip(entries));
  return file;
}

/** The sound bundle's entries, changed by `edit`, as raw entries. */
function soundEntries(edit: (entries: RawEntry[]) => RawEntry[] = (e) => e): RawEntry[] {
  return edit(sound.map((e) => ({ name: e.name, data: e.data, method: 8 as const })));
}

async function reason(file: string, limits = {}): Promise<{ reason: InvalidReason; params: object }> {
  try {
    await verifyBundleZip(file, { limits });
  } catch (err) {
    const e = err as { code?: string; params?: { reason: InvalidReason } };
    expect(e.code, String(err)).toBe('BUNDLE_INVALID');
    return { reason: e.params!.reason, params: e.params! };
  }
  throw new Error('the bundle was accepted');
}

describe('verifyBundleZip', () => {
  it('accepts the bundle the app exported, and the same entries rewritten by hand', async () => {
    const verified = await verifyBundleZip(soundZip);
    // Every entry but manifest.json and signature.json is listed.
    expect(verified.manifest.files.length).toBe(sound.length - 2);
    expect(verified.signer?.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
    await expect(verifyBundleZip(write(soundEntries()))).resolves.toMatchObject({
      manifestSha256: verified.manifestSha256,
    });
  });

  it('refuses a file that is not a zip', async () => {
    const file = path.join(tempDir(), 'x.zip');
    writeFileSync(file, 'this is not a zip at all');
    expect((await reason(file)).reason).toBe('notAZip');
  });

  it('refuses zip-slip paths', async () => {
    const file = write(soundEntries((e) => [...e, { name: '../../evil.sh', data: Buffer.from('x') }]));
    expect(await reason(file)).toMatchObject({ reason: 'zipSlip', params: { file: '../../evil.sh' } });
    const nested = write(soundEntries((e) => [...e, { name: 'media/../../evil', data: Buffer.from('x') }]));
    expect((await reason(nested)).reason).toBe('zipSlip');
    const backslash = write(
      soundEntries((e) => [...e, { name: 'media\\..\\..\\evil', data: Buffer.from('x') }]),
    );
    expect((await reason(backslash)).reason).toBe('zipSlip');
  });

  it('refuses absolute paths', async () => {
    for (const name of ['/etc/cron.d/evil', 'C:/Windows/evil.dll', 'C:\\evil.dll']) {
      const file = write(soundEntries((e) => [...e, { name, data: Buffer.from('x') }]));
      expect((await reason(file)).reason, name).toBe('absolutePath');
    }
  });

  it('refuses names with control characters or outside the bundle alphabet', async () => {
    for (const name of ['index.html\u0000.exe', 'media/a\nb', 'media/with space.png']) {
      const file = write(soundEntries((e) => [...e, { name, data: Buffer.from('x') }]));
      expect((await reason(file)).reason, JSON.stringify(name)).toBe('badFileName');
    }
  });

  it('refuses symbolic links', async () => {
    const file = write(
      soundEntries((e) => [
        ...e,
        { name: 'media/link', data: Buffer.from('/etc/passwd'), externalAttributes: 0o120777 << 16 },
      ]),
    );
    expect(await reason(file)).toMatchObject({ reason: 'symlink', params: { file: 'media/link' } });
  });

  it('refuses duplicate names, also those that differ only in case', async () => {
    const index = sound.find((e) => e.name === 'index.html')!;
    const twice = write(
      soundEntries((e) => [...e, { name: 'index.html', data: Buffer.from('<p>other</p>') }]),
    );
    expect(await reason(twice)).toMatchObject({ reason: 'duplicateName', params: { file: 'index.html' } });
    const cased = write(soundEntries((e) => [...e, { name: 'INDEX.html', data: index.data }]));
    expect((await reason(cased)).reason).toBe('duplicateName');
  });

  it('refuses a zip bomb whose headers admit the ratio', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const file = write(soundEntries((e) => [...e, { name: 'media/bomb.bin', data: zeros, method: 8 }]));
    expect(await reason(file)).toMatchObject({ reason: 'ratio', params: { file: 'media/bomb.bin' } });
  });

  it('refuses a zip bomb whose headers lie about its size, while unpacking', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    // Listed in the manifest with a small size, and headers claiming 100 bytes: only unpacking tells.
    const file = write(
      soundEntries((e) => {
        const manifest = JSON.parse(e.find((x) => x.name === 'manifest.json')!.data.toString());
        manifest.files.push({ path: 'media/bomb.bin', size: 100, sha256: sha256Of(zeros.subarray(0, 100)) });
        const bytes = Buffer.from(JSON.stringify(manifest));
        // Signed again (with another key): the signature is checked before the files.
        return [
          ...e.filter((x) => x.name !== 'manifest.json' && x.name !== SIGNATURE_FILE),
          { name: 'manifest.json', data: bytes, method: 8 },
          { name: SIGNATURE_FILE, data: signatureFile(testSigner(), bytes) },
          { name: 'media/bomb.bin', data: zeros, method: 8, declaredSize: 100 },
        ];
      }),
    );
    expect(await reason(file)).toMatchObject({ reason: 'sizeMismatch', params: { file: 'media/bomb.bin' } });
  });

  it('enforces the unpacked total while streaming, whatever the headers said', async () => {
    const limits = { ...DEFAULT_VERIFY_LIMITS, maxTotalBytes: 1000 };
    const total = { bytes: 0 };
    // An endless stream: only the limiter can end this test.
    const endless = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(400);
      })(),
    );
    await expect(
      pipeline(endless, new UnpackLimiter('media/a', 10_000, limits, total), async (src) => {
        for await (const _ of src) void _;
      }),
    ).rejects.toMatchObject({ params: { reason: 'tooLarge' } });
    expect(total.bytes).toBe(1200);

    const ratio = new UnpackLimiter(
      'media/b',
      10,
      { ...DEFAULT_VERIFY_LIMITS, ratioFloorBytes: 100, maxRatio: 20 },
      {
        bytes: 0,
      },
    );
    await expect(
      pipeline(Readable.from([Buffer.alloc(300)]), ratio, async (src) => {
        for await (const _ of src) void _;
      }),
    ).rejects.toMatchObject({ params: { reason: 'ratio' } });
  });

  it('refuses bundles over the size and entry-count limits from their headers', async () => {
    expect((await reason(soundZip, { maxTotalBytes: 10_000 })).reason).toBe('tooLarge');
    expect((await reason(soundZip, { maxEntries: 3 })).reason).toBe('tooManyEntries');
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const encrypted = write(
      soundEntries((e) => [...e, { name: 'media/x.bin', data: Buffer.from('secret'), method: 8, flags: 1 }]),
    );
    expect(await reason(encrypted)).toMatchObject({ reason: 'encrypted', params: { file: 'media/x.bin' } });
    const strong = write(
      soundEntries((e) => [
        ...e,
        { name: 'media/x.bin', data: Buffer.from('secret'), method: 8, flags: 0x41 },
      ]),
    );
    expect((await reason(strong)).reason).toBe('encrypted');
    const bzip2 = write(
      soundEntries((e) => [...e, { name: 'media/x.bin', data: Buffer.from('BZh9'), method: 12 }]),
    );
    expect(await reason(bzip2)).toMatchObject({
      reason: 'unsupportedCompression',
      params: { file: 'media/x.bin' },
    });
  });

  it('refuses a bundle without a manifest, or with one it cannot read', async () => {
    const none = write(soundEntries((e) => e.filter((x) => x.name !== 'manifest.json')));
    expect((await reason(none)).reason).toBe('noManifest');
    const garbled = write(
      soundEntries((e) =>
        e.map((x) => (x.name === 'manifest.json' ? { ...x, data: Buffer.from('{oops') } : x)),
      ),
    );
    expect((await reason(garbled)).reason).toBe('badManifest');
    const slipInManifest = write(
      soundEntries((e) =>
        e.map((x) => {
          if (x.name !== 'manifest.json') return x;
          const m = JSON.parse(x.data.toString());
          m.files[0].path = '../outside';
          return { ...x, data: Buffer.from(JSON.stringify(m)) };
        }),
      ),
    );
    expect((await reason(slipInManifest)).reason).toBe('badManifest');
    const newer = write(
      soundEntries((e) =>
        e.map((x) => {
          if (x.name !== 'manifest.json') return x;
          return {
            ...x,
            data: Buffer.from(JSON.stringify({ ...JSON.parse(x.data.toString()), formatVersion: 7 })),
          };
        }),
      ),
    );
    expect(await reason(newer)).toMatchObject({
      reason: 'unsupportedFormat',
      params: { found: 7, supported: 2 },
    });
  });

  it('refuses files missing from the bundle or extra to its manifest', async () => {
    const missing = write(soundEntries((e) => e.filter((x) => x.name !== 'media/video-1.mp4')));
    expect(await reason(missing)).toMatchObject({
      reason: 'missingFile',
      params: { file: 'media/video-1.mp4' },
    });
    const extra = write(
      soundEntries((e) => [...e, { name: 'media/payload.html', data: Buffer.from('<p>hi</p>') }]),
    );
    expect(await reason(extra)).toMatchObject({
      reason: 'extraFile',
      params: { file: 'media/payload.html' },
    });
  });

  it('refuses tampered files', async () => {
    const tampered = write(
      soundEntries((e) =>
        e.map((x) =>
          x.name === 'index.html'
            ? {
                ...x,
                data: Buffer.from(x.data.toString().replace('</main>', '<p>Send your password</p></main>')),
              }
            : x,
        ),
      ),
    );
    expect(await reason(tampered)).toMatchObject({ reason: 'tampered', params: { file: 'index.html' } });
    // The same bytes count, just one flipped, in the stored video.
    const flipped = write(
      soundEntries((e) =>
        e.map((x) => {
          if (x.name !== 'media/video-1.mp4') return x;
          const data = Buffer.from(x.data);
          data[data.length >> 1]! ^= 0xff;
          return { ...x, data, method: 0 };
        }),
      ),
    );
    expect(await reason(flipped)).toMatchObject({
      reason: 'tampered',
      params: { file: 'media/video-1.mp4' },
    });
  });

  it('accepts a manifest written by this module for a hand-made zip (the checks are not about our writer)', async () => {
    const index = Buffer.from('<!doctype html><p>hi</p>');
    const manifest = manifestBytes(
      buildManifest(
        {
          bundleUid: '00000000-0000-4000-8000-000000000000',
          answer: { id: 1, revision: 1, language: 'en' },
          createdAt: '2026-01-01T00:00:00.000Z',
          appVersion: 't',
        },
        [{ path: 'index.html', size: index.length, sha256: sha256Of(index) }],
      ),
    );
    const signer = testSigner('a hand-made zip');
    const file = write([
      { name: 'index.html', data: index },
      { name: 'manifest.json', data: manifest },
      { name: SIGNATURE_FILE, data: signatureFile(signer, manifest) },
    ]);
    await expect(verifyBundleZip(file)).resolves.toMatchObject({
      manifestSha256: sha256Of(manifest),
      signer: { fingerprint: signer.fingerprint },
    });
  });
});
