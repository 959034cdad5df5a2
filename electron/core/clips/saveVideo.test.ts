import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBundleFixture } from '../bundles/testing';
import { fileNameOf, renderedFileOf, saveRenderedVideo } from './saveVideo';

// "Save video as…" on a real library with a real rendered clip (ffmpeg's test sources).

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-save-video-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('saveRenderedVideo', () => {
  it('copies the rendered file whole to the chosen path, leaving no temp file and the original as it was', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const { file, name } = renderedFileOf(fx.library, fx.clipId);
    expect(name).toBe('JPEG に変えてアップロードし直す.mp4');
    const original = readFileSync(file);
    const fractions: number[] = [];
    const saved = await saveRenderedVideo(fx.library, fx.clipId, path.join(out, 'clip.mp4'), {
      onProgress: (f) => fractions.push(f),
    });
    expect(saved).toEqual({ file: path.join(out, 'clip.mp4'), bytes: original.length });
    expect(readFileSync(path.join(out, 'clip.mp4')).equals(original)).toBe(true);
    expect(readdirSync(out)).toEqual(['clip.mp4']);
    expect(fractions.at(-1)).toBe(1);
    expect(readFileSync(file).equals(original)).toBe(true);
    fx.library.close();
  });

  it('a cancelled copy leaves nothing new, and a file it would replace stays as it was', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const target = path.join(dir, 'keep.mp4');
    writeFileSync(target, 'the earlier file');
    const controller = new AbortController();
    controller.abort();
    await expect(
      saveRenderedVideo(fx.library, fx.clipId, target, { signal: controller.signal }),
    ).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('the earlier file');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    fx.library.close();
  });

  it('refuses a clip with no rendered file, and a folder that does not exist, with a clear error', async () => {
    const dir = tempDir();
    const fx = await makeBundleFixture(path.join(dir, 'lib'), dir, { unrendered: true });
    expect(() => renderedFileOf(fx.library, fx.clipId)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', messageKey: 'videos:errors.notRendered' }),
    );
    fx.library.close();
    const rendered = await makeBundleFixture(path.join(dir, 'lib2'), dir);
    const missing = path.join(dir, 'no-such-folder', 'clip.mp4');
    await expect(saveRenderedVideo(rendered.library, rendered.clipId, missing)).rejects.toMatchObject({
      code: 'FOLDER_MISSING',
    });
    expect(existsSync(path.dirname(missing))).toBe(false);
    rendered.library.close();
  });
});

describe('fileNameOf', () => {
  it('makes a name every file system takes from any title', () => {
    expect(fileNameOf('Publish: step 1/2 <draft>?')).toBe('Publish step 1 2 draft');
    expect(fileNameOf('..hidden')).toBe('hidden');
    expect(fileNameOf('tab\there\u0000')).toBe('tab here');
    expect(fileNameOf('  ')).toBe('video');
    expect(fileNameOf('あ'.repeat(300))).toHaveLength(120);
  });
});
