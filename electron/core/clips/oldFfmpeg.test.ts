import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderMode, Segment } from '../../../shared/domain/clip';
import { createLibrary, type Library } from '../library';
import {
  thumbnailStrip,
  waveform,
  remuxRecordingInvocation,
  resolveTools,
  type FfmpegTools,
  runFfmpeg,
  importVideo,
  probeFile,
  renderEmailRendition,
} from '../media';
import { decodeFrames, meanDeviation, frameTimes, makeVideo, measureSync, readFrameIds } from '../testing';
import { trimToFile } from './renderClip';

// Issue 9: a packaged app on a machine without ffmpeg 5+ runs the bundled @ffmpeg-installer build
// (4.1, 2018). Here that real binary renders: lossless and smart fall back to accurate (its stream
// copy cannot start at an exact frame), say so, and the output starts on the source frame at the
// in point; thumbnails, the waveform, the e-mail rendition and a recording's remux work with it too.

const require = createRequire(import.meta.url);
const bundledFfmpeg = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
const oldPrefs = { env: { ...process.env, KOTAE_FFMPEG: bundledFfmpeg } };

let dir: string;
let library: Library;
let tools: FfmpegTools;
let source: { file: string; assetId: number; ids: number[] };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-oldffmpeg-'));
  library = createLibrary(path.join(dir, 'lib'));
  tools = await resolveTools(oldPrefs);
  // Long GOP (3 s) with B-frames: the in points below fall mid-GOP, where a 4.1 copy would not start.
  const file = await makeVideo(dir, 'source.mp4', { durationS: 6, gop: 90, bframes: 3 });
  const { assetId } = await importVideo(library, tools, file);
  source = { file, assetId, ids: await readFrameIds(file) };
}, 120_000);

afterAll(() => {
  library?.close();
  rmSync(dir, { recursive: true, force: true });
});

const edit: Segment[] = [{ startS: 1.52, endS: 4.71 }];

describe('rendering with the bundled ffmpeg 4.1', () => {
  it('is the ffmpeg in use, with no exact stream-copy cuts', () => {
    expect(tools.ffmpeg).toMatchObject({ path: bundledFfmpeg, source: 'env', exactCopyCuts: false });
    expect(tools.ffmpeg.avformatMajor).toBeLessThan(59);
  });

  it.each(['lossless', 'smart'] as RenderMode[])('%s renders accurately from the exact in point and says why', async (mode) => {
    const outputFile = path.join(dir, `${mode}.mp4`);
    const plan = await trimToFile(
      library,
      tools,
      { assetId: source.assetId, segments: edit, chapters: [], captions: [], renderMode: mode, options: { resolution: 'source', targetSizeMb: null, burnCaptions: false, cleanNarration: false }, title: mode },
      outputFile,
    );
    expect(plan).toMatchObject({ requestedMode: mode, mode: 'accurate', fallback: 'oldFfmpeg', refused: false });
    // Frame-exact: the plan keeps the cut where the editor put it, nothing snapped to a keyframe.
    expect(plan.segments[0]!.actual.startS).toBeCloseTo(Math.ceil(1.52 * 30) / 30, 3);
    expect(existsSync(outputFile)).toBe(true);

    // It plays: ffprobe (the bundled 2023 build) reads a duration within one frame of the edit.
    const probed = await probeFile(tools, outputFile, 0);
    const frame = 1 / 30;
    expect(Math.abs(probed.probe.durationS - plan.outputDurationS)).toBeLessThanOrEqual(frame + 1e-3);

    // The first frame is the source frame at the in point, and every frame of the edit follows.
    const srcTimes = await frameTimes(source.file);
    const inFrame = srcTimes.findIndex((t) => t >= edit[0]!.startS - 1e-4);
    const outFrame = srcTimes.findIndex((t) => t >= edit[0]!.endS - 1e-4);
    const ids = await readFrameIds(outputFile);
    expect(ids[0]).toBe(source.ids[inFrame]);
    expect(ids).toEqual(source.ids.slice(inFrame, outFrame));

    // Sound and picture together at every beep the output holds (apad is spelled for 4.1).
    const sync = await measureSync(source.file, outputFile);
    expect(sync.beeps).toBeGreaterThanOrEqual(1);
    expect(sync.maxOffsetS).toBeLessThanOrEqual(0.04);
  });
});

