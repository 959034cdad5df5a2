import { execFileSync } from 'node:child_process';
import { testTools } from './videos';

// Reading pictures back for the redaction and zoom tests: decoded frames as 8-bit 4:2:0 planes,
// and the measures the tests make on a box of them (difference, sharpness, flatness).

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Frame {
  width: number;
  height: number;
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
}

/** Splits raw yuv420p bytes into frames. */
export function framesOf(raw: Buffer, width: number, height: number): Frame[] {
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const size = ySize + 2 * cSize;
  const frames: Frame[] = [];
  for (let at = 0; at + size <= raw.length; at += size) {
    frames.push({
      width,
      height,
      y: raw.subarray(at, at + ySize),
      u: raw.subarray(at + ySize, at + ySize + cSize),
      v: raw.subarray(at + ySize + cSize, at + size),
    });
  }
  return frames;
}

/** Every frame of a file, decoded in display order (no frame dropped or repeated). */
export async function decodeFrames(file: string, width: number, height: number, extraInput: string[] = []): Promise<Frame[]> {
  const tools = await testTools();
  const raw = execFileSync(
    tools.ffmpeg.path,
    ['-v', 'error', ...extraInput, '-i', file, '-an', '-fps_mode', 'passthrough', '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-'],
    { maxBuffer: 1 << 30 },
  );
  return framesOf(raw, width, height);
}

function lumaIn(frame: Frame, box: Box): number[] {
  const out: number[] = [];
  for (let y = box.y; y < box.y + box.h; y++) for (let x = box.x; x < box.x + box.w; x++) out.push(frame.y[y * frame.width + x]!);
  return out;
}

/** Mean absolute difference of the luma of two frames inside a box (the whole frame by default). */
export function lumaDiff(a: Frame, b: Frame, box: Box = { x: 0, y: 0, w: a.width, h: a.height }): number {
  const pa = lumaIn(a, box);
  const pb = lumaIn(b, box);
  return pa.reduce((sum, v, i) => sum + Math.abs(v - pb[i]!), 0) / pa.length;
}

/** True when every byte of the two frames is the same. */
export function sameFrame(a: Frame, b: Frame): boolean {
  return Buffer.compare(Buffer.from(a.y), Buffer.from(b.y)) === 0 &&
    Buffer.compare(Buffer.from(a.u), Buffer.from(b.u)) === 0 &&
    Buffer.compare(Buffer.from(a.v), Buffer.from(b.v)) === 0;
}

/** Mean absolute luma step between neighbours inside a box: sharp edges and text make it high. */
export function gradientEnergy(frame: Frame, box: Box): number {
  let sum = 0;
  let n = 0;
  for (let y = box.y; y < box.y + box.h - 1; y++) {
    for (let x = box.x; x < box.x + box.w - 1; x++) {
      const here = frame.y[y * frame.width + x]!;
      sum += Math.abs(frame.y[y * frame.width + x + 1]! - here) + Math.abs(frame.y[(y + 1) * frame.width + x]! - here);
      n += 2;
    }
  }
  return sum / n;
}

function deviations(frame: Frame, plane: 'y' | 'u' | 'v', box: Box, value: number): number[] {
  const sub = plane === 'y' ? 1 : 2;
  const width = frame.width / sub;
  const out: number[] = [];
  for (let y = Math.floor(box.y / sub); y < (box.y + box.h) / sub; y++) {
    for (let x = Math.floor(box.x / sub); x < (box.x + box.w) / sub; x++) out.push(Math.abs(frame[plane][y * width + x]! - value));
  }
  return out;
}

/** The largest difference of a plane's samples inside a box from one value (luma, or chroma at half size). */
export function maxDeviation(frame: Frame, plane: 'y' | 'u' | 'v', box: Box, value: number): number {
  return Math.max(...deviations(frame, plane, box, value));
}

/** The mean difference of a plane's samples inside a box from one value. */
export function meanDeviation(frame: Frame, plane: 'y' | 'u' | 'v', box: Box, value: number): number {
  const d = deviations(frame, plane, box, value);
  return d.reduce((a, b) => a + b, 0) / d.length;
}

/**
 * Mean absolute difference of the luma after averaging blocks of `block`×`block` pixels: compares
 * what a picture shows while forgiving the one-pixel offsets of different scalers.
 */
export function coarseLumaDiff(a: Frame, b: Frame, block = 8): number {
  const cols = Math.floor(a.width / block);
  const rows = Math.floor(a.height / block);
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let da = 0;
      let db = 0;
      for (let y = r * block; y < (r + 1) * block; y++) {
        for (let x = c * block; x < (c + 1) * block; x++) {
          da += a.y[y * a.width + x]!;
          db += b.y[y * b.width + x]!;
        }
      }
      sum += Math.abs(da - db) / (block * block);
    }
  }
  return sum / (rows * cols);
}
