import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveTools, type FfmpegTools } from '../media';

// Test videos made with lavfi, and readers that check what a render really contains. Every frame
// carries its own number as a 16-bit barcode in the top 16 rows (big black/white blocks survive
// lossy re-encoding), and the sound has a 1 kHz beep at every whole second of source time. So a
// test can read which source frames an output holds, in which order, and whether sound and picture
// still line up.

let toolsPromise: Promise<FfmpegTools> | null = null;
export function testTools(): Promise<FfmpegTools> {
  toolsPromise ??= resolveTools({});
  return toolsPromise;
}

export interface TestVideoSpec {
  width?: number;
  height?: number;
  fps?: number;
  durationS?: number;
  codec?: 'h264' | 'vp8' | 'vp9';
  /** Frames between keyframes. */
  gop?: number;
  bframes?: number;
  audio?: boolean;
  /** Sound begins this late (seconds). */
  audioStartS?: number;
  /** Frame spacing alternates (variable frame rate). */
  vfr?: boolean;
  rotate?: 0 | 90 | 180 | 270;
  /** webm written like MediaRecorder writes it: no cues, no duration. */
  live?: boolean;
  /** A white grid every 10 pixels over the pattern: sharp edges wherever a redaction falls. */
  grid?: boolean;
}

const BITS = 16;

function barcodeFilter(width: number): string {
  const block = width / BITS;
  const inBar = 'lt(Y,16)';
  return (
    `geq=lum='if(${inBar},if(bitand(floor(N/pow(2,floor(X/${block}))),1),235,16),lum(X,Y))'` +
    `:cb='if(${inBar},128,cb(X,Y))':cr='if(${inBar},128,cr(X,Y))'`
  );
}

