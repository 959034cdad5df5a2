import { execFileSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
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
import { exportBundle, verifyBundleZip } from '../electron/core/bundles';
import { FFMPEG, makeBundleFixture } from '../electron/core/bundles/testing';
import { report } from './report';

// Exporting an answer with 200 MB of video against a plain copy of the same bytes, in one run,
// alternating the two so both see the same machine. The export writes the zip (video stored, not
// deflated, and copied unread: the library has its sha256 and CRC-32 from when it was stored), its
// pages and manifest, renames it into place and records the bundle; the copy copies the video file
// (fs.copyFile, which may copy inside the kernel). Both end with the data on disk (fsync), as the
// export's atomic write does. Measured too: the first export of a video stored before the library
// kept CRC-32s (migration 0100), which reads the bytes once to compute it and keeps it.

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
  const source = fx.library.media.fileOf(libraryVideo)!;
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
  const forgetCrc = fx.library.db.prepare('UPDATE media_assets SET crc32 = NULL');
  await copy(-1);
  await exportOnce(path.join(out, 'warm-up.zip'));
  rmSync(path.join(out, 'warm-up.zip'));
  const copies: { ms: number; cpuMs: number }[] = [];
  const exports: { ms: number; cpuMs: number }[] = [];
  const firstExports: { ms: number; cpuMs: number }[] = [];
  let lastZip = '';
  for (let i = 0; i < RUNS; i++) {
    copies.push(await copy(i));
    const zipPath = path.join(out, `bundle-${i}.zip`);
    exports.push(await exportOnce(zipPath));
    if (lastZip) rmSync(lastZip);
    lastZip = zipPath;
    forgetCrc.run();
    const firstPath = path.join(out, `first-${i}.zip`);
    firstExports.push(await exportOnce(firstPath));
    rmSync(firstPath);
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
      first_export_ms_median: Math.round(ms(firstExports)),
      first_export_vs_copy_ratio: ratio(ms(firstExports), ms(copies)),
      copy_cpu_ms_median: Math.round(cpu(copies)),
      export_cpu_ms_median: Math.round(cpu(exports)),
      export_vs_copy_cpu_ratio: ratio(cpu(exports), cpu(copies)),
      export_mb_per_s: Math.round(videoBytes / 1024 / 1024 / (ms(exports) / 1000)),
      verify_ms: Math.round(verifyMs),
    },
    { export_vs_copy_ratio: { max: 1.3 } },
  );
  const list = (xs: { ms: number }[]) => xs.map((x) => Math.round(x.ms)).join(', ');
  console.log(
    `copies:  ${list(copies)} ms\nexports: ${list(exports)} ms\nfirst exports (CRC-32 not yet known): ${list(firstExports)} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
