import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderMode, Segment } from '../../../shared/domain/clip';
import { createLibrary, type Library } from '../library';
import { assetPath, assetProbe, getAsset, loadFrameIndex, importVideo } from '../media';
import {
  snapshotFiles,
  frameTimes,
  makeVideo,
  measureSync,
  readFrameIds,
  testTools,
  type TestVideoSpec,
} from '../testing';
import { planRender } from './plan';
import { renderToFile } from './render';

// The "must show" of issue 6: for every mode, on sources like the ones vendors really have, the
// output holds exactly the frames of the (lossless: keyframe-snapped) edit, in order, starting
// with the source frame at the in point; its length is within one frame of the edit; and sound and
// picture stay within 40 ms of each other at every beep.

let dir: string;
let library: Library;

const sources: Record<string, TestVideoSpec & { durationS: number }> = {
  // Long GOP (3 s) with B-frames in pyramid: every cut below falls mid-GOP and between references.
  'bframes-longgop.mp4': { durationS: 6, gop: 90, bframes: 3 },
  'vfr.mp4': { durationS: 4, vfr: true, gop: 30 },
  'fps60.mp4': { durationS: 4, fps: 60, gop: 60 },
  'late-audio.mp4': { durationS: 4, audioStartS: 0.7, gop: 30 },
  'rotated.mp4': { durationS: 4, rotate: 90, gop: 60 },
  // What MediaRecorder writes in Chrome: VP8/VP9 + Opus WebM without cues or duration.
  'vp9-recorder.webm': { durationS: 4, codec: 'vp9', live: true },
  'vp8-recorder.webm': { durationS: 4, codec: 'vp8', live: true },
};

/** A cut that removes a middle part: in at 0.4 s, a hole from 1.3 s to 2.1 s, out at 3.5 s. */
const twoParts: Segment[] = [
  { startS: 0.41, endS: 1.3 },
  { startS: 2.1, endS: 3.5 },
];
const onePart: Segment[] = [{ startS: 1.52, endS: 4.71 }];

interface Imported {
  file: string;
  assetId: number;
  ids: number[];
}
const imported: Record<string, Imported> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-render-'));
  library = createLibrary(path.join(dir, 'lib'));
  const tools = await testTools();
  for (const [name, spec] of Object.entries(sources)) {
    const file = await makeVideo(dir, name, spec);
    const { assetId } = await importVideo(library, tools, file);
    imported[name] = { file, assetId, ids: await readFrameIds(file) };
  }
}, 120_000);