describe('redaction, zoom and clean narration with the bundled ffmpeg 4.1', () => {
  it('render accurately: the box hidden over its span, a zoom that cuts in and out, the sound evened and in sync', async () => {
    const outputFile = path.join(dir, 'regions.mp4');
    const plan = await trimToFile(
      library,
      tools,
      {
        assetId: source.assetId,
        segments: edit,
        chapters: [],
        captions: [],
        renderMode: 'smart',
        options: { resolution: 'source', targetSizeMb: null, burnCaptions: false, cleanNarration: true },
        title: 'regions',
        redactions: [{ id: 'r', startS: 2, endS: 3, rect: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 }, rectTo: null, style: 'box' }],
        zooms: [{ id: 'z', startS: 3.5, endS: 4, rect: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, easeS: 0.2 }],
      },
      outputFile,
    );
    expect(plan).toMatchObject({ mode: 'accurate', fallback: 'oldFfmpeg', redactions: 1, zooms: 1, zoomEased: false, cleanNarration: true });
    const srcTimes = await frameTimes(source.file);
    const inFrame = srcTimes.findIndex((t) => t >= edit[0]!.startS - 1e-4);
    const outFrame = srcTimes.findIndex((t) => t >= edit[0]!.endS - 1e-4);
    // Every frame of the edit (the zoom enlarges the frame numbers too: its frames are only counted).
    const ids = await readFrameIds(outputFile);
    expect(ids).toHaveLength(outFrame - inFrame);
    const zoomed = (i: number) => srcTimes[inFrame + i]! >= 3.5 - 1e-4 && srcTimes[inFrame + i]! < 4 - 1e-4;
    expect(ids.filter((_, i) => !zoomed(i))).toEqual(source.ids.slice(inFrame, outFrame).filter((_, i) => !zoomed(i)));
    const frames = await decodeFrames(outputFile, 320, 180);
    const box = { x: 80, y: 46, w: 160, h: 88 };
    const at = (s: number) => srcTimes.findIndex((t) => t >= s - 1e-4) - inFrame;
    expect(meanDeviation(frames[at(2.5)]!, 'y', box, 16)).toBeLessThan(2);
    expect(meanDeviation(frames[at(1.9)]!, 'y', box, 16)).toBeGreaterThan(20);
    const sync = await measureSync(source.file, outputFile);
    expect(sync.beeps).toBeGreaterThanOrEqual(1);
    expect(sync.maxOffsetS).toBeLessThanOrEqual(0.04);
  });
});

describe('other ffmpeg work with the bundled ffmpeg 4.1', () => {
  it('makes the thumbnail strip and the waveform', async () => {
    const strip = await thumbnailStrip(library, tools, source.assetId);
    expect(strip.count).toBeGreaterThan(0);
    const wave = await waveform(library, tools, source.assetId);
    expect(wave.peaks.length).toBeGreaterThan(0);
    expect(Math.max(...wave.peaks)).toBeGreaterThan(0);
  });

  it('writes the e-mail rendition', async () => {
    const out = path.join(dir, 'mail.mp4');
    await renderEmailRendition(source.file, out, { tools: oldPrefs, durationS: 6, signal: new AbortController().signal });
    const probed = await probeFile(tools, out, 0);
    expect(probed.probe.video?.codec).toBe('h264');
    expect(probed.probe.durationS).toBeGreaterThan(5.9);
  });

  it('remuxes a recording as MediaRecorder writes it', async () => {
    const recorded = await makeVideo(dir, 'recorded.webm', { durationS: 3, codec: 'vp9', live: true });
    const out = path.join(dir, 'recorded-remuxed.webm');
    await runFfmpeg(tools.ffmpeg, remuxRecordingInvocation(recorded, false, true, out));
    const probed = await probeFile(tools, out, 0);
    expect(probed.probe.durationS).toBeGreaterThan(2.9);
  });
});
