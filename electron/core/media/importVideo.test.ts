import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../library';
import { snapshotFiles, useTempDir, makeVideo, testTools } from '../testing';
import { planRender } from '../clips';
import { assetProbe, getAsset, loadFrameIndex } from './assets';
import { importVideo } from './importVideo';

const tempDir = useTempDir('kotae-import-');

function newLibrary(): { library: Library; dir: string } {
  const dir = tempDir();
  return { library: createLibrary(path.join(dir, 'lib')), dir };
}

/** Everything a failed import could have touched: the media folder and every table's row count. */
function state(library: Library) {
  mkdirSync(library.media.dir, { recursive: true });
  return { files: snapshotFiles(library.media.dir), counts: library.counts() };
}

async function expectRefused(library: Library, file: string, key: string) {
  const before = state(library);
  await expect(importVideo(library, await testTools(), file)).rejects.toMatchObject({
    code: 'MEDIA_INVALID',
    messageKey: `videos:errors.${key}`,
  });
  expect(state(library)).toEqual(before);
}

describe('importing a video', () => {
  it('stores it by content, probed and indexed, with a clip covering all of it', async () => {
    const { library, dir } = newLibrary();
    const file = await makeVideo(dir, 'screen.mp4', { durationS: 3, gop: 30 });
    const original = readFileSync(file);
    const result = await importVideo(library, await testTools(), file);
    expect(result.added).toBe(true);
    const asset = getAsset(library, result.assetId);
    expect(asset).toMatchObject({
      kind: 'video',
      ext: 'mp4',
      mime: 'video/mp4',
      width: 320,
      height: 180,
      origin: 'import',
    });
    expect(asset.duration_s).toBeCloseTo(3, 2);
    const probe = assetProbe(asset);
    expect(probe.video).toMatchObject({ codec: 'h264', fps: 30, rotation: 0, reorderDelay: 2 });
    expect(probe.audio).toMatchObject({ codec: 'aac', sampleRate: 48000 });
    expect(
      JSON.parse(
        library.db
          .prepare('SELECT keyframes FROM media_assets WHERE id = ?')
          .pluck()
          .get(result.assetId) as string,
      ),
    ).toEqual([0, 1, 2]);
    // The zip checksum a bundle needs is taken in the same pass as the content address.
    expect(
      library.db.prepare('SELECT crc32 FROM media_assets WHERE id = ?').pluck().get(result.assetId),
    ).toBe(zlib.crc32(original));
    const frames = loadFrameIndex(library, result.assetId);
    expect(frames.times).toHaveLength(90);
    expect(readFileSync(file)).toEqual(original);
    const clip = library.db
      .prepare('SELECT segments, render_mode FROM clips WHERE id = ?')
      .get(result.clipId) as { segments: string; render_mode: string };
    expect(JSON.parse(clip.segments)).toEqual([{ startS: 0, endS: 3 }]);
    expect(clip.render_mode).toBe('smart');
    // The same bytes again: the same asset and clip, nothing new.
    const again = await importVideo(library, await testTools(), file);
    expect(again).toEqual({ assetId: result.assetId, clipId: result.clipId, added: false });
  });

  it('reads the rotation, and keeps the displayed size', async () => {
    const { library, dir } = newLibrary();
    const file = await makeVideo(dir, 'phone.mp4', { durationS: 1, rotate: 90 });
    const { assetId } = await importVideo(library, await testTools(), file);
    const asset = getAsset(library, assetId);
    expect(assetProbe(asset).video!.rotation).toBe(90);
    expect([asset.width, asset.height]).toEqual([180, 320]);
  });

  it('treats names like "-y.mp4" and "concat:a|b.mp4" as names, never as options or protocols', async () => {
    const { library, dir } = newLibrary();
    for (const [i, name] of ['-y.mp4', 'concat:a|b.mp4', 'it\'s "quoted" ; rm -rf.mp4'].entries()) {
      const odd = await makeVideo(dir, name, { durationS: 1 + i / 10 });
      const result = await importVideo(library, await testTools(), odd);
      expect(getAsset(library, result.assetId).original_name).toBe(name);
    }
  });

  it('goes by the content, not the extension: a WebM named .mp4 is stored as WebM', async () => {
    const { library, dir } = newLibrary();
    const webm = await makeVideo(dir, 'rec.webm', { durationS: 1, codec: 'vp8', live: true });
    const misnamed = path.join(dir, 'recording.mp4');
    copyFileSync(webm, misnamed);
    const { assetId } = await importVideo(library, await testTools(), misnamed);
    expect(getAsset(library, assetId)).toMatchObject({ ext: 'webm', mime: 'video/webm' });
  });

  it('takes an 8K video, and renders it scaled down to 4K for browsers (lossless refuses, saying why)', async () => {
    const { library, dir } = newLibrary();
    const file = path.join(dir, 'eight-k.mp4');
    const tools = await testTools();
    execFileSync(tools.ffmpeg.path, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=blue:s=7680x4320:r=10:d=0.3',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      `file:${file}`,
    ]);
    const { assetId } = await importVideo(library, tools, file);
    const asset = getAsset(library, assetId);
    expect([asset.width, asset.height]).toEqual([7680, 4320]);
    const probe = assetProbe(asset);
    const frames = loadFrameIndex(library, assetId);
    const opts = { resolution: 'source' as const, targetSizeMb: null, burnCaptions: false, cleanNarration: false };
    const lossless = planRender(probe, frames, [{ startS: 0, endS: 0.3 }], 'lossless', opts);
    expect(lossless).toMatchObject({ refused: true, fallback: 'tooLarge' });
    const smart = planRender(probe, frames, [{ startS: 0, endS: 0.3 }], 'smart', opts);
    expect(smart).toMatchObject({ mode: 'accurate', fallback: 'tooLarge', width: 3840, height: 2160 });
  });
});

