import { secs } from './common';

// Filter graphs that hide or enlarge part of the picture (issue 21). Pure: they take boxes already
// in whole even pixels of the picture being filtered and times relative to its first frame (after
// trim and setpts=PTS-STARTPTS), and return filtergraph statements.
//
// A redaction is the picture with a processed copy of the box laid back over it while the span
// plays: split → crop → blur | pixelate | fill → overlay=…:enable='between(t,a,b)'; a solid box
// that stays put is drawn straight onto the picture (drawbox=…:enable=…). Frames outside
// the span leave the overlay untouched, so they are the source's pixels. Times at the ends are half
// a millisecond before each frame's timestamp (as in render.ts), so rounding never moves a span
// onto the neighbouring frame. A followed rectangle moves in a straight line: crop and overlay both
// read its position from the frame's own time, so the copy lands where it was taken.
//
// A zoom is the picture scaled up and cropped back to its size, both following one expression of
// time (`scale=…:eval=frame` then `crop`, which evaluates its x/y per frame but its size only once).
// The scale is exactly 1 outside the zooms, where scale passes frames through untouched. ffmpeg
// before 5.0 has no `t` in scale: there a zoom cuts in and out (crop + scale overlaid while it
// plays), without easing.

const EDGE = 0.0005;

export interface PixelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RedactionFilter {
  /** Start of the span's first frame, of its last frame, and of the first frame after it. */
  startS: number;
  lastS: number;
  endS: number;
  /** Where the box is on the first and on the last frame (same size; equal when it stays put). */
  from: PixelBox;
  to: PixelBox;
  style: 'blur' | 'pixelate' | 'box';
}

export interface ZoomFilter {
  startS: number;
  endS: number;
  easeS: number;
  /** The part that fills the picture at full zoom (the picture's shape). */
  box: PixelBox;
}

export interface PictureEffects {
  /** Size of the picture the boxes are measured in. */
  width: number;
  height: number;
  redactions: readonly RedactionFilter[];
  /** Never overlapping in time. */
  zooms: readonly ZoomFilter[];
  /** Zooms ease in and out (ffmpeg 5.0+); otherwise they cut. */
  eased: boolean;
}

/** `between(t,a,b)` for the frames that start in [startS, endS). */
export function spanCondition(startS: number, endS: number): string {
  return `between(t,${secs(Math.max(0, startS - EDGE))},${secs(endS - EDGE)})`;
}

/**
 * An expression for a position that moves from `a` to `b` between two frame times, on even pixels
 * (rounded, not floored: the times are printed to the microsecond, so the last frame computes
 * 0.9999995 of the way, which must still land on `b`).
 */
function travel(a: number, b: number, startS: number, lastS: number): string {
  if (a === b) return String(a);
  const span = Math.max(lastS - startS, 1e-6);
  return `2*round((${a}+(${b - a})*max(0,min(1,(t-(${secs(startS)}))/${secs(span)})))/2)`;
}

/** What is done to the box's pixels: a blur, big blocks, or a black box. */
export function concealFilter(style: RedactionFilter['style'], w: number, h: number, when: string): string {
  const short = Math.min(w, h);
  if (style === 'box') return `drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='${when}'`;
  if (style === 'pixelate') {
    // Blocks an eighth of the box's short side (at least 8 pixels): a few blocks per line of text.
    const block = Math.max(8, Math.round(short / 8));
    const cols = Math.max(1, Math.round(w / block));
    const rows = Math.max(1, Math.round(h / block));
    return `scale=w=${cols}:h=${rows}:flags=area,scale=w=${w}:h=${h}:flags=neighbor`;
  }
  // Three passes of a box blur (close to a Gaussian) a quarter of the short side wide: text an
  // inch tall on screen becomes a smear. boxblur refuses a radius past half the plane's size.
  const luma = Math.max(1, Math.min(Math.floor(short / 4), Math.floor(short / 2) - 1));
  const chroma = Math.max(1, Math.min(Math.floor(short / 8), Math.floor(short / 4) - 1));
  return `boxblur=luma_radius=${luma}:luma_power=3:chroma_radius=${chroma}:chroma_power=3:enable='${when}'`;
}

