import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../core/bundles';
import { SIGNATURE_FILE } from '../../shared/domain/signing';
import { sha256Of, signatureFile, rawZip, type RawEntry, makeBundleFixture } from '../core/bundles/testing';
import { readVendorKey } from '../core/signing';
import { testSigner } from '../core/signing/testing';
import { createAnswer } from '../core/answers';
import { openLibrary } from '../core/library';
import { useTempDir } from '../core/testing';
import { kotae } from './testing';

// Black-box: `kotae bundle …` as a script would run it, on a library with a real clip.
const tempDir = useTempDir('kotae-cli-bundle-');

describe('kotae bundle', () => {
  it('exports a bundle that verify calls sound (exit 0), and lists it', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    const fx = await makeBundleFixture(lib, dir);
    fx.library.close();
    const out = path.join(dir, 'answer.zip');
    const exported = kotae(
      'bundle',
      'export',
      '--library',
      lib,
      String(fx.answerId),
      '--customer',
      String(fx.customerId),
      '--out',
      out,
      '--json',
    );
    expect(exported.code, exported.stderr).toBe(0);
    const record = JSON.parse(exported.stdout);
    expect(record).toMatchObject({
      answerId: fx.answerId,
      customerId: fx.customerId,
      personalised: true,
      zipPath: out,
    });

    const verified = kotae('bundle', 'verify', out, '--library', lib);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^Sound: .*answer\.zip: all \d+ files match the manifest/);
    expect(verified.stdout).toContain(fx.customerName);

    const list = kotae('bundle', 'list', '--library', lib, '--customer', String(fx.customerId), '--json');
    expect(JSON.parse(list.stdout).map((b: { id: number }) => b.id)).toEqual([record.id]);
  });

  it('exits 1 with the reason for a tampered bundle, a hostile one and a missing file', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    const fx = await makeBundleFixture(lib, dir);
    fx.library.close();
    const out = path.join(dir, 'a.zip');
    expect(kotae('bundle', 'export', '--library', lib, String(fx.answerId), '--out', out).code).toBe(0);
    // Flip one byte inside the stored video.
    const bytes = readFileSync(out);
    const at = bytes.indexOf(Buffer.from('mdat'));
    bytes[at + 100]! ^= 0xff;
    const tampered = path.join(dir, 'tampered.zip');
    writeFileSync(tampered, bytes);
    const bad = kotae('bundle', 'verify', tampered);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/media\/video-1\.mp4.*was changed after the bundle was made/);

    const junk = path.join(dir, 'junk.zip');
    writeFileSync(junk, 'not a zip');
    expect(kotae('bundle', 'verify', junk)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a zip file/),
    });
    expect(kotae('bundle', 'verify', path.join(dir, 'none.zip'))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/There is no file/),
    });
  });

  it('refuses a personalised export of an unknown answer with exit 1', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    expect(kotae('init', '--demo', '--library', lib).code).toBe(0);
    const res = kotae('bundle', 'export', '--library', lib, '999', '--out', path.join(dir, 'x.zip'));
    expect(res.code).toBe(1);
  });

  it('exports an answer with checks to fix, naming them on stderr (exit 0, stdout unchanged)', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    expect(kotae('init', '--demo', '--library', lib).code).toBe(0);
    const library = openLibrary(lib, { actor: 'test' });
    const { id } = createAnswer(library, { title: 'Empty answer', language: 'en', kind: 'answer' });
    library.close();

    const out = path.join(dir, 'empty.zip');
    const res = kotae('bundle', 'export', '--library', lib, String(id), '--out', out, '--json');
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ answerId: id, zipPath: out });
    expect(res.stderr).toMatch(new RegExp(`^Warning: answer ${id} was exported with \\d+ checks? to fix`));
    expect(res.stderr).toContain('[completeness] There is no resolution summary.');

    // A sound answer exports without a word on stderr.
    const demo = kotae('bundle', 'export', '--library', lib, '1', '--out', path.join(dir, 'demo.zip'));
    expect(demo).toMatchObject({ code: 0, stderr: '' });
  });
});

async function entriesOf(zipFile: string): Promise<RawEntry[]> {
  const out: RawEntry[] = [];
  const zip = await yauzl.openPromise(zipFile);
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks), method: 8 });
  }
  zip.close();
  return out;
}

