import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { exportBundle, verifyBundleZip } from '../electron/core/bundles';
import { FFMPEG, makeBundleFixture } from '../electron/core/bundles/testing';
import { report } from './report';

// Exporting an answer with 200 MB of video against a plain copy of the same bytes, in one run,
// alternating the two so both see the same machine. The export writes the zip (video stored, not
// deflated, and hashed on a worker thread as it streams), its pages and manifest, renames it into
// place and records the bundle; the copy copies the video file (fs.copyFile, which may copy inside
// the kernel). All end with the data on disk (fsync), as the export's atomic write does. A streamed
// copy (read into the process, written out) is measured too: it is the floor of any zip writer.

const TARGET_BYTES = 200 * 1024 * 1024;
const RUNS = 11;

const dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-bundle-'));
try {
  // A real H.264/AAC MP4 of ~200 MB: ten encoded seconds, looped without re-encoding.
  const piece = path.join(dir, 'piece.mp4');
  execFileSync(FFMPEG, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=10'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=10'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '12M', '-maxrate', '12M', '-bufsize', '24M'],
    ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', piece],
  ]);
  const loops = Math.max(0, Math.round(TARGET_BYTES / statSync(piece).size) - 1);
  const video = path.join(dir, 'video.mp4');
  execFileSync(FFMPEG, [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', String(loops), '-i', piece],
    ...['-c', 'copy', '-movflags', '+faststart', video],
  ]);
  const videoBytes = statSync(video).size;

  const fx = await makeBundleFixture(path.join(dir, 'lib'), dir, {
    videoFile: video,
    videoDurationS: 10 * (loops + 1),
  });
  const libraryVideo = fx.library.db
    .prepare(
      'SELECT m.sha256, m.ext FROM clips c JOIN media_assets m ON m.id = c.output_asset_id WHERE c.id = ?',
    )
    .get(fx.clipId) as { sha256: string; ext: string };
  const source = fx.library.media.pathFor(libraryVideo.sha256, libraryVideo.ext);
  const out = path.join(dir, 'out');
  mkdirSync(out);

  /** Wall time, and the CPU time of this process (all its threads), which the machine's load does not inflate. */
  const measure = async (work: () => unknown): Promise<{ ms: number; cpuMs: number }> => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await work();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const copy = async (i: number) => {
    const target = path.join(out, `copy-${i}.mp4`);
    const m = await measure(() => {
      copyFileSync(source, target);
      const fd = openSync(target, 'r');
      fsyncSync(fd);
      closeSync(fd);
    });
    rmSync(target);
    return m;
  };
  // The same bytes read into this process and written out, as any zip writer must (CRC-32): the
  // floor under an export, where copyFile may copy inside the kernel.
  const streamCopy = async (i: number) => {
    const target = path.join(out, `stream-${i}.mp4`);
    const m = await measure(() =>
      pipeline(
        createReadStream(source, { highWaterMark: 1 << 20 }),
        createWriteStream(target, { highWaterMark: 1 << 20, flush: true }),
      ),
    );
    rmSync(target);
    return m;
  };
  const exportOnce = (zipPath: string) =>
    measure(() =>
      exportBundle(
        fx.library,
        {
          answerId: fx.answerId,
          customerId: fx.customerId,
          questionId: null,
          personalised: true,
          videoRendition: 'original',
          zip: true,
          folder: false,
        },
        { zipPath, folderPath: null },
        { appVersion: 'bench' },
        { signal: new AbortController().signal, progress: () => undefined },
      ),
    );

  // Warm-up (page cache, JIT), then alternate.
  await copy(-1);
  await streamCopy(-1);
  await exportOnce(path.join(out, 'warm-up.zip'));
  rmSync(path.join(out, 'warm-up.zip'));
  const copies: { ms: number; cpuMs: number }[] = [];
  const streams: { ms: number; cpuMs: number }[] = [];
  const exports: { ms: number; cpuMs: number }[] = [];
  let lastZip = '';
  for (let i = 0; i < RUNS; i++) {
    copies.push(await copy(i));
    streams.push(await streamCopy(i));
    const zipPath = path.join(out, `bundle-${i}.zip`);
    exports.push(await exportOnce(zipPath));
    if (lastZip) rmSync(lastZip);
    lastZip = zipPath;
  }
  const t0 = performance.now();
  await verifyBundleZip(lastZip);
  const verifyMs = performance.now() - t0;
  const zipBytes = statSync(lastZip).size;
  fx.library.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ms = (xs: { ms: number }[]) => median(xs.map((x) => x.ms));
  const cpu = (xs: { cpuMs: number }[]) => median(xs.map((x) => x.cpuMs));
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  report(
    'bundle',
    {
      video_mb: Math.round((videoBytes / 1024 / 1024) * 10) / 10,
      zip_overhead_kb: Math.round((zipBytes - videoBytes) / 1024),
      runs: RUNS,
      load_average: Math.round(os.loadavg()[0]! * 10) / 10,
      copy_ms_median: Math.round(ms(copies)),
      export_ms_median: Math.round(ms(exports)),
      export_vs_copy_ratio: ratio(ms(exports), ms(copies)),
      stream_copy_ms_median: Math.round(ms(streams)),
      export_vs_stream_copy_ratio: ratio(ms(exports), ms(streams)),
      copy_cpu_ms_median: Math.round(cpu(copies)),
      stream_copy_cpu_ms_median: Math.round(cpu(streams)),
      export_cpu_ms_median: Math.round(cpu(exports)),
      export_vs_copy_cpu_ratio: ratio(cpu(exports), cpu(copies)),
      export_mb_per_s: Math.round(videoBytes / 1024 / 1024 / (ms(exports) / 1000)),
      verify_ms: Math.round(verifyMs),
    },
    { export_vs_copy_ratio: { max: 1.3 } },
  );
  const list = (xs: { ms: number }[]) => xs.map((x) => Math.round(x.ms)).join(', ');
  console.log(`copies:  ${list(copies)} ms\nstreams: ${list(streams)} ms\nexports: ${list(exports)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
