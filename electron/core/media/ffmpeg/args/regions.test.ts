import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  coarseLumaDiff,
  framesOf,
  gradientEnergy,
  lumaDiff,
  maxDeviation,
  sameFrame,
  type Frame,
  testTools,
} from '../../../testing';
import { zoomAmount } from '../../../../../shared/clips/regions';
import { concealFilter, effectsGraph, spanCondition, zoomAmountExpr, type PictureEffects } from './regions';

// The redaction and zoom graphs, run by the real ffmpeg on a lavfi test pattern (sharp edges and
// text everywhere) and compared frame by frame with the unfiltered pattern, before any encoder
// touches them: outside a span every byte is the source's, inside it the box is concealed.

const W = 320;
const H = 240;
const FPS = 30;
const box = { x: 100, y: 60, w: 120, h: 80 };
// Frames 20..44 (0.667 s up to, not including, 1.5 s).
const span = { startS: 20 / FPS, lastS: 44 / FPS, endS: 45 / FPS };

// The moving test pattern under a white grid every 10 pixels: sharp edges wherever a box falls.
const PATTERN = `testsrc2=size=${W}x${H}:rate=${FPS}:duration=2,drawgrid=w=10:h=10:t=2:c=white,format=yuv420p`;

let source: Frame[] = [];

async function render(graph: string[] | null): Promise<Frame[]> {
  const tools = await testTools();
  const args = ['-v', 'error', '-f', 'lavfi', '-i', PATTERN];
  if (graph) args.push('-filter_complex', `[0:v]null[in];${graph.join(';')}`, '-map', '[out]');
  args.push('-fps_mode', 'passthrough', '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-');
  return framesOf(execFileSync(tools.ffmpeg.path, args, { maxBuffer: 1 << 28 }), W, H);
}

function effects(partial: Partial<PictureEffects>): PictureEffects {
  return { width: W, height: H, redactions: [], zooms: [], eased: true, ...partial };
}

beforeAll(async () => {
  source = await render(null);
}, 60_000);

describe('redaction and zoom graphs as text', () => {
  it('hold a span from half a millisecond before its first frame to half a millisecond before the next', () => {
    expect(spanCondition(1, 2)).toBe('between(t,0.9995,1.9995)');
    expect(spanCondition(-0.5, 0.2)).toBe('between(t,0,0.1995)');
  });

  it('keep boxblur within the radius it accepts, and make pixel blocks at least 8 pixels', () => {
    expect(concealFilter('blur', 6, 200, 'x')).toContain('luma_radius=1:');
    expect(concealFilter('blur', 200, 80, 'x')).toContain('luma_radius=20:luma_power=3:chroma_radius=10');
    expect(concealFilter('pixelate', 64, 16, 'x')).toBe('scale=w=8:h=2:flags=area,scale=w=64:h=16:flags=neighbor');
    expect(concealFilter('box', 10, 10, 'between(t,1,2)')).toContain("t=fill:enable='between(t,1,2)'");
  });

  it('chain every effect from the input to the output label, and pass the picture through when there is none', () => {
    expect(effectsGraph(effects({}), 'a', 'b', 'p')).toEqual(['[a]null[b]']);
    const two = effectsGraph(
      effects({ redactions: [{ ...span, from: box, to: box, style: 'box' }, { ...span, from: box, to: box, style: 'blur' }] }),
      'in',
      'out',
      'p',
    );
    // A box that stays put is drawn onto the picture in one step; a blur goes through a copy.
    expect(two[0]).toBe(`[in]drawbox=x=100:y=60:w=120:h=80:color=black:t=fill:enable='${spanCondition(span.startS, span.endS)}'[ps1]`);
    expect(two[1]).toMatch(/^\[ps1\]split=2/);
    expect(two[3]).toMatch(/\[out\]$/);
    const moving = effectsGraph(
      effects({ redactions: [{ ...span, from: box, to: { ...box, x: box.x + 40 }, style: 'box' }] }),
      'in',
      'out',
      'p',
    );
    expect(moving[0]).toMatch(/^\[in\]split=2/);
  });

  it('ease a zoom in and out with smoothstep, and cut it when easing is off', () => {
    expect(zoomAmountExpr({ startS: 1, endS: 3, easeS: 0, box })).toBe('between(t,0.9995,2.9995)');
    expect(zoomAmountExpr({ startS: 1, endS: 3, easeS: 0.5, box })).toContain('*(3-2*');
  });
});

