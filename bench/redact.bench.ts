import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Redaction, ZoomRegion } from '../shared/domain/clip';
import { pixelBox } from '../shared/clips/regions';
import { trimToFile } from '../electron/core/clips';
import { createLibrary } from '../electron/core/library';
import { resolveTools, importVideo } from '../electron/core/media';
import { report } from './report';

// npm run bench -- redact
// On the 10-minute 1080p H.264 file of the trim bench (B-frames, 250-frame GOPs, AAC; made once
// and cached in the temp folder), the whole video with three 10-second redactions (black boxes)
// and one 5-second zoom, in one run:
//  - a full re-encode of the file (same x264 settings as our renders) against our smart render,
//    which re-encodes only from the clean boundary before each span to the keyframe after it;
//  - every frame of each redaction, and the two frames on either side, read back from the output:
//    a frame of the span whose box is not black, or a frame outside it whose box is, is a leak.
// Each step of the smart render (every ffmpeg run, the phases) is timed: wall time, and the CPU
// time of the ffmpeg processes that ended during it (Linux: the children's times in /proc/self/stat,
// which grow as each child is reaped).
// `npm run bench -- redact --smart-only` renders only the smart side (for its steps; no ratio).

const smartOnly = process.argv.includes('--smart-only');

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

const work = mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-redact-run-'));
const library = createLibrary(path.join(work, 'lib'));
const { assetId } = await importVideo(library, tools, source);

const FPS = 30;
const W = 1920;
const H = 1080;
// The middle of the picture, where the test pattern is bright and busy: a licence key, say.
const rect = { x: 0.3, y: 0.35, w: 0.4, h: 0.3 };
// Spans start and end mid-GOP, where a vendor's would.
const redactions: Redaction[] = [95.3, 250.7, 401.1].map((startS, i) => ({
  id: `r${i}`,
  startS,
  endS: startS + 10,
  rect,
  rectTo: null,
  style: 'box',
}));
const zooms: ZoomRegion[] = [{ id: 'z', startS: 480.2, endS: 485.2, rect: { x: 0.5, y: 0.5, w: 0.4, h: 0.4 }, easeS: 0.5 }];
const edit = {
  assetId,
  segments: [{ startS: 0, endS: 600 }],
  chapters: [],
  captions: [],
  options: { resolution: 'source' as const, targetSizeMb: null, burnCaptions: false, cleanNarration: false },
  title: 'bench',
  renderMode: 'smart' as const,
  redactions,
  zooms,
};

async function timed(run: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return (performance.now() - t0) / 1000;
}
const ff = (...args: string[]) => execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { maxBuffer: 1 << 30 });

// Warm the page cache so neither side pays for the first read.
ff('-i', source, '-map', '0', '-c', 'copy', '-f', 'null', '-');

/** CPU seconds of the children reaped so far (null off Linux). */
function childrenCpuS(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 (cutime, cstime) in clock ticks; fields[0] is field 3.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}
interface StepTime { wallS: number; cpuS: number }
const steps: { name: string; wallS: number; cpuS: number | null }[] = [];
const started = new Map<string, { t: number; cpu: number | null }>();
let cpuSeen = childrenCpuS();
const onStep = (name: string, edge: 'start' | 'end') => {
  const cpu = childrenCpuS();
  if (edge === 'start') {
    started.set(name, { t: performance.now(), cpu });
    return;
  }
  const s0 = started.get(name)!;
  // A phase owns everything reaped during it; an ffmpeg run, what was reaped since the last end.
  const phase = name === 'parts';
  const from = phase ? s0.cpu : cpuSeen;
  steps.push({ name, wallS: (performance.now() - s0.t) / 1000, cpuS: cpu === null || from === null ? null : cpu - from });
  if (!phase) cpuSeen = cpu;
};

