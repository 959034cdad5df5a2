import type { Rect, Redaction, ZoomRegion } from '../domain/clip';
import { TIME_EPSILON } from './timeline';

// Redaction and zoom rectangles as pure geometry, shared by the trim editor (what it draws on the
// preview) and the render (the ffmpeg filters), so that what the vendor sees is what comes out.
// Rectangles are stored as shares of the displayed picture (0..1); these functions turn them into
// whole pixels of a given picture size.

/** A rectangle in whole pixels, every edge on an even pixel (4:2:0 chroma covers 2×2 pixels). */
export interface PixelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How far a zoom may go: the enlarged part is at least this share of the picture (8×). */
export const MAX_ZOOM = 8;

const evenDown = (n: number) => Math.floor(n / 2) * 2;
const evenUp = (n: number) => Math.ceil(n / 2) * 2;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The smallest even-aligned box of whole pixels that covers the rectangle (never less). */
export function pixelBox(rect: Rect, width: number, height: number): PixelBox {
  // A millionth of a pixel of float noise must not grow a box by two pixels.
  const snap = (v: number) => Math.round(v * 1e6) / 1e6;
  const x0 = clamp(evenDown(snap(rect.x * width)), 0, evenDown(width) - 2);
  const y0 = clamp(evenDown(snap(rect.y * height)), 0, evenDown(height) - 2);
  const x1 = clamp(evenUp(snap((rect.x + rect.w) * width)), x0 + 2, evenDown(width));
  const y1 = clamp(evenUp(snap((rect.y + rect.h) * height)), y0 + 2, evenDown(height));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Progress along a followed path: 0 at the span's first frame, 1 at its last. */
export function trackProgress(t: number, firstS: number, lastS: number): number {
  if (lastS - firstS <= TIME_EPSILON) return t >= lastS ? 1 : 0;
  return clamp((t - firstS) / (lastS - firstS), 0, 1);
}

/** Where a (possibly moving) redaction's rectangle is at progress p, as drawn by the vendor. */
export function rectAt(redaction: Pick<Redaction, 'rect' | 'rectTo'>, p: number): Rect {
  const a = redaction.rect;
  const b = redaction.rectTo;
  if (!b) return a;
  const mix = (u: number, v: number) => u + (v - u) * p;
  return { x: mix(a.x, b.x), y: mix(a.y, b.y), w: mix(a.w, b.w), h: mix(a.h, b.h) };
}

/**
 * The pixels a redaction hides: a box as large as the larger of its two rectangles, centred on
 * each end's rectangle (kept inside the picture). Covering both sizes means a followed thing that
 * grows or shrinks is never uncovered; between the ends the box moves in a straight line.
 */
export function redactionBoxes(
  redaction: Pick<Redaction, 'rect' | 'rectTo'>,
  width: number,
  height: number,
): { from: PixelBox; to: PixelBox } {
  const a = pixelBox(redaction.rect, width, height);
  if (!redaction.rectTo) return { from: a, to: a };
  const b = pixelBox(redaction.rectTo, width, height);
  const w = Math.max(a.w, b.w);
  const h = Math.max(a.h, b.h);
  const around = (box: PixelBox): PixelBox => ({
    x: clamp(evenDown(box.x + box.w / 2 - w / 2), 0, evenDown(width) - w),
    y: clamp(evenDown(box.y + box.h / 2 - h / 2), 0, evenDown(height) - h),
    w,
    h,
  });
  return { from: around(a), to: around(b) };
}

/**
 * The part of the picture a zoom shows, in pixels: the rectangle widened to the picture's shape
 * around its centre, no smaller than 1/MAX_ZOOM of the picture, kept inside it.
 */
export function zoomBox(rect: Rect, width: number, height: number): PixelBox {
  // The share of the picture's width (= of its height) the widened rectangle spans.
  const share = Math.max(rect.w, rect.h);
  const scale = Math.max(1 / MAX_ZOOM, Math.min(1, share));
  const w = Math.min(evenUp(width * scale), evenDown(width));
  const h = Math.min(evenUp(height * scale), evenDown(height));
  const cx = (rect.x + rect.w / 2) * width;
  const cy = (rect.y + rect.h / 2) * height;
  return {
    x: clamp(evenDown(cx - w / 2), 0, evenDown(width) - w),
    y: clamp(evenDown(cy - h / 2), 0, evenDown(height) - h),
    w,
    h,
  };
}

/** The same box as shares of the picture (what the editor draws). */
export function boxToRect(box: PixelBox, width: number, height: number): Rect {
  return { x: box.x / width, y: box.y / height, w: box.w / width, h: box.h / height };
}

/** Seconds of easing a zoom really gets: at most half the span, so it fully arrives. */
export function zoomEase(zoom: Pick<ZoomRegion, 'startS' | 'endS' | 'easeS'>): number {
  return Math.max(0, Math.min(zoom.easeS, (zoom.endS - zoom.startS) / 2));
}

/** How far zoomed in at time t (0 = whole picture, 1 = the region fills it), eased (smoothstep). */
export function zoomAmount(t: number, startS: number, endS: number, easeS: number): number {
  if (t < startS - TIME_EPSILON || t >= endS - TIME_EPSILON) return 0;
  if (easeS <= 0) return 1;
  const u = clamp(Math.min((t - startS) / easeS, (endS - t) / easeS), 0, 1);
  return u * u * (3 - 2 * u);
}

/** The first pair of zooms that overlap in time, or null. */
export function overlappingZooms(zooms: readonly Pick<ZoomRegion, 'id' | 'startS' | 'endS'>[]): [string, string] | null {
  const sorted = [...zooms].sort((a, b) => a.startS - b.startS);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.startS < sorted[i - 1]!.endS - TIME_EPSILON) return [sorted[i - 1]!.id, sorted[i]!.id];
  }
  return null;
}

/** Moves a span's start to t (its end follows when it would come first: at least `minS` long). */
export function setSpanIn<T extends { startS: number; endS: number }>(span: T, t: number, minS: number): T {
  return { ...span, startS: t, endS: Math.max(span.endS, t + minS) };
}

/** Moves a span's end to t (its start follows when it would come after: at least `minS` long). */
export function setSpanOut<T extends { startS: number; endS: number }>(span: T, t: number, minS: number): T {
  return { ...span, endS: t, startS: Math.max(0, Math.min(span.startS, t - minS)) };
}