/** The bundle with a phishing line in index.html and a manifest re-hashed to match it. */
function rehashed(entries: RawEntry[], signer: ReturnType<typeof testSigner> | null): Buffer {
  const get = (name: string) => entries.find((e) => e.name === name)!.data;
  const page = Buffer.from(
    get('index.html').toString().replace('</main>', '<p>Send your password</p></main>'),
  );
  const manifest = JSON.parse(get('manifest.json').toString()) as {
    files: { path: string; size: number; sha256: string }[];
  };
  Object.assign(
    manifest.files.find((f) => f.path === 'index.html')!,
    { size: page.length, sha256: sha256Of(page) },
  );
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
  return rawZip(
    entries.map((e) =>
      e.name === 'index.html'
        ? { ...e, data: page }
        : e.name === 'manifest.json'
          ? { ...e, data: bytes }
          : e.name === SIGNATURE_FILE && signer
            ? { ...e, data: signatureFile(signer, bytes) }
            : e,
    ),
  );
}

describe('kotae bundle verify: who made it (issue 15)', () => {
  // One export (through the core, as `kotae bundle export` does) for every check below: each CLI
  // run is a process of its own, slow on a loaded machine.
  let dir = '';
  let lib = '';
  let out = '';
  let fingerprint = '';
  let entries: RawEntry[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-cli-signed-'));
    lib = path.join(dir, 'lib');
    const fx = await makeBundleFixture(lib, dir);
    out = path.join(dir, 'a.zip');
    await exportBundle(
      fx.library,
      {
        answerId: fx.answerId,
        customerId: null,
        questionId: null,
        personalised: false,
        videoRendition: 'original',
        zip: true,
        folder: false,
      },
      { zipPath: out, folderPath: null },
      { appVersion: 'test' },
      { signal: new AbortController().signal, progress: () => undefined },
    );
    fingerprint = readVendorKey(fx.library)!.fingerprint;
    fx.library.close();
    entries = await entriesOf(out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it('names the signing key, and with --library says that this library made the bundle', () => {
    const alone = kotae('bundle', 'verify', out);
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout).toContain(`Signed with the key ${fingerprint}.`);
    const here = kotae('bundle', 'verify', out, '--library', lib, '--json');
    expect(here.code, here.stderr).toBe(0);
    expect(JSON.parse(here.stdout)).toMatchObject({
      sound: true,
      signature: { verdict: 'thisLibrary', fingerprint, libraryFingerprint: fingerprint },
    });
  });

  it('refuses a changed file whose manifest was re-hashed, with and without --library (the finding)', () => {
    const forged = write('forged.zip', rehashed(entries, null));
    for (const args of [[], ['--library', lib]]) {
      const res = kotae('bundle', 'verify', forged, ...args);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(
        /signature does not match its list of files: it was changed after it was signed/,
      );
      expect(res.stdout).toBe('');
    }
  });

  it('shows the forger’s key for a bundle signed again, and with --library refuses it as not made here', () => {
    const forger = testSigner('forger');
    const resigned = write('resigned.zip', rehashed(entries, forger));
    const shown = kotae('bundle', 'verify', resigned);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Signed with the key ${forger.fingerprint}.`);
    expect(shown.stdout).not.toContain(fingerprint);
    const checked = kotae('bundle', 'verify', resigned, '--library', lib);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(
      `was not made by this library: it is signed with the key ${forger.fingerprint}, and this library's key is ${fingerprint}.`,
    );
  });

  it('refuses a bundle turned into an unsigned old one: no signature and no record', () => {
    const old = entries
      .filter((e) => e.name !== SIGNATURE_FILE)
      .map((e) =>
        e.name === 'manifest.json'
          ? { ...e, data: Buffer.from(e.data.toString().replace('"formatVersion": 2', '"formatVersion": 1')) }
          : e,
      );
    const downgraded = write('old.zip', rawZip(old));
    expect(kotae('bundle', 'verify', downgraded)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not signed/),
    });
    expect(kotae('bundle', 'verify', downgraded, '--library', lib)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/this library has no record of its manifest/),
    });
  });

  it('refuses a zip with a hidden local entry that a streaming extractor would show (the finding)', () => {
    const hidden = write(
      'hidden.zip',
      rawZip([{ name: 'index.html', data: Buffer.from('<p>phishing</p>'), hidden: true }, ...entries]),
    );
    expect(kotae('bundle', 'verify', hidden, '--library', lib)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/belong to none of the files/),
    });
  });
});
