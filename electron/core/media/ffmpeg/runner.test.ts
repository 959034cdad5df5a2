import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, testTools } from '../../testing';
import {
  runFfmpeg,
  runFfprobe,
  runningMediaProcesses,
  stopAllMediaProcesses,
  type FfmpegInvocation,
} from './runner';

const tempDir = useTempDir('kotae-runner-');

/** A long encode from a lavfi source (our own test input, so no whitelist). */
function longEncode(out: string, seconds = 120): FfmpegInvocation {
  return {
    inputs: [{ options: ['-f', 'lavfi'], url: `testsrc2=size=640x360:rate=30:duration=${seconds}` }],
    outputs: [{ options: ['-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mp4'], url: `file:${out}` }],
  };
}

describe('the ffmpeg runner', () => {
  it('reports progress from -progress against the output length, ending at 1', async () => {
    const { ffmpeg } = await testTools();
    const out = path.join(tempDir(), 'out.mp4');
    const seen: number[] = [];
    await runFfmpeg(ffmpeg.path, longEncode(out, 3), { outputDurationS: 3, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it('cancels with q and then a kill, and forgets the process', async () => {
    const { ffmpeg } = await testTools();
    const out = path.join(tempDir(), 'out.mp4');
    const controller = new AbortController();
    const running = runFfmpeg(ffmpeg.path, longEncode(out), {
      signal: controller.signal,
      outputDurationS: 120,
      onProgress: (f) => f > 0 && controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(runningMediaProcesses()).toBe(0);
  });

  it('cancels a run aborted before its process has started (the abort event fired already)', async () => {
    const { ffmpeg } = await testTools();
    const out = path.join(tempDir(), 'out.mp4');
    const controller = new AbortController();
    // An endless source: unless the process is stopped once it exists, this run never ends.
    const endless: FfmpegInvocation = {
      inputs: [{ options: ['-f', 'lavfi'], url: 'testsrc2=size=320x240:rate=30' }],
      outputs: [{ options: ['-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mp4'], url: `file:${out}` }],
    };
    const running = runFfmpeg(ffmpeg.path, endless, { signal: controller.signal, outputDurationS: 60 });
    controller.abort(); // fluent-ffmpeg spawns asynchronously: no process exists yet
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(runningMediaProcesses()).toBe(0);
  });

  it('stops every process at once (quit)', async () => {
    const { ffmpeg } = await testTools();
    const dir = tempDir();
    const runs = [1, 2].map((i) =>
      runFfmpeg(ffmpeg.path, longEncode(path.join(dir, `${i}.mp4`)), { outputDurationS: 120 }).catch(
        (e: unknown) => e,
      ),
    );
    while (runningMediaProcesses() < 2) await new Promise((r) => setTimeout(r, 20));
    stopAllMediaProcesses();
    const results = await Promise.all(runs);
    expect(results).toMatchObject([{ code: 'CANCELLED' }, { code: 'CANCELLED' }]);
    expect(runningMediaProcesses()).toBe(0);
  });

  it('kills a run that stops making progress (an input that never ends) instead of hanging', async () => {
    const { ffmpeg } = await testTools();
    const dir = tempDir();
    const fifo = path.join(dir, 'endless');
    execFileSync('mkfifo', [fifo]);
    const inv: FfmpegInvocation = {
      inputs: [{ options: ['-protocol_whitelist', 'file'], url: `file:${fifo}` }],
      outputs: [{ options: ['-f', 'null'], url: '-' }],
    };
    await expect(runFfmpeg(ffmpeg.path, inv, { stallTimeoutMs: 800 })).rejects.toMatchObject({
      code: 'FFMPEG_FAILED',
      messageKey: 'videos:errors.stall',
    });
    expect(runningMediaProcesses()).toBe(0);
  });

  it('gives every probe a timeout', async () => {
    const { ffprobe } = await testTools();
    const fifo = path.join(tempDir(), 'endless');
    execFileSync('mkfifo', [fifo]);
    await expect(runFfprobe(ffprobe.path, [`file:${fifo}`], { timeoutMs: 500 })).rejects.toMatchObject({
      messageKey: 'videos:errors.timeout',
    });
  });

  it("turns a failure into an error with ffmpeg's last words, and writes nothing", async () => {
    const { ffmpeg } = await testTools();
    const dir = tempDir();
    const out = path.join(dir, 'out.mp4');
    const inv: FfmpegInvocation = {
      inputs: [{ options: ['-protocol_whitelist', 'file'], url: `file:${path.join(dir, 'missing.mp4')}` }],
      outputs: [{ options: ['-f', 'mp4'], url: `file:${out}` }],
    };
    await expect(runFfmpeg(ffmpeg.path, inv)).rejects.toMatchObject({ code: 'FFMPEG_FAILED' });
    expect(existsSync(out)).toBe(false);
  });
});
