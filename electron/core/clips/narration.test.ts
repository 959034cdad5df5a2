import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderMode, Segment } from '../../../shared/domain/clip';
import { createLibrary, type Library } from '../library';
import { assetPath, assetProbe, getAsset, loadFrameIndex, importVideo } from '../media';
import {
  envelopeLagS,
  integratedLoudness,
  levelDb,
  monoSamples,
  onsetS,
  frameTimes,
  testTools,
} from '../testing';
import { planRender } from './plan';
import { renderToFile } from './render';

// The "must show" of issue 21 for clean narration: a laptop-microphone recording (a voice-like
// harmonic tone in two bursts, 50/100 Hz mains hum and steady hiss under all of it, quietly
// recorded) comes out at -16 LUFS within 1 LU, measured by ffmpeg's EBU R128 meter; the quiet
// part between the bursts (hum and hiss only) drops by at least 6 dB against the voice; and the
// voice starts when it did. In every mode: lossless copies the picture and re-encodes the sound.

let dir: string;
let library: Library;
let assetId: number;
let source: string;

// A voice (150 Hz with harmonics, four syllables a second) from 0.5 to 2.5 s and 3.5 to 5.5 s.
const VOICE =
  '0.12*(sin(2*PI*150*t)+0.6*sin(2*PI*300*t)+0.4*sin(2*PI*450*t)+0.3*sin(2*PI*900*t)+0.2*sin(2*PI*1800*t))' +
  '*(0.55+0.45*sin(2*PI*4*t))*(between(t,0.5,2.5)+between(t,3.5,5.5))';
const HUM = '0.03*sin(2*PI*50*t)+0.015*sin(2*PI*100*t)';
const HISS = '0.012*(2*random(0)-1)';
const QUIET = { fromS: 2.7, toS: 3.3 };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-narration-'));
  library = createLibrary(path.join(dir, 'lib'));
  const tools = await testTools();
  source = path.join(dir, 'narration.mp4');
  execFileSync(tools.ffmpeg.path, [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=30:duration=6',
    '-f', 'lavfi', '-i', `aevalsrc='${VOICE}+${HUM}+${HISS}':s=48000:d=6`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-g', '30', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-b:a', '160k', '-shortest', `file:${source}`,
  ]);
  ({ assetId } = await importVideo(library, tools, source));
}, 120_000);

afterAll(() => {
  library?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function render(mode: RenderMode, segments: Segment[], cleanNarration: boolean) {
  const asset = getAsset(library, assetId);
  const probe = assetProbe(asset);
  const frames = loadFrameIndex(library, assetId);
  const plan = planRender(probe, frames, segments, mode, { resolution: 'source', targetSizeMb: null, burnCaptions: false, cleanNarration });
  const outputFile = path.join(dir, `${mode}-${cleanNarration}.mp4`);
  await renderToFile({
    tools: await testTools(),
    sourcePath: assetPath(library, asset),
    probe,
    frames,
    plan,
    chapters: [],
    burnCaptionsVtt: null,
    title: mode,
    outputFile,
    workDir: mkdtempSync(path.join(dir, 'work-')),
  });
  return { plan, outputFile };
}

/** The quiet part's level against the whole's loudness (dB): the noise floor under the voice. */
async function noiseFloor(file: string, quiet = QUIET): Promise<number> {
  return levelDb(await monoSamples(file), quiet.fromS, quiet.toS) - (await integratedLoudness(file));
}

describe('clean narration', () => {
  it('the source is what a laptop microphone records: quiet, with hum and hiss in the pauses', async () => {
    expect(await integratedLoudness(source)).toBeLessThan(-19);
    expect(levelDb(await monoSamples(source), QUIET.fromS, QUIET.toS)).toBeGreaterThan(-35);
  });

  for (const mode of ['lossless', 'smart', 'accurate'] as const) {
    it(`${mode}: -16 LUFS within 1 LU, the noise floor down 6 dB or more, the voice on time`, async () => {
      const { plan, outputFile } = await render(mode, [{ startS: 0, endS: 6 }], true);
      expect(plan.mode).toBe(mode);
      expect(plan.audio).toBe('encode');
      expect(plan.cleanNarration).toBe(true);
      if (mode !== 'accurate') {
        // The picture is not touched: lossless copies every frame, smart copies all it can.
        expect(plan.segments.flatMap((s) => s.parts).every((p) => p.kind === 'copy')).toBe(true);
      }
      const loudness = await integratedLoudness(outputFile);
      expect(Math.abs(loudness - -16)).toBeLessThanOrEqual(1);
      expect(await noiseFloor(outputFile)).toBeLessThanOrEqual((await noiseFloor(source)) - 6);
      const [srcSamples, outSamples] = await Promise.all([monoSamples(source), monoSamples(outputFile)]);
      expect(onsetS(srcSamples, 0.5)).toBeCloseTo(0.5, 1);
      // The voice's syllables line up with the source's (the cleanup adds no delay).
      expect(Math.abs(envelopeLagS(srcSamples, outSamples))).toBeLessThanOrEqual(0.01);
      expect((await frameTimes(outputFile)).length).toBe(180);
    }, 120_000);
  }

  it('with a cut, the loudness is measured on what is kept', async () => {
    // The second burst and the pause before it: measured and evened on these 3.5 s only.
    const { outputFile } = await render('accurate', [{ startS: 2.5, endS: 6 }], true);
    expect(Math.abs((await integratedLoudness(outputFile)) - -16)).toBeLessThanOrEqual(1);
    expect(await noiseFloor(outputFile, { fromS: 0.2, toS: 0.8 })).toBeLessThanOrEqual((await noiseFloor(source)) - 6);
  }, 120_000);

  it('off, the sound is left as it was', async () => {
    const { plan, outputFile } = await render('smart', [{ startS: 0, endS: 6 }], false);
    expect(plan.audio).toBe('copy');
    expect(Math.abs((await integratedLoudness(outputFile)) - (await integratedLoudness(source)))).toBeLessThan(0.3);
  }, 120_000);
});
