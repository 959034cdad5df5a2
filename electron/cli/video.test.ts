import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, makeVideo, readFrameIds } from '../core/testing';
import { kotae } from './testing';

// kotae probe / media add / trim, black-box, as a script would run them.
const tempDir = useTempDir('kotae-cli-video-');

describe('kotae video commands', () => {
  it('probe --json tells duration, streams, size, frame rate, rotation and keyframes', async () => {
    const dir = tempDir();
    const file = await makeVideo(dir, 'a.mp4', { durationS: 2, gop: 30, rotate: 90 });
    const out = kotae('probe', file, '--json');
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({ formatName: expect.stringContaining('mp4'), frames: 60, keyframes: [0, 1] });
    expect(json.durationS).toBeCloseTo(2, 2);
    expect(json.video).toMatchObject({ codec: 'h264', width: 320, height: 180, fps: 30, rotation: 90 });
    expect(json.audio).toMatchObject({ codec: 'aac', sampleRate: 48000 });
  });

  it('media add imports, trim cuts by asset id or by path, frame-exact in accurate and smart', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    expect(kotae('init', '--library', lib).code).toBe(0);
    const file = await makeVideo(dir, 'rec.mp4', { durationS: 4, gop: 30 });
    const add = kotae('media', 'add', '--library', lib, file, '--json');
    expect(add.code, add.stderr).toBe(0);
    const assetId = (JSON.parse(add.stdout) as { assetId: number }[])[0]!.assetId;
    const srcIds = await readFrameIds(file);

    const smart = path.join(dir, 'smart.mp4');
    const s = kotae('trim', '--library', lib, String(assetId), '--from', '0.5', '--to', '3.5', '--cut', '1.5-2.2', '--mode', 'smart', '--out', smart, '--json');
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ mode: 'smart', fallback: null });
    // 0.5–1.5 s and 2.2–3.5 s at 30 fps: frames 15..44 and 66..104.
    expect(await readFrameIds(smart)).toEqual([...srcIds.slice(15, 45), ...srcIds.slice(66, 105)]);

    const lossless = path.join(dir, 'lossless.mp4');
    const l = kotae('trim', '--library', lib, file, '--from', '0:01.5', '--to', '3.5', '--mode', 'lossless', '--out', lossless);
    expect(l.code, l.stderr).toBe(0);
    // Lossless says where the cut really falls: at the keyframe before 1.5 s.
    expect(l.stdout).toMatch(/cut at 1\.000–3\.5\d\d s/);
    expect((await readFrameIds(lossless))[0]).toBe(srcIds[30]);
  });

  it('refuses a bad source or mode with a message and exit code 1', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    kotae('init', '--library', lib);
    const out = kotae('trim', '--library', lib, '/dev/null', '--from', '0', '--to', '1', '--out', path.join(dir, 'x.mp4'));
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/not a regular file|empty/);
    const file = await makeVideo(dir, 'v.webm', { durationS: 1, codec: 'vp8' });
    const ll = kotae('trim', '--library', lib, file, '--from', '0', '--to', '1', '--mode', 'lossless', '--out', path.join(dir, 'y.mp4'));
    expect(ll.code).toBe(1);
    expect(ll.stderr).toMatch(/Lossless needs an H\.264 video/);
    expect(kotae('trim', '--library', lib, file, '--from', '0', '--to', '1', '--mode', 'fast', '--out', path.join(dir, 'z.mp4')).code).toBe(1);
  });
});
