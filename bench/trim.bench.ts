import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { trimToFile } from '../electron/core/clips';
import { createLibrary } from '../electron/core/library';
import { resolveTools, importVideo } from '../electron/core/media';
import { report } from './report';

// npm run bench -- trim
// On a generated 10-minute 1080p H.264 file (B-frames, 250-frame GOPs, AAC), in one run:
//  - bare `ffmpeg -ss A -to B -c copy` against our lossless cut of the same range (which also
//    plans the keyframe snap, writes chapters and a browser-ready MP4 with the index up front);
//  - a full re-encode of the range against our smart cut (same x264 settings), which must be
//    frame-exact: its first frame is the source frame at the in point.
// The source is cached in the temp folder between runs (it takes minutes to make).

const tools = await resolveTools({});
const ffmpeg = tools.ffmpeg.path;
const cacheDir = path.join(os.tmpdir(), 'kotae-bench-trim');
mkdirSync(cacheDir, { recursive: true });
const source = path.join(cacheDir, 'source-1080p-600s.mp4');
if (!existsSync(source)) {
  console.log('making the 10-minute 1080p source (once; cached in the temp folder)…');
  const tmp = `${source}.part`;
  execFileSync(ffmpeg, [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=600',
    '-f', 'lavfi', '-i', "aevalsrc='0.3*sin(2*PI*440*t)*lt(mod(t,1),0.2)':s=48000:d=600",
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-g', '250',
    '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-f', 'mp4', tmp,
  ], { stdio: 'inherit' });
  execFileSync('mv', [tmp, source]);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-trim-run-'));
const library = createLibrary(path.join(work, 'lib'));
const { assetId } = await importVideo(library, tools, source);
// In and out in the middle of GOPs, four minutes apart.
const from = 120.4;
const to = 360.7;
const edit = { assetId, segments: [{ startS: from, endS: to }], chapters: [], captions: [], options: { resolution: 'source' as const, targetSizeMb: null, burnCaptions: false, cleanNarration: false }, title: 'bench' };

async function timed(run: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return (performance.now() - t0) / 1000;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ff = (...args: string[]) => execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);

// Warm the page cache so neither side pays for the first read.
ff('-i', source, '-map', '0', '-c', 'copy', '-f', 'null', '-');

const copyTimes: number[] = [];
const losslessTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const bare = path.join(work, `bare-${i}.mp4`);
  copyTimes.push(await timed(() => ff('-ss', String(from), '-to', String(to), '-i', source, '-c', 'copy', bare)));
  const ours = path.join(work, `lossless-${i}.mp4`);
  losslessTimes.push(await timed(() => trimToFile(library, tools, { ...edit, renderMode: 'lossless' }, ours)));
  rmSync(bare);
  rmSync(ours);
}

const reencoded = path.join(work, 'reencode.mp4');
const reencodeS = await timed(() =>
  ff('-ss', String(from), '-to', String(to), '-i', source, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20',
    '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '160k', '-movflags', '+faststart', reencoded),
);
const smart = path.join(work, 'smart.mp4');
let plan: Awaited<ReturnType<typeof trimToFile>> | null = null;
const smartS = await timed(async () => {
  plan = await trimToFile(library, tools, { ...edit, renderMode: 'smart' }, smart);
});

/** 64×36 grey pixels of one frame: of the output's first frame, or of source frame n. */
function thumb(file: string, at: string[]): Buffer {
  return execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', ...at, '-i', file, '-frames:v', '1', '-vf', 'scale=64:36,format=gray', '-f', 'rawvideo', '-']);
}
const mad = (a: Buffer, b: Buffer) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
// Frame-exact: the smart cut's first frame matches the source frame at the in point better than
// its neighbours, and it holds exactly the frames of the range.
const fps = 30;
const inFrame = Math.ceil(from * fps - 1e-6);
// -ss keeps frames at or after the time: half a millisecond before frame n gives frame n.
const first = thumb(smart, []);
const around = [-1, 0, 1].map((d) => mad(first, thumb(source, ['-ss', String((inFrame + d) / fps - 0.0005)])));
const frames = Number(execFileSync(tools.ffprobe.path, ['-v', 'error', '-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', smart], { encoding: 'utf8' }).trim());
const expectedFrames = Math.ceil(to * fps - 1e-6) - inFrame;
const frameExact = around[1]! < around[0]! && around[1]! < around[2]! && frames === expectedFrames ? 1 : 0;

const copyS = median(copyTimes);
const losslessS = median(losslessTimes);
const summary = plan as unknown as { reencodedShare: number } | null;
report(
  'trim',
  {
    source_minutes: 10,
    range_s: Math.round((to - from) * 10) / 10,
    source_mb: Math.round(statSync(source).size / 1e6),
    copy_s: copyS,
    lossless_s: losslessS,
    lossless_vs_copy_ratio: losslessS / copyS,
    reencode_s: reencodeS,
    smart_s: smartS,
    smart_vs_reencode_ratio: smartS / reencodeS,
    smart_reencoded_share: summary?.reencodedShare ?? 0,
    smart_frame_exact: frameExact,
  },
  {
    lossless_vs_copy_ratio: { max: 1.2 },
    smart_vs_reencode_ratio: { max: 0.1 },
    smart_frame_exact: { min: 1 },
  },
);
library.close();
rmSync(work, { recursive: true, force: true });
