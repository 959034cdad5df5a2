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
const RUNS = 7;

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

  const copy = (i: number) => {
    const target = path.join(out, `copy-${i}.mp4`);
    const t0 = performance.now();
    copyFileSync(source, target);
    const fd = openSync(target, 'r');
    fsyncSync(fd);
    closeSync(fd);
    const ms = performance.now() - t0;
    rmSync(target);
    return ms;
  };
  // The same bytes read into this process and written out, as any zip writer must (CRC-32): the
  // floor under an export, where copyFile may copy inside the kernel.
  const streamCopy = async (i: number) => {
    const target = path.join(out, `stream-${i}.mp4`);
    const t0 = performance.now();
    await pipeline(
      createReadStream(source, { highWaterMark: 1 << 20 }),
      createWriteStream(target, { highWaterMark: 1 << 20, flush: true }),
    );
    const ms = performance.now() - t0;
    rmSync(target);
    return ms;
  };
  const exportOnce = async (i: number) => {
    const zipPath = path.join(out, `bundle-${i}.zip`);
    const t0 = performance.now();
    await exportBundle(
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
    );
    const ms = performance.now() - t0;
    return { ms, zipPath };
  };

  // Warm-up (page cache, JIT), then alternate.
  copy(-1);
  await streamCopy(-1);
  rmSync((await exportOnce(-1)).zipPath);
  const copies: number[] = [];
  const streams: number[] = [];
  const exports: number[] = [];
  let lastZip = '';
  for (let i = 0; i < RUNS; i++) {
    copies.push(copy(i));
    streams.push(await streamCopy(i));
    const e = await exportOnce(i);
    exports.push(e.ms);
    if (lastZip) rmSync(lastZip);
    lastZip = e.zipPath;
  }
  const t0 = performance.now();
  await verifyBundleZip(lastZip);
  const verifyMs = performance.now() - t0;
  const zipBytes = statSync(lastZip).size;
  fx.library.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const copyMs = median(copies);
  const exportMs = median(exports);
  report(
    'bundle',
    {
      video_mb: Math.round((videoBytes / 1024 / 1024) * 10) / 10,
      zip_overhead_kb: Math.round((zipBytes - videoBytes) / 1024),
      runs: RUNS,
      copy_ms_median: Math.round(copyMs),
      export_ms_median: Math.round(exportMs),
      export_vs_copy_ratio: Math.round((exportMs / copyMs) * 100) / 100,
      stream_copy_ms_median: Math.round(median(streams)),
      export_vs_stream_copy_ratio: Math.round((exportMs / median(streams)) * 100) / 100,
      export_mb_per_s: Math.round(videoBytes / 1024 / 1024 / (exportMs / 1000)),
      verify_ms: Math.round(verifyMs),
    },
    { export_vs_copy_ratio: { max: 1.3 } },
  );
  console.log(
    `copies: ${copies.map(Math.round).join(', ')} ms\nexports: ${exports.map(Math.round).join(', ')} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