/** Makes a test video with lavfi and returns its path. */
export async function makeVideo(dir: string, name: string, spec: TestVideoSpec = {}): Promise<string> {
  const tools = await testTools();
  const width = spec.width ?? 320;
  const height = spec.height ?? 180;
  const fps = spec.fps ?? 30;
  const duration = spec.durationS ?? 4;
  const codec = spec.codec ?? 'h264';
  const file = path.join(dir, name);
  const vf = [...(spec.grid ? ['drawgrid=w=10:h=10:t=2:c=white'] : []), barcodeFilter(width)];
  // Every other frame comes 12 ms late: variable spacing, same frames. The encoder time base must be
  // fine enough to keep it (x264 would otherwise round back to 1/fps).
  if (spec.vfr) vf.push('settb=1/90000', `setpts='(N/${fps}+0.012*mod(N\\,2))/TB'`);
  const args = [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}:duration=${duration}`,
  ];
  const audio = spec.audio ?? true;
  const audioStart = spec.audioStartS ?? 0;
  if (audio) {
    if (audioStart > 0) args.push('-itsoffset', String(audioStart));
    args.push(
      '-f', 'lavfi', '-i',
      `aevalsrc='if(lt(mod(t+${audioStart},1),0.05),0.6*sin(2*PI*1000*t),0)':s=48000:d=${duration - audioStart}`,
    );
  }
  args.push('-map', '0:v', ...(audio ? ['-map', '1:a'] : []), '-vf', vf.join(','));
  if (spec.vfr) args.push('-fps_mode', 'passthrough', '-enc_time_base:v', '1/90000');
  if (codec === 'h264') {
    args.push('-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', String(spec.gop ?? fps * 2));
    args.push('-bf', String(spec.bframes ?? 3), '-keyint_min', String(spec.gop ?? fps * 2), '-sc_threshold', '0');
    if (audio) args.push('-c:a', 'aac', '-b:a', '128k');
  } else {
    args.push('-c:v', codec === 'vp8' ? 'libvpx' : 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '600k');
    args.push('-g', String(spec.gop ?? fps * 3), '-pix_fmt', 'yuv420p');
    if (audio) args.push('-c:a', 'libopus', '-b:a', '64k');
    if (spec.live) args.push('-live', '1', '-cluster_time_limit', '1000');
    args.push('-f', 'webm');
  }
  args.push(`file:${file}`);
  execFileSync(tools.ffmpeg.path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (spec.rotate) setMp4Rotation(file, spec.rotate);
  return file;
}

/**
 * Writes a rotation into the first track's matrix (tkhd), as phones and screen recorders do.
 * ffmpeg 5 cannot write one from the command line (-display_rotation came in 6.0).
 */
export function setMp4Rotation(file: string, clockwise: 90 | 180 | 270): void {
  const data = readFileSync(file);
  const at = data.indexOf(Buffer.from('tkhd'));
  if (at < 0) throw new Error('no tkhd box');
  const version = data[at + 4]!;
  // type(4) version/flags(4) times+track+reserved+duration (20 or 32) reserved(8) layer..volume(8)
  const matrixAt = at + 4 + 4 + (version === 1 ? 32 : 20) + 8 + 8;
  const one = 0x10000;
  const [a, b, c, d] =
    clockwise === 90 ? [0, one, -one, 0] : clockwise === 180 ? [-one, 0, 0, -one] : [0, -one, one, 0];
  data.writeInt32BE(a, matrixAt);
  data.writeInt32BE(b, matrixAt + 4);
  data.writeInt32BE(c, matrixAt + 12);
  data.writeInt32BE(d, matrixAt + 16);
  writeFileSync(file, data);
}

/**
 * Frame numbers of every decoded frame, in display order (read from the barcode). The bar is read
 * in stored orientation: `barRotation` is how far the player turns it (clockwise); by default the
 * file's own rotation. A re-encode of a rotated source turns the pixels instead: pass the source's.
 */
export async function readFrameIds(file: string, barRotation?: number): Promise<number[]> {
  const tools = await testTools();
  const probe = JSON.parse(
    execFileSync(tools.ffprobe.path, ['-v', 'error', '-select_streams', 'v:0', '-show_entries',
      'stream=width,height:stream_side_data=rotation', '-of', 'json', file], { encoding: 'utf8' }),
  ) as { streams: { width: number; height: number; side_data_list?: { rotation?: number }[] }[] };
  const s = probe.streams[0]!;
  const ccw = s.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation ?? 0;
  const own = ((-ccw % 360) + 360) % 360;
  const cw = barRotation ?? own;
  // Decoding applies the file's own rotation; undo the bar's rotation so the bar is on top again.
  const undo = cw === 90 ? 'transpose=cclock,' : cw === 180 ? 'hflip,vflip,' : cw === 270 ? 'transpose=clock,' : '';
  const upright = cw % 180 === 0 ? { w: own % 180 === 0 ? s.width : s.height, h: own % 180 === 0 ? s.height : s.width }
    : { w: own % 180 === 0 ? s.height : s.width, h: own % 180 === 0 ? s.width : s.height };
  return decodeIds(tools, file, undo, upright.w, upright.h);
}

function decodeIds(tools: FfmpegTools, file: string, undo: string, width: number, height: number): number[] {
  const raw = execFileSync(
    tools.ffmpeg.path,
    ['-v', 'error', '-i', file, '-an', '-vf', `${undo}scale=${width}:${height},crop=${width}:16:0:0,format=gray`,
      '-fps_mode', 'passthrough', '-f', 'rawvideo', '-'],
    { maxBuffer: 1 << 30 },
  );
  const frameSize = width * 16;
  const block = width / BITS;
  const ids: number[] = [];
  for (let f = 0; (f + 1) * frameSize <= raw.length; f++) {
    let id = 0;
    for (let b = 0; b < BITS; b++) {
      if (raw[f * frameSize + 8 * width + Math.floor(b * block + block / 2)]! > 128) id |= 1 << b;
    }
    ids.push(id);
  }
  return ids;
}

/** Start time of every video frame in display order (seconds from the file's start). */
export async function frameTimes(file: string): Promise<number[]> {
  const tools = await testTools();
  const out = execFileSync(
    tools.ffprobe.path,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags:format=start_time', '-of', 'csv=p=0', file],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const lines = out.trim().split('\n');
  const start = Number(lines.pop() ?? 0) || 0;
  return lines
    .map((l) => l.split(','))
    .filter(([, flags]) => !(flags ?? '').includes('D'))
    .map(([t]) => Number(t) - start)
    .sort((a, b) => a - b);
}

/** Where each beep begins (seconds from the file's start, late audio padded from 0). */
export async function beepOnsets(file: string): Promise<number[]> {
  const tools = await testTools();
  const rate = 48000;
  const raw = execFileSync(
    tools.ffmpeg.path,
    ['-v', 'error', '-i', file, '-vn', '-af', 'aresample=async=1:first_pts=0', '-ac', '1', '-ar', String(rate), '-f', 'f32le', '-'],
    { maxBuffer: 1 << 30 },
  );
  const samples = new Float32Array(raw.buffer, raw.byteOffset, Math.floor(raw.length / 4));
  const onsets: number[] = [];
  let quiet = rate; // samples of silence seen since the last loud one
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]!) > 0.15) {
      if (quiet > rate * 0.3) onsets.push(i / rate);
      quiet = 0;
    } else quiet++;
  }
  return onsets;
}

export interface SyncReport {
  beeps: number;
  /** Largest |audio - video| offset at a beep, in seconds. */
  maxOffsetS: number;
}

/**
 * Sound/picture offset of an output against its source, measured at every beep the output holds:
 * the beep should sound when the frame that showed with it in the source is on screen.
 */
export async function measureSync(source: string, output: string, outputBarRotation?: number): Promise<SyncReport> {
  const [srcIds, srcTimes, srcBeeps, outIds, outTimes, outBeeps] = await Promise.all([
    readFrameIds(source),
    frameTimes(source),
    beepOnsets(source),
    readFrameIds(output, outputBarRotation),
    frameTimes(output),
    beepOnsets(output),
  ]);
  const srcTimeOfId = new Map(srcIds.map((id, i) => [id, srcTimes[i]!]));
  let maxOffset = 0;
  let beeps = 0;
  for (const o of outBeeps) {
    // The output frame on screen when the beep sounds, and where that frame was in the source.
    let f = 0;
    while (f + 1 < outTimes.length && outTimes[f + 1]! <= o) f++;
    const srcFrameTime = srcTimeOfId.get(outIds[f]!);
    if (srcFrameTime === undefined) continue;
    const expectedSrc = srcFrameTime + (o - outTimes[f]!);
    const nearest = srcBeeps.reduce((best, s) => (Math.abs(s - expectedSrc) < Math.abs(best - expectedSrc) ? s : best), Infinity);
    if (!Number.isFinite(nearest) || Math.abs(nearest - expectedSrc) > 0.5) continue;
    beeps++;
    maxOffset = Math.max(maxOffset, Math.abs(expectedSrc - nearest));
  }
  return { beeps, maxOffsetS: maxOffset };
}
