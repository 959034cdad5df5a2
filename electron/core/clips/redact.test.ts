import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redaction, RenderMode, Segment, ZoomRegion } from '../../../shared/domain/clip';
import { pixelBox } from '../../../shared/clips/regions';
import { createLibrary, type Library } from '../library';
import { assetPath, assetProbe, getAsset, loadFrameIndex, importVideo } from '../media';
import {
  coarseLumaDiff,
  decodeFrames,
  gradientEnergy,
  lumaDiff,
  maxDeviation,
  meanDeviation,
  sameFrame,
  type Frame,
  makeVideo,
  measureSync,
  readFrameIds,
  testTools,
} from '../testing';
import { planRender, type RenderPlan } from './plan';
import { renderToFile } from './render';

// The "must show" of issue 21 for redaction and zoom, through the real planner and renderer: on a
// lavfi pattern with a white grid (sharp edges everywhere), every frame of a redaction's span has
// its box concealed, the frames just before and after it show the source there, the output holds
// exactly the frames of the edit, and sound stays with the picture. In smart mode the span starts
// mid-GOP: only the frames from the clean boundary before it to the keyframe after it are
// re-encoded, and every copied frame is the source's, byte for byte.

const W = 320;
const H = 180;
let dir: string;
let library: Library;
let assetId: number;
let sourceFile: string;
let sourceFrames: Frame[];
let sourceIds: number[];

// Keyframes every second (30 frames), B-frames in pyramid. Frames 42..65 are 1.4 s up to 2.2 s.
const rect = { x: 0.3, y: 0.3, w: 0.4, h: 0.4 };
const box = pixelBox(rect, W, H);
const inner = { x: box.x + 4, y: box.y + 4, w: box.w - 8, h: box.h - 8 };
const redaction = (style: Redaction['style'], startS = 1.4, endS = 2.2): Redaction => ({
  id: `r-${style}`,
  startS,
  endS,
  rect,
  rectTo: null,
  style,
});
const opts = { resolution: 'source' as const, targetSizeMb: null, burnCaptions: false, cleanNarration: false };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-redact-'));
  library = createLibrary(path.join(dir, 'lib'));
  sourceFile = await makeVideo(dir, 'grid.mp4', { durationS: 4, gop: 30, bframes: 3, grid: true });
  ({ assetId } = await importVideo(library, await testTools(), sourceFile));
  sourceFrames = await decodeFrames(sourceFile, W, H);
  sourceIds = await readFrameIds(sourceFile);
}, 120_000);