const smart = path.join(work, 'smart.mp4');
let plan: Awaited<ReturnType<typeof trimToFile>> | null = null;
const smartS = await timed(async () => {
  plan = await trimToFile(library, tools, edit, smart, { onStep });
});
console.log('\nsmart render, step by step (wall s, CPU s of its ffmpeg):');
for (const s of steps) console.log(`  ${s.name.padEnd(22)} ${s.wallS.toFixed(1).padStart(7)} ${(s.cpuS ?? NaN).toFixed(1).padStart(7)}`);
console.log(`  ${'total'.padEnd(22)} ${smartS.toFixed(1).padStart(7)}`);
const byKind = new Map<string, StepTime>();
for (const s of steps) {
  const kind = s.name.split(' ')[0]!;
  const sum = byKind.get(kind) ?? { wallS: 0, cpuS: 0 };
  byKind.set(kind, { wallS: sum.wallS + s.wallS, cpuS: sum.cpuS + (s.cpuS ?? 0) });
}
const stepFigures: Record<string, number> = {};
for (const [kind, t] of byKind) {
  stepFigures[`smart_step_${kind.replace(/-/g, '_')}_wall_s`] = t.wallS;
  stepFigures[`smart_step_${kind.replace(/-/g, '_')}_cpu_s`] = t.cpuS;
}
const reencoded = path.join(work, 'reencode.mp4');
const cpuBeforeFull = childrenCpuS();
const reencodeS = smartOnly
  ? NaN
  : await timed(() =>
      ff('-i', source, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p',
        '-c:a', 'aac', '-b:a', '160k', '-movflags', '+faststart', reencoded),
    );
const cpuAfterFull = childrenCpuS();
const reencodeCpuS = cpuBeforeFull === null || cpuAfterFull === null ? NaN : cpuAfterFull - cpuBeforeFull;

// Leaks: the box's inside (4 pixels in from its edge, where the encoder rings) in grey, frame by
// frame, from two frames before each span to two after it. Black there is 0.
const box = pixelBox(rect, W, H);
const inner = { x: box.x + 4, y: box.y + 4, w: box.w - 8, h: box.h - 8 };
function boxMeans(file: string, firstFrame: number, count: number): number[] {
  const raw = ff(
    '-ss', String(firstFrame / FPS - 0.0005), '-i', file, '-frames:v', String(count), '-an',
    '-vf', `crop=${inner.w}:${inner.h}:${inner.x}:${inner.y},format=gray`, '-f', 'rawvideo', '-',
  );
  const size = inner.w * inner.h;
  const means: number[] = [];
  for (let at = 0; at + size <= raw.length; at += size) {
    let sum = 0;
    for (let i = at; i < at + size; i++) sum += raw[i]!;
    means.push(sum / size);
  }
  return means;
}
let leaked = 0;
let checked = 0;
let sourceBright = 1;
for (const r of redactions) {
  const first = Math.ceil(r.startS * FPS - 1e-6);
  const end = Math.ceil(r.endS * FPS - 1e-6);
  const out = boxMeans(smart, first - 2, end - first + 4);
  const src = boxMeans(source, first - 2, end - first + 4);
  if (out.length !== end - first + 4) throw new Error(`read ${out.length} frames around ${r.startS} s`);
  out.forEach((mean, i) => {
    const inside = i >= 2 && i < out.length - 2;
    checked++;
    if (inside ? mean > 6 : mean <= 6) leaked++;
  });
  // The check means something only where the source is not black itself.
  if (Math.min(...src) <= 20) sourceBright = 0;
}

const summary = plan as unknown as { reencodedShare: number; mode: string } | null;
const figures = {
  source_minutes: 10,
  source_mb: Math.round(statSync(source).size / 1e6),
  redactions: redactions.length,
  redaction_s_each: 10,
  zoom_s: 5,
  reencode_s: reencodeS,
  reencode_cpu_s: reencodeCpuS,
  smart_s: smartS,
  smart_cpu_s: steps.reduce((sum, s) => sum + (s.name === 'parts' ? 0 : (s.cpuS ?? 0)), 0),
  smart_redact_vs_reencode_ratio: smartS / reencodeS,
  smart_reencoded_share: summary?.reencodedShare ?? 0,
  smart_mode_kept: summary?.mode === 'smart' ? 1 : 0,
  redaction_frames_checked: checked,
  redaction_frames_leaked: leaked,
  redaction_check_valid: sourceBright,
  ...stepFigures,
};
// The smart side alone has no ratio to report: it prints, and leaves the results file as it was.
if (smartOnly) console.log(figures);
else
  report('redact', figures, {
    smart_redact_vs_reencode_ratio: { max: 0.1 },
    smart_mode_kept: { min: 1 },
    redaction_frames_leaked: { max: 0 },
    redaction_check_valid: { min: 1 },
  });
library.close();
rmSync(work, { recursive: true, force: true });
