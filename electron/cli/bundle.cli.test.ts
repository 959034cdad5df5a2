import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswer } from '../core/answers';
import { makeBundleFixture } from '../core/bundles/testing';
import { openLibrary } from '../core/library';
import { useTempDir } from '../core/testing/tempDir';
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