describe('redactions on real frames', () => {
  for (const style of ['box', 'blur', 'pixelate'] as const) {
    it(`${style}: only the box of only the frames of the span changes`, async () => {
      const out = await render(effectsGraph(effects({ redactions: [{ ...span, from: box, to: box, style }] }), 'in', 'out', 'r'));
      expect(out).toHaveLength(source.length);
      for (let n = 0; n < out.length; n++) {
        const inside = n >= 20 && n < 45;
        if (!inside) {
          // Frames just before and after the span (and all others) are the source, byte for byte.
          expect(sameFrame(out[n]!, source[n]!), `frame ${n}`).toBe(true);
          continue;
        }
        // Around the box, the picture is untouched.
        expect(lumaDiff(out[n]!, source[n]!, { x: 0, y: 0, w: W, h: box.y })).toBe(0);
        expect(lumaDiff(out[n]!, source[n]!, { x: 0, y: box.y + box.h, w: W, h: H - box.y - box.h })).toBe(0);
        if (style === 'box') {
          // Exactly the box colour: black is Y 16, U and V 128 in limited-range 4:2:0.
          expect(maxDeviation(out[n]!, 'y', box, 16)).toBe(0);
          expect(maxDeviation(out[n]!, 'u', box, 128)).toBe(0);
          expect(maxDeviation(out[n]!, 'v', box, 128)).toBe(0);
        } else if (style === 'blur') {
          // No sharp edges left: the test pattern's text and lines are smeared flat.
          expect(gradientEnergy(out[n]!, box)).toBeLessThan(gradientEnergy(source[n]!, box) / 4);
          expect(gradientEnergy(out[n]!, box)).toBeLessThan(3);
        } else {
          expect(lumaDiff(out[n]!, source[n]!, box)).toBeGreaterThan(5);
          // Flat blocks: inside a block's rows and columns nothing changes.
          const flatRow = { x: box.x + 1, y: box.y + 4, w: 6, h: 2 };
          expect(gradientEnergy(out[n]!, flatRow)).toBe(0);
        }
      }
    }, 60_000);
  }

  it('a followed rectangle moves from its first position to its last, covering each', async () => {
    const from = { x: 20, y: 40, w: 60, h: 40 };
    const to = { x: 220, y: 160, w: 60, h: 40 };
    const out = await render(effectsGraph(effects({ redactions: [{ ...span, from, to, style: 'box' }] }), 'in', 'out', 'r'));
    expect(maxDeviation(out[20]!, 'y', from, 16)).toBe(0);
    expect(maxDeviation(out[44]!, 'y', to, 16)).toBe(0);
    // Half way, half way along the line.
    const mid = { x: 120, y: 100, w: 60, h: 40 };
    expect(maxDeviation(out[32]!, 'y', mid, 16)).toBe(0);
    expect(lumaDiff(out[20]!, source[20]!, to)).toBe(0);
    expect(sameFrame(out[45]!, source[45]!)).toBe(true);
  }, 60_000);
});

describe('zoom on real frames', () => {
  it('eases in to the region, holds it filling the picture, eases out, and leaves the rest untouched', async () => {
    // The middle quarter of the picture, twice as large: frames 15..44, easing over 0.2 s (6 frames).
    const zoomBox = { x: 80, y: 60, w: 160, h: 120 };
    const zoom = { startS: 15 / FPS, endS: 45 / FPS, easeS: 0.2, box: zoomBox };
    const out = await render(effectsGraph(effects({ zooms: [zoom] }), 'in', 'out', 'z'));
    expect(out).toHaveLength(source.length);
    for (const n of [0, 14, 45, 59]) expect(sameFrame(out[n]!, source[n]!), `frame ${n}`).toBe(true);
    // Each frame shows the window the shared geometry says (what the editor previews), scaled up:
    // compare with ffmpeg's own crop and scale of that window.
    const tools = await testTools();
    const expected = (n: number): Frame => {
      const p = zoomAmount(n / FPS, zoom.startS, zoom.endS, zoom.easeS);
      const w = Math.round(W - p * (W - zoomBox.w));
      const h = Math.round((w * H) / W);
      const crop = `crop=${w}:${h}:${Math.round(p * zoomBox.x)}:${Math.round(p * zoomBox.y)}`;
      return framesOf(
        execFileSync(tools.ffmpeg.path, [
          '-v', 'error', '-f', 'lavfi', '-i', PATTERN,
          '-vf', `select=eq(n\\,${n}),${crop},scale=${W}:${H}`, '-frames:v', '1',
          '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-',
        ], { maxBuffer: 1 << 28 }),
        W,
        H,
      )[0]!;
    };
    const full = expected(30);
    expect(lumaDiff(out[30]!, full)).toBeLessThan(6);
    expect(lumaDiff(out[30]!, source[30]!)).toBeGreaterThan(20);
    // Easing in (frames 15..20) and out (39..44): every frame shows its own window, not its
    // neighbours', nor the whole picture or the full zoom. (Block averages: two scalers a pixel
    // apart would differ everywhere on the grid's lines.)
    for (const n of [16, 17, 18, 19, 40, 41, 42, 43]) {
      const own = coarseLumaDiff(out[n]!, expected(n));
      expect(own, `frame ${n}`).toBeLessThan(10);
      for (const other of [expected(n - 1), expected(n + 1), source[n]!, full]) {
        expect(own, `frame ${n}`).toBeLessThan(coarseLumaDiff(out[n]!, other) / 2);
      }
    }
  }, 60_000);

  it('cuts in and out without easing when ffmpeg cannot scale by the frame’s time', async () => {
    const zoomBox = { x: 80, y: 60, w: 160, h: 120 };
    const out = await render(
      effectsGraph(effects({ eased: false, zooms: [{ startS: 15 / FPS, endS: 45 / FPS, easeS: 0.2, box: zoomBox }] }), 'in', 'out', 'z'),
    );
    expect(sameFrame(out[14]!, source[14]!)).toBe(true);
    expect(sameFrame(out[45]!, source[45]!)).toBe(true);
    expect(lumaDiff(out[15]!, source[15]!)).toBeGreaterThan(20);
  }, 60_000);
});
