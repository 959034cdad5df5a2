import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, makeVideo } from '../core/testing';
import { kotaeIn as kotae } from './testing';

// What a script or a person reads when a command's input or its --out cannot work: a message that
// says what is wrong and what to do (never "The request was not valid: " with nothing after it,
// never "internal error: ENOENT"), and exit code 1 (their mistake), not 2 (ours).

const tempDir = useTempDir('kotae-cli-outputs-');

describe('kotae trim explains input it cannot use', () => {
  it('says why, in English and Japanese, with exit code 1', () => {
    const lib = path.join(tempDir(), 'lib');
    expect(kotae('en', 'init', '--library', lib).code).toBe(0);
    const trim = (language: 'en' | 'ja', ...args: string[]) =>
      kotae(language, 'trim', '--library', lib, '1', ...args, '--out', path.join(lib, '..', 'x.mp4'));
    // Each case in English; the Japanese words are checked for the first two (the spawns are slow).
    const cases: [string[], RegExp, RegExp][] = [
      [
        ['--from', '0:09', '--to', '0:02'],
        /--to \(0:02\) must come after --from \(0:09\)/,
        /--to（0:02）は --from（0:09）より後/,
      ],
      [
        ['--from', '0:03', '--to', '0:06', '--cut', '0:02-0:08'],
        /Nothing is left to render/,
        /書き出す部分が残っていません/,
      ],
      [['--from', 'soon', '--to', '0:02'], /“soon” is not a time/, /「soon」は時刻として読めません/],
      [
        ['--from', '0', '--to', '5', '--cut', '3'],
        /“3” is not a part to cut/,
        /「3」はカットする範囲として読めません/,
      ],
      [
        ['--from', '0', '--to', '5', '--cut', '4-3'],
        /“4-3” ends before it starts/,
        /「4-3」は終わりが始まりより前/,
      ],
      [
        ['--from', '0', '--to', '5', '--mode', 'fast'],
        /--mode must be lossless, accurate or smart/,
        /--mode には/,
      ],
      [
        ['--from', '0', '--to', '5', '--height', '999'],
        /--height must be 2160, 1080, 720 or 480/,
        /--height には/,
      ],
    ];
    cases.forEach(([args, en, ja], i) => {
      const a = trim('en', ...args);
      expect(a.code, args.join(' ')).toBe(1);
      expect(a.stderr).toMatch(en);
      expect(a.stderr).not.toMatch(/not valid: *$/m);
      if (i >= 2) return;
      const b = trim('ja', ...args);
      expect(b.code, args.join(' ')).toBe(1);
      expect(b.stderr).toMatch(ja);
    });
  }, 180_000);
});

describe('an --out into a folder that does not exist', () => {
  it('every command that writes a file says which folder is missing, exit 1, and writes nothing', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    expect(kotae('en', 'init', '--demo', '--library', lib).code).toBe(0);
    const video = await makeVideo(dir, 'v.mp4', { durationS: 1 });
    const added = kotae('en', 'media', 'add', '--library', lib, video, '--json');
    expect(added.code, added.stderr).toBe(0);
    const assetId = String((JSON.parse(added.stdout) as { assetId: number }[])[0]!.assetId);
    const missing = path.join(dir, 'missing', 'dir');
    const commands: string[][] = [
      ['bundle', 'export', '--library', lib, '1', '--customer', '1', '--out', path.join(missing, 'x.zip')],
      ['bundle', 'export', '--library', lib, '1', '--folder', '--out', path.join(missing, 'x.zip')],
      ['backup', '--library', lib, '--out', path.join(missing, 'b.zip')],
      ['log', 'export', '--library', lib, '--out', path.join(missing, 'log.csv')],
      ['capabilities', 'export', '--library', lib, '--out', path.join(missing, 'caps.json')],
      ['trim', '--library', lib, assetId, '--from', '0', '--to', '0.5', '--out', path.join(missing, 'c.mp4')],
    ];
    commands.forEach((args, i) => {
      const en = kotae('en', ...args);
      expect(en.code, `${args.join(' ')}: ${en.stderr}`).toBe(1);
      expect(en.stderr).toBe(`kotae: The folder “${missing}” does not exist. Choose an existing folder.\n`);
      if (i % 2) return;
      const ja = kotae('ja', ...args);
      expect(ja.code).toBe(1);
      expect(ja.stderr).toBe(`kotae: フォルダ「${missing}」がありません。既存のフォルダを選んでください。\n`);
    });
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    // Nothing half-written beside the library either.
    expect(readdirSync(dir).sort()).toEqual(['lib', 'v.mp4']);
  }, 180_000);
});