afterAll(() => {
  library?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function render(name: string, segments: Segment[], mode: RenderMode, outName: string) {
  const tools = await testTools();
  const src = imported[name]!;
  const asset = getAsset(library, src.assetId);
  const probe = assetProbe(asset);
  const frames = loadFrameIndex(library, src.assetId);
  const plan = planRender(probe, frames, segments, mode, { resolution: 'source', targetSizeMb: null, burnCaptions: false, cleanNarration: false });
  const workDir = mkdtempSync(path.join(dir, 'work-'));
  const outputFile = path.join(dir, outName);
  await renderToFile({
    tools,
    sourcePath: assetPath(library, asset),
    probe,
    frames,
    plan,
    chapters: [{ title: 'Start', startS: 0, endS: plan.outputDurationS }],
    burnCaptionsVtt: null,
    title: outName,
    outputFile,
    workDir,
  });
  return { plan, outputFile, probe, frames, src };
}

const cases: [string, Segment[], RenderMode][] = [];
for (const name of Object.keys(sources)) {
  for (const mode of ['lossless', 'accurate', 'smart'] as const) cases.push([name, twoParts, mode]);
}
for (const mode of ['lossless', 'accurate', 'smart'] as const) cases.push(['bframes-longgop.mp4', onePart, mode]);

describe('rendering an edit', () => {
  it.each(cases)('%s, %j, %s: exact frames, length and sync', async (name, segments, mode) => {
    const isVp = name.endsWith('.webm');
    if (mode === 'lossless' && (isVp || (name === 'rotated.mp4' && segments.length > 1))) {
      // Lossless copies the stream: VP8/VP9 cannot go into a browser MP4, and a rotated picture
      // cannot survive the join. It refuses, saying so, and writes nothing.
      const out = `${name}-${mode}-${segments.length}.mp4`;
      await expect(render(name, segments, mode, out)).rejects.toMatchObject({
        messageKey: `videos:errors.losslessRefused.${isVp ? 'notH264' : 'rotated'}`,
      });
      expect(existsSync(path.join(dir, out))).toBe(false);
      return;
    }
    const { plan, outputFile, probe, src } = await render(name, segments, mode, `${name}-${mode}-${segments.length}.mp4`);

    // Which modes really ran: smart falls back to accurate for what it cannot copy, with a reason.
    if (mode === 'smart' && (isVp || name === 'rotated.mp4')) {
      expect(plan.mode).toBe('accurate');
      expect(plan.fallback).toBe(isVp ? 'notH264' : 'rotated');
    } else {
      expect(plan.mode).toBe(mode);
    }
    if (mode === 'smart' && !isVp && name !== 'rotated.mp4') {
      // Something was really copied, and only the partial GOPs around each cut were re-encoded.
      expect(plan.segments.flatMap((s) => s.parts).some((p) => p.kind === 'copy')).toBe(true);
      expect(plan.segments.flatMap((s) => s.parts).some((p) => p.kind === 'encode')).toBe(true);
    }

    // Exactly the frames of the edit, in order. For accurate and smart that edit is the one asked
    // for: the first frame is the source frame at the in point, not a neighbour.
    const barRotation = plan.mode === 'accurate' ? probe.video!.rotation : undefined;
    const ids = await readFrameIds(outputFile, barRotation);
    const expected = plan.segments.flatMap((s) => src.ids.slice(s.first, s.end));
    expect(ids).toEqual(expected);
    if (plan.mode !== 'lossless') {
      const srcTimes = await frameTimes(src.file);
      const inFrame = srcTimes.findIndex((t) => t >= segments[0]!.startS - 1e-4);
      expect(ids[0]).toBe(src.ids[inFrame]);
    } else {
      // Lossless starts at the keyframe at or before the in point, where the plan said it would.
      expect(plan.segments[0]!.startS).toBeLessThanOrEqual(segments[0]!.startS);
    }

    // Length within one frame of the (snapped) edit.
    const outTimes = await frameTimes(outputFile);
    const frame = 1 / (probe.video!.fps || 30);
    const lastFrame = outTimes.length > 1 ? outTimes[outTimes.length - 1]! - outTimes[outTimes.length - 2]! : frame;
    const videoLength = outTimes[outTimes.length - 1]! - outTimes[0]! + lastFrame;
    expect(Math.abs(videoLength - plan.outputDurationS)).toBeLessThanOrEqual(frame + 1e-3);
    expect(outTimes[0]).toBeCloseTo(0, 3);

    // Sound and picture together at every beep the output holds.
    const sync = await measureSync(src.file, outputFile, barRotation);
    expect(sync.beeps).toBeGreaterThanOrEqual(1);
    expect(sync.maxOffsetS).toBeLessThanOrEqual(0.04);
  });
});

describe('captions drawn into the picture', () => {
  it('appear where their chapter plays (Japanese too), only when asked for', async () => {
    const tools = await testTools();
    const src = imported['bframes-longgop.mp4']!;
    const asset = getAsset(library, src.assetId);
    const probe = assetProbe(asset);
    const frames = loadFrameIndex(library, src.assetId);
    const segments = [{ startS: 1, endS: 3 }];
    const bottom = async (burn: boolean) => {
      const plan = planRender(probe, frames, segments, 'accurate', { resolution: 'source', targetSizeMb: null, burnCaptions: burn, cleanNarration: false });
      const out = path.join(dir, `captions-${burn}.mp4`);
      await renderToFile({
        tools, sourcePath: assetPath(library, asset), probe, frames, plan, chapters: [], title: 'c', outputFile: out,
        burnCaptionsVtt: burn ? 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:01.500\n設定を開きます Open settings\n' : null,
        workDir: mkdtempSync(path.join(dir, 'work-')),
      });
      const { execFileSync } = await import('node:child_process');
      // The bottom fifth of the frame at 1 s of the output (captioned) and at 1.8 s (not).
      return [1, 1.8].map((t) =>
        execFileSync(tools.ffmpeg.path, ['-v', 'error', '-ss', String(t), '-i', out, '-frames:v', '1', '-vf', 'crop=iw:ih/5:0:ih*4/5,scale=64:8,format=gray', '-f', 'rawvideo', '-']),
      );
    };
    const [plainAt1, plainAt18] = await bottom(false);
    const [burntAt1, burntAt18] = await bottom(true);
    const mad = (a: Buffer, b: Buffer) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
    expect(mad(plainAt1!, burntAt1!)).toBeGreaterThan(3);
    expect(mad(plainAt18!, burntAt18!)).toBeLessThan(2);
  });
});

describe('a failed or cancelled render', () => {
  it('leaves no file and an untouched source when cancelled', async () => {
    const tools = await testTools();
    const src = imported['bframes-longgop.mp4']!;
    const asset = getAsset(library, src.assetId);
    const before = snapshotFiles(path.join(dir, 'lib', 'media'));
    const probe = assetProbe(asset);
    const frames = loadFrameIndex(library, src.assetId);
    const plan = planRender(probe, frames, twoParts, 'accurate', { resolution: 'source', targetSizeMb: null, burnCaptions: false, cleanNarration: false });
    const controller = new AbortController();
    const outDir = mkdtempSync(path.join(dir, 'cancel-'));
    const outputFile = path.join(outDir, 'out.mp4');
    const running = renderToFile({
      tools,
      sourcePath: assetPath(library, asset),
      probe,
      frames,
      plan,
      chapters: [],
      burnCaptionsVtt: null,
      title: 'x',
      outputFile,
      workDir: outDir,
      signal: controller.signal,
    });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(outDir)).toEqual([]);
    expect(snapshotFiles(path.join(dir, 'lib', 'media'))).toEqual(before);
  });

  it('fails cleanly when the disk fills up, leaving nothing behind', async (ctx) => {
    const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'kotae-full-'));
    const { execFileSync } = await import('node:child_process');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      rmSync(mountPoint, { recursive: true, force: true });
      // A tiny file system needs root (mount); elsewhere this case cannot be staged.
      ctx.skip();
      return;
    }
    try {
      const tools = await testTools();
      const src = imported['bframes-longgop.mp4']!;
      const asset = getAsset(library, src.assetId);
      const before = snapshotFiles(path.join(dir, 'lib', 'media'));
      const probe = assetProbe(asset);
      const frames = loadFrameIndex(library, src.assetId);
      const plan = planRender(probe, frames, onePart, 'accurate', { resolution: 'source', targetSizeMb: null, burnCaptions: false, cleanNarration: false });
      const work = path.join(mountPoint, 'work');
      mkdirSync(work);
      await expect(
        renderToFile({
          tools,
          sourcePath: assetPath(library, asset),
          probe,
          frames,
          plan,
          chapters: [],
          burnCaptionsVtt: null,
          title: 'x',
          outputFile: path.join(mountPoint, 'out.mp4'),
          workDir: work,
        }),
      ).rejects.toMatchObject({ code: 'DISK_FULL' });
      expect(readdirSync(mountPoint)).toEqual(['work']);
      expect(snapshotFiles(path.join(dir, 'lib', 'media'))).toEqual(before);
    } finally {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});