afterAll(() => {
  library?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function render(name: string, segments: Segment[], mode: RenderMode, redactions: Redaction[], zooms: ZoomRegion[] = []) {
  const asset = getAsset(library, assetId);
  const probe = assetProbe(asset);
  const frames = loadFrameIndex(library, assetId);
  const plan = planRender(probe, frames, segments, mode, opts, { exactCopyCuts: true }, { redactions, zooms });
  const outputFile = path.join(dir, name);
  await renderToFile({
    tools: await testTools(),
    sourcePath: assetPath(library, asset),
    probe,
    frames,
    plan,
    chapters: [],
    burnCaptionsVtt: null,
    title: name,
    outputFile,
    workDir: mkdtempSync(path.join(dir, 'work-')),
  });
  const ids = await readFrameIds(outputFile);
  return { plan, outputFile, ids, out: await decodeFrames(outputFile, W, H) };
}

/**
 * Source frame index of every output frame, checking the output holds exactly the edit's frames.
 * A zoom enlarges the frame number's barcode too: those frames are placed by their neighbours.
 */
function sourceIndexes(plan: RenderPlan, ids: number[], zoomed: { first: number; end: number } | null = null): number[] {
  const expected = plan.segments.flatMap((s) => sourceIds.slice(s.first, s.end).map((id, i) => ({ id, n: s.first + i })));
  expect(ids).toHaveLength(expected.length);
  const readable = (n: number) => !zoomed || n < zoomed.first || n >= zoomed.end;
  expect(ids.filter((_, i) => readable(expected[i]!.n))).toEqual(expected.filter((e) => readable(e.n)).map((e) => e.id));
  return expected.map((e) => e.n);
}

describe('a redaction, rendered', () => {
  it('accurate, solid box: the box colour on every frame of the span, the source just before and after', async () => {
    const { plan, ids, out, outputFile } = await render('box-accurate.mp4', [{ startS: 0.4, endS: 3.6 }], 'accurate', [redaction('box')]);
    const src = sourceIndexes(plan, ids);
    let inside = 0;
    src.forEach((n, i) => {
      if (n >= 42 && n < 66) {
        inside++;
        // Black after H.264: Y 16 and U/V 128 give or take the encoder's rounding (which rings a
        // little along the box's edge against the bright grid; exactness before the encoder is
        // checked in media/ffmpeg/args/regions.test.ts).
        for (const [plane, value] of [['y', 16], ['u', 128], ['v', 128]] as const) {
          expect(meanDeviation(out[i]!, plane, inner, value), `frame ${n} ${plane}`).toBeLessThanOrEqual(1.5);
          // (A grid line showing through would be 200 away.)
          expect(maxDeviation(out[i]!, plane, inner, value), `frame ${n} ${plane}`).toBeLessThanOrEqual(24);
        }
        expect(gradientEnergy(out[i]!, inner), `frame ${n}`).toBeLessThan(1);
      } else {
        expect(lumaDiff(out[i]!, sourceFrames[n]!, box), `frame ${n}`).toBeLessThan(4);
      }
    });
    expect(inside).toBe(24);
    // The frames just before and after are the source's there, far from the box colour.
    expect(maxDeviation(out[src.indexOf(41)]!, 'y', box, 16)).toBeGreaterThan(100);
    expect(maxDeviation(out[src.indexOf(66)]!, 'y', box, 16)).toBeGreaterThan(100);
    const sync = await measureSync(sourceFile, outputFile);
    expect(sync.beeps).toBeGreaterThanOrEqual(3);
    expect(sync.maxOffsetS).toBeLessThanOrEqual(0.04);
  }, 120_000);

  it('smart, blur starting mid-GOP: only the frames around the span are re-encoded, the rest copied byte for byte', async () => {
    const { plan, ids, out, outputFile } = await render('blur-smart.mp4', [{ startS: 0, endS: 4 }], 'smart', [redaction('blur')]);
    expect(plan.mode).toBe('smart');
    const parts = plan.segments[0]!.parts;
    expect(parts.map((p) => p.kind)).toEqual(['copy', 'encode', 'copy']);
    const encoded = parts[1]!;
    // From the last clean boundary at or before frame 42 to the keyframe after frame 65.
    expect(encoded.first).toBeLessThanOrEqual(42);
    expect(encoded.first).toBeGreaterThan(30);
    expect(encoded.end).toBe(90);
    expect(encoded.kind === 'encode' && encoded.why).toEqual(['redaction']);
    const src = sourceIndexes(plan, ids);
    src.forEach((n, i) => {
      if (n < encoded.first || n >= encoded.end) {
        expect(sameFrame(out[i]!, sourceFrames[n]!), `copied frame ${n}`).toBe(true);
      } else if (n >= 42 && n < 66) {
        // No sharp edges: the grid's lines and the pattern's text are smeared flat.
        expect(gradientEnergy(out[i]!, box), `frame ${n}`).toBeLessThan(gradientEnergy(sourceFrames[n]!, box) / 4);
      } else {
        expect(lumaDiff(out[i]!, sourceFrames[n]!, box), `frame ${n}`).toBeLessThan(4);
      }
    });
    // The frames just before and after the span keep the grid's edges.
    for (const n of [41, 66]) {
      expect(gradientEnergy(out[src.indexOf(n)]!, box)).toBeGreaterThan(gradientEnergy(sourceFrames[n]!, box) * 0.8);
    }
    const sync = await measureSync(sourceFile, outputFile);
    expect(sync.beeps).toBeGreaterThanOrEqual(3);
    expect(sync.maxOffsetS).toBeLessThanOrEqual(0.04);
  }, 120_000);

  it('smart, with a cut and a zoom as well: each re-encoded part says why, the zoom fills the picture', async () => {
    // The zoom starts after the keyframe at 3 s that ends the redaction's re-encoded part.
    const zoom: ZoomRegion = { id: 'z', startS: 3.1, endS: 3.4, rect: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 }, easeS: 0.05 };
    const { plan, ids, out } = await render('mixed-smart.mp4', [{ startS: 0.5, endS: 3.6 }], 'smart', [redaction('pixelate')], [zoom]);
    const parts = plan.segments[0]!.parts;
    expect(parts.map((p) => [p.kind, p.kind === 'encode' ? p.why : []])).toEqual([
      ['encode', ['inPoint']],
      ['copy', []],
      ['encode', ['redaction']],
      ['copy', []],
      ['encode', ['zoom', 'outPoint']],
    ]);
    const src = sourceIndexes(plan, ids, { first: 93, end: 102 });
    // At full zoom (3.233 s, frame 97) the middle of the picture fills it; before 3.1 s it does not.
    expect(coarseLumaDiff(out[src.indexOf(97)]!, sourceFrames[97]!)).toBeGreaterThan(15);
    expect(lumaDiff(out[src.indexOf(85)]!, sourceFrames[85]!)).toBeLessThan(4);
    expect(lumaDiff(out[src.indexOf(102)]!, sourceFrames[102]!)).toBeLessThan(4);
    for (const n of [42, 50, 65]) expect(lumaDiff(out[src.indexOf(n)]!, sourceFrames[n]!, box)).toBeGreaterThan(5);
  }, 120_000);

  it('lossless refuses a redaction, saying it needs smart or accurate, and writes nothing', async () => {
    const asset = getAsset(library, assetId);
    const plan = planRender(assetProbe(asset), loadFrameIndex(library, assetId), [{ startS: 0, endS: 4 }], 'lossless', opts, undefined, {
      redactions: [redaction('box')],
      zooms: [],
    });
    expect(plan).toMatchObject({ refused: true, fallback: 'redaction' });
    const outputFile = path.join(dir, 'refused.mp4');
    await expect(
      renderToFile({
        tools: await testTools(),
        sourcePath: assetPath(library, asset),
        probe: assetProbe(asset),
        frames: loadFrameIndex(library, assetId),
        plan,
        chapters: [],
        burnCaptionsVtt: null,
        title: 'x',
        outputFile,
        workDir: mkdtempSync(path.join(dir, 'work-')),
      }),
    ).rejects.toMatchObject({ messageKey: 'videos:errors.losslessRefused.redaction' });
    expect(existsSync(outputFile)).toBe(false);
  });
});