describe('bad input is refused with a clear message, and nothing is touched', () => {
  it('an empty file', async () => {
    const { library, dir } = newLibrary();
    const file = path.join(dir, 'empty.mp4');
    writeFileSync(file, '');
    await expectRefused(library, file, 'empty');
  });

  it('a file cut short (its header says 4 s, the data stops half way)', async () => {
    const { library, dir } = newLibrary();
    const file = await makeVideo(dir, 'whole.mp4', { durationS: 4 });
    // moov first (as our renders write it), then half the data: the header promises more.
    const fast = path.join(dir, 'fast.mp4');
    execFileSync((await testTools()).ffmpeg.path, [
      '-v',
      'error',
      '-i',
      file,
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      fast,
    ]);
    const data = readFileSync(fast);
    const cut = path.join(dir, 'cut.mp4');
    writeFileSync(cut, data.subarray(0, Math.floor(data.length / 2)));
    await expectRefused(library, cut, 'truncated');
    // moov last (as cameras write it): without its end the file cannot be read at all.
    const plain = readFileSync(file);
    const cut2 = path.join(dir, 'cut2.mp4');
    writeFileSync(cut2, plain.subarray(0, Math.floor(plain.length / 2)));
    await expectRefused(library, cut2, 'unreadable');
  });

  it('a file that is not a video at all, whatever its extension says', async () => {
    const { library, dir } = newLibrary();
    const file = path.join(dir, 'notes.mp4');
    writeFileSync(file, 'These are my notes, not a video.\n'.repeat(100));
    await expectRefused(library, file, 'unreadable');
  });

  it('sound without picture', async () => {
    const { library, dir } = newLibrary();
    const file = path.join(dir, 'voice.m4a');
    execFileSync((await testTools()).ffmpeg.path, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=d=1',
      '-c:a',
      'aac',
      file,
    ]);
    await expectRefused(library, file, 'audioOnly');
  });

  it('a still image, even named .mp4', async () => {
    const { library, dir } = newLibrary();
    const file = path.join(dir, 'screenshot.mp4');
    execFileSync((await testTools()).ffmpeg.path, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=s=64x64:d=0.04',
      '-frames:v',
      '1',
      '-f',
      'image2',
      '-c:v',
      'png',
      file,
    ]);
    await expectRefused(library, file, 'image');
  });

  it('a damaged header', async () => {
    const { library, dir } = newLibrary();
    const file = await makeVideo(dir, 'ok.mp4', { durationS: 1 });
    const fast = path.join(dir, 'broken.mp4');
    execFileSync((await testTools()).ffmpeg.path, [
      '-v',
      'error',
      '-i',
      file,
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      fast,
    ]);
    const data = readFileSync(fast);
    for (let i = 40; i < 1200; i++) data[i] = (i * 7919) & 0xff;
    writeFileSync(fast, data);
    await expectRefused(library, fast, 'unreadable');
  });

  it('an endless stream: a pipe, a device', async () => {
    const { library, dir } = newLibrary();
    const fifo = path.join(dir, 'live.mp4');
    execFileSync('mkfifo', [fifo]);
    await expectRefused(library, fifo, 'notAFile');
    await expectRefused(library, '/dev/zero', 'notAFile');
  });

  it('a file still being written', async () => {
    const { library, dir } = newLibrary();
    const file = await makeVideo(dir, 'growing.mp4', { durationS: 2 });
    // A recorder still writing: the file keeps growing while we copy it (8 MB take many reads,
    // and the writer appends between them).
    appendFileSync(file, Buffer.alloc(8 * 1024 * 1024));
    const writer = setInterval(() => appendFileSync(file, Buffer.alloc(4096)), 0);
    try {
      await expectRefused(library, file, 'stillWriting');
    } finally {
      clearInterval(writer);
    }
  });
});