function redactionStatements(r: RedactionFilter, input: string, output: string, id: string): string[] {
  const when = spanCondition(r.startS, r.endS);
  const still = r.from.x === r.to.x && r.from.y === r.to.y;
  if (r.style === 'box' && still) {
    // A box that stays put is drawn straight onto the picture: no copy of every frame for an
    // overlay. Measured on a 1080p part of the redact bench (390 frames decoded and filtered, not
    // encoded): the split/crop/overlay graph cost 3.0 CPU s more than no filter, this 0.4 s. With
    // the encoder running (14–15 CPU s for the part) the difference is within the noise.
    const { x, y, w, h } = r.from;
    return [`[${input}]drawbox=x=${x}:y=${y}:w=${w}:h=${h}:color=black:t=fill:enable='${when}'[${output}]`];
  }
  const x = travel(r.from.x, r.to.x, r.startS, r.lastS);
  const y = travel(r.from.y, r.to.y, r.startS, r.lastS);
  const { w, h } = r.from;
  return [
    `[${input}]split=2[${id}a][${id}b]`,
    `[${id}b]crop=w=${w}:h=${h}:x='${x}':y='${y}',${concealFilter(r.style, w, h, when)}[${id}c]`,
    `[${id}a][${id}c]overlay=x='${x}':y='${y}':enable='${when}'[${output}]`,
  ];
}

/** How far zoom `z` is in at the frame's time t (0..1), eased in and out (smoothstep). */
export function zoomAmountExpr(z: ZoomFilter): string {
  if (z.easeS <= 0) return spanCondition(z.startS, z.endS);
  const e = secs(z.easeS);
  // Measured from half a millisecond before the first frame and after the last: 0 outside.
  const a = secs(z.startS - EDGE);
  const b = secs(z.endS - EDGE);
  const u = `max(0,min(1,min((t-(${a}))/${e},((${b})-t)/${e})))`;
  return `(${u}*${u}*(3-2*${u}))`;
}

function easedZoomStatement(fx: PictureEffects, input: string, output: string): string {
  const { width: W, height: H } = fx;
  // Share of the picture's width on screen (1 = all of it), and where the shown part starts.
  const shown = `(1${fx.zooms.map((z) => `-${zoomAmountExpr(z)}*${secs(1 - z.box.w / W)}`).join('')})`;
  const left = fx.zooms.map((z) => `${zoomAmountExpr(z)}*${secs(z.box.x / W)}`).join('+');
  const top = fx.zooms.map((z) => `${zoomAmountExpr(z)}*${secs(z.box.y / H)}`).join('+');
  const scaledW = `2*round(${W}/${shown}/2)`;
  const scaledH = `2*round(${H}/${shown}/2)`;
  // crop's iw/ih are the size it was configured with, not the scaled frame's: spell the size out.
  return (
    `[${input}]scale=w='${scaledW}':h='${scaledH}':eval=frame,` +
    `crop=w=${W}:h=${H}:x='min(${scaledW}-${W},max(0,round((${left})*${scaledW})))'` +
    `:y='min(${scaledH}-${H},max(0,round((${top})*${scaledH})))'[${output}]`
  );
}

function cutZoomStatements(z: ZoomFilter, fx: PictureEffects, input: string, output: string, id: string): string[] {
  const { box } = z;
  return [
    `[${input}]split=2[${id}a][${id}b]`,
    `[${id}b]crop=w=${box.w}:h=${box.h}:x=${box.x}:y=${box.y},scale=w=${fx.width}:h=${fx.height}[${id}c]`,
    `[${id}a][${id}c]overlay=x=0:y=0:enable='${spanCondition(z.startS, z.endS)}'[${output}]`,
  ];
}

/**
 * Statements that take the picture labelled `input` to `output` with every redaction, then every
 * zoom applied (redactions are drawn on the source picture, so they stay on what they hide when it
 * is enlarged). `prefix` keeps the labels of one graph apart from another's.
 */
export function effectsGraph(fx: PictureEffects, input: string, output: string, prefix: string): string[] {
  const steps = fx.redactions.length + (fx.eased ? Math.min(1, fx.zooms.length) : fx.zooms.length);
  if (steps === 0) return [`[${input}]null[${output}]`];
  const statements: string[] = [];
  let current = input;
  let n = 0;
  const next = () => (++n === steps ? output : `${prefix}s${n}`);
  fx.redactions.forEach((r, i) => {
    const out = next();
    statements.push(...redactionStatements(r, current, out, `${prefix}r${i}`));
    current = out;
  });
  if (fx.zooms.length && fx.eased) statements.push(easedZoomStatement(fx, current, next()));
  else {
    fx.zooms.forEach((z, i) => {
      const out = next();
      statements.push(...cutZoomStatements(z, fx, current, out, `${prefix}z${i}`));
      current = out;
    });
  }
  return statements;
}

/** True when there is nothing to do to the picture. */
export function noEffects(fx: PictureEffects | null | undefined): boolean {
  return !fx || (fx.redactions.length === 0 && fx.zooms.length === 0);
}
