import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  overlappingZooms,
  pixelBox,
  rectAt,
  redactionBoxes,
  setSpanIn,
  setSpanOut,
  trackProgress,
  zoomAmount,
  zoomBox,
  zoomEase,
} from './regions';

// The geometry the editor draws and the render uses: boxes never uncover what was drawn.

const rectArb = fc
  .record({ x: fc.double({ min: 0, max: 0.99, noNaN: true }), y: fc.double({ min: 0, max: 0.99, noNaN: true }) })
  .chain(({ x, y }) =>
    fc.record({
      x: fc.constant(x),
      y: fc.constant(y),
      w: fc.double({ min: 0.005, max: 1 - x, noNaN: true }),
      h: fc.double({ min: 0.005, max: 1 - y, noNaN: true }),
    }),
  )
  .filter((r) => r.w >= 0.005 && r.h >= 0.005);

describe('pixel boxes', () => {
  it('cover the drawn rectangle, on even pixels, inside the picture', () => {
    fc.assert(
      fc.property(rectArb, fc.integer({ min: 16, max: 4096 }), fc.integer({ min: 16, max: 4096 }), (r, w, h) => {
        const b = pixelBox(r, w, h);
        for (const v of [b.x, b.y, b.w, b.h]) expect(v % 2).toBe(0);
        expect(b.w).toBeGreaterThanOrEqual(2);
        expect(b.x + b.w).toBeLessThanOrEqual(w);
        expect(b.y + b.h).toBeLessThanOrEqual(h);
        // Covers it (a pixel-wide picture edge that is odd is the only thing left out).
        expect(b.x).toBeLessThanOrEqual(r.x * w + 1e-6);
        expect(b.y).toBeLessThanOrEqual(r.y * h + 1e-6);
        expect(b.x + b.w).toBeGreaterThanOrEqual(Math.min(Math.floor(w / 2) * 2, (r.x + r.w) * w - 1e-6));
        expect(b.y + b.h).toBeGreaterThanOrEqual(Math.min(Math.floor(h / 2) * 2, (r.y + r.h) * h - 1e-6));
      }),
    );
    expect(pixelBox({ x: 0.3, y: 0.3, w: 0.4, h: 0.4 }, 320, 180)).toEqual({ x: 96, y: 54, w: 128, h: 72 });
  });

  it('a followed redaction is as large as its larger end and covers each end', () => {
    fc.assert(
      fc.property(rectArb, rectArb, (a, b) => {
        const { from, to } = redactionBoxes({ rect: a, rectTo: b }, 1280, 720);
        expect([from.w, from.h]).toEqual([to.w, to.h]);
        for (const [box, r] of [[from, pixelBox(a, 1280, 720)], [to, pixelBox(b, 1280, 720)]] as const) {
          expect(box.x).toBeLessThanOrEqual(r.x);
          expect(box.y).toBeLessThanOrEqual(r.y);
          expect(box.x + box.w).toBeGreaterThanOrEqual(r.x + r.w);
          expect(box.y + box.h).toBeGreaterThanOrEqual(r.y + r.h);
        }
      }),
    );
  });

  it('a followed rectangle moves in a straight line from its first frame to its last', () => {
    const r = { rect: { x: 0, y: 0, w: 0.2, h: 0.2 }, rectTo: { x: 0.8, y: 0.4, w: 0.2, h: 0.2 } };
    expect(rectAt(r, trackProgress(1, 1, 3))).toEqual(r.rect);
    expect(rectAt(r, trackProgress(2, 1, 3))).toMatchObject({ x: 0.4, y: 0.2 });
    expect(rectAt(r, trackProgress(5, 1, 3))).toEqual(r.rectTo);
    expect(rectAt({ rect: r.rect, rectTo: null }, 0.5)).toEqual(r.rect);
  });
});

describe('zoom', () => {
  it('widens the region to the picture’s shape around its centre, at most 8× and inside the picture', () => {
    fc.assert(
      fc.property(rectArb, (r) => {
        const b = zoomBox(r, 1920, 1080);
        expect(Math.abs(b.w / b.h - 16 / 9)).toBeLessThan(0.02);
        expect(b.w).toBeGreaterThanOrEqual(1920 / MAX_ZOOM);
        expect(b.x + b.w).toBeLessThanOrEqual(1920);
        expect(b.y + b.h).toBeLessThanOrEqual(1080);
      }),
    );
    expect(zoomBox({ x: 0.25, y: 0.25, w: 0.5, h: 0.5 }, 320, 240)).toEqual({ x: 80, y: 60, w: 160, h: 120 });
    // A wide strip becomes the picture's shape around it.
    expect(zoomBox({ x: 0, y: 0.45, w: 0.5, h: 0.1 }, 320, 240)).toEqual({ x: 0, y: 60, w: 160, h: 120 });
  });

  it('eases in and out (smoothstep), never longer than half the span', () => {
    expect(zoomEase({ startS: 1, endS: 1.6, easeS: 0.5 })).toBeCloseTo(0.3, 9);
    expect(zoomAmount(0.99, 1, 3, 0.5)).toBe(0);
    expect(zoomAmount(1.25, 1, 3, 0.5)).toBeCloseTo(0.5, 9);
    expect(zoomAmount(2, 1, 3, 0.5)).toBe(1);
    expect(zoomAmount(2.75, 1, 3, 0.5)).toBeCloseTo(0.5, 9);
    expect(zoomAmount(3, 1, 3, 0.5)).toBe(0);
    expect(zoomAmount(1, 1, 3, 0)).toBe(1);
  });

  it('finds zooms that overlap in time', () => {
    expect(overlappingZooms([{ id: 'a', startS: 0, endS: 1 }, { id: 'b', startS: 1, endS: 2 }])).toBeNull();
    expect(overlappingZooms([{ id: 'b', startS: 0.5, endS: 2 }, { id: 'a', startS: 0, endS: 1 }])).toEqual(['a', 'b']);
  });
});

describe('in and out of a span', () => {
  it('move one end, pushing the other when they would cross', () => {
    expect(setSpanIn({ startS: 1, endS: 3 }, 2, 0.1)).toEqual({ startS: 2, endS: 3 });
    expect(setSpanIn({ startS: 1, endS: 3 }, 4, 0.1)).toEqual({ startS: 4, endS: 4.1 });
    expect(setSpanOut({ startS: 1, endS: 3 }, 2, 0.1)).toEqual({ startS: 1, endS: 2 });
    expect(setSpanOut({ startS: 1, endS: 3 }, 0.5, 0.1)).toEqual({ startS: 0.4, endS: 0.5 });
  });
});
