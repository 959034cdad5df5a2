import { execFile, type ChildProcess } from 'node:child_process';
import ffmpeg from 'fluent-ffmpeg';
import { KotaeError } from '../../../../shared/errors';
import { legacyOptions, needsLegacyArgs } from './legacy';
import { progressFraction, readProgress, splitLines, type ProgressReading } from './progress';

// The one module that starts ffmpeg and ffprobe processes. Arguments come ready-made from the
// builders in args/ (argument arrays, never a shell). fluent-ffmpeg only spawns ffmpeg here; it is
// archived upstream, so nothing else may touch it: swapping it for child_process.spawn means
// changing startFfmpeg below and nothing more. ffprobe runs through execFile because fluent's
// ffprobe API cannot pass our flags (packet listings, read intervals, whitelists).
//
// Every process is registered with its AbortController, so stopAllMediaProcesses() ends them all
// on quit. Cancel: `q` on ffmpeg's stdin (it stops and closes its files), then SIGKILL after a grace
// period. ffmpeg's stdin is a private pipe that only this module writes to, so it can never read the
// terminal; that is what -nostdin would protect against, and -nostdin would also make it deaf to `q`.

export interface FfmpegInput {
  options?: string[];
  url: string;
}

export interface FfmpegOutput {
  options: string[];
  url: string;
}

/** One ffmpeg run as data: what the builders return and the tests inspect. */
export interface FfmpegInvocation {
  inputs: FfmpegInput[];
  outputs: FfmpegOutput[];
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Kill the process when the whole run takes longer than this. */
  timeoutMs?: number;
  /** Kill the process when it reports no progress for this long (an endless or stuck input). */
  stallTimeoutMs?: number;
  /** Length of the output in seconds: progress is out_time divided by it. */
  outputDurationS?: number;
  onProgress?: (fraction: number) => void;
  /** Working folder: our own intermediate files are named relative to it. */
  cwd?: string;
}

const CANCEL_GRACE_MS = 2000;
const DEFAULT_STALL_MS = 60_000;
const DEFAULT_PROBE_TIMEOUT_MS = 20_000;

const WRITE_FAILURE =
  /No space left on device|Error writing trailer|av_interleaved_write_frame\(\)|Error muxing a packet/i;

const running = new Map<ChildProcess, AbortController>();

/** Ends every ffmpeg and ffprobe process this process started (app quit, library switch). */
export function stopAllMediaProcesses(): void {
  for (const controller of running.values()) controller.abort();
}

export function runningMediaProcesses(): number {
  return running.size;
}

/** The full argument list, in the order ffmpeg reads it (inputs first, each with its options). */
export function argumentList(inv: FfmpegInvocation, progress: boolean): string[] {
  const global = ['-hide_banner', '-nostats', '-loglevel', 'error', '-y'];
  if (progress) global.push('-progress', 'pipe:1', '-stats_period', '0.25');
  return [
    ...global,
    ...inv.inputs.flatMap((i) => [...(i.options ?? []), '-i', i.url]),
    ...inv.outputs.flatMap((o) => [...o.options, o.url]),
  ];
}

function tail(text: string, lines = 6): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** An ffmpeg/ffprobe failure as an error the user can act on. */
export function failureFromStderr(stderr: string, fallback: string): KotaeError {
  const detail = tail(stderr) || fallback;
  if (/No space left on device|ENOSPC/i.test(stderr)) return new KotaeError('DISK_FULL', {}, detail);
  return new KotaeError('FFMPEG_FAILED', { reason: detail.split('\n').pop() ?? fallback }, detail);
}

function addOptions(add: (...opts: string[]) => void, options: readonly string[]): void {
  if (options.length === 0) return;
  // fluent-ffmpeg splits a lone option at its space ("a b" -> "a", "b") unless it gets several
  // arguments; ours always come in flag/value pairs, so a lone one is a builder bug.
  if (options.length === 1) throw new Error(`unpaired ffmpeg option: ${options[0]}`);
  add(...options);
}

/** Which ffmpeg to run: a path (5.0 or newer) or a resolved tool, whose version picks the spelling. */
export type FfmpegBinary = string | { path: string; avformatMajor: number };

/**
 * Runs ffmpeg to completion. Resolves with stderr; rejects with CANCELLED (signal), FFMPEG_FAILED
 * (non-zero exit, timeout, stall) or DISK_FULL.
 */
export function runFfmpeg(
  tool: FfmpegBinary,
  inv: FfmpegInvocation,
  options: RunOptions = {},
): Promise<string> {
  const binary = typeof tool === 'string' ? tool : tool.path;
  const legacy = typeof tool !== 'string' && needsLegacyArgs(tool.avformatMajor);
  if (legacy) {
    inv = {
      inputs: inv.inputs.map((i) => ({ ...i, ...(i.options ? { options: legacyOptions(i.options) } : {}) })),
      outputs: inv.outputs.map((o) => ({ ...o, options: legacyOptions(o.options) })),
    };
  }
  if (inv.inputs.length === 0 || inv.outputs.length === 0)
    throw new Error('ffmpeg needs an input and an output');
  const controller = new AbortController();
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new KotaeError('CANCELLED'));
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);

  return new Promise<string>((resolve, reject) => {
    const command = ffmpeg({
      stdoutLines: 50,
      stderrLines: 200,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    } as ffmpeg.FfmpegCommandOptions);
    command.setFfmpegPath(binary);
    const global = argumentList({ inputs: [], outputs: [] }, true);
    if (legacy) global.splice(0, global.length, ...legacyOptions(global));
    inv.inputs.forEach((input, i) => {
      command.input(input.url);
      addOptions(
        (...o) => command.inputOptions(...o),
        [...(i === 0 ? global : []), ...(input.options ?? [])],
      );
    });
    for (const output of inv.outputs) {
      command.output(output.url);
      addOptions((...o) => command.outputOptions(...o), output.options);
    }

    let proc: ChildProcess | null = null;
    let settled = false;
    let failure: KotaeError | null = null;
    let reading: ProgressReading = { outTimeS: null, ended: false };
    let carry = '';
    let killTimer: NodeJS.Timeout | undefined;
    let stallTimer: NodeJS.Timeout | undefined;
    const overallTimer = options.timeoutMs
      ? setTimeout(() => fail(timeoutError('timeout')), options.timeoutMs)
      : undefined;
    const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_MS;
    const armStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => fail(timeoutError('stall')), stallMs);
    };

    function timeoutError(kind: 'timeout' | 'stall'): KotaeError {
      return new KotaeError('FFMPEG_FAILED', { reason: kind }, `ffmpeg ${kind}`, `videos:errors.${kind}`);
    }

    function cleanup() {
      clearTimeout(overallTimer);
      clearTimeout(stallTimer);
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      if (proc) running.delete(proc);
    }

    function finish(err: KotaeError | null, stderr: string) {
      if (settled) return;
      settled = true;
      cleanup();
      if (err) reject(err);
      else resolve(stderr);
    }

    /** Stops the process for a timeout or stall: no grace, the input may be blocking it. */
    function fail(err: KotaeError) {
      failure ??= err;
      proc?.kill('SIGKILL');
    }

    /** Asks ffmpeg to stop (q), then kills it after a grace period. */
    function stop() {
      failure ??= new KotaeError('CANCELLED');
      if (!proc || killTimer) return;
      try {
        proc.stdin?.write('q');
      } catch {
        /* stdin already closed: the kill below still ends it */
      }
      killTimer = setTimeout(() => proc?.kill('SIGKILL'), CANCEL_GRACE_MS);
    }
    controller.signal.addEventListener('abort', stop);

    command.on('start', () => {
      proc = (command as unknown as { ffmpegProc: ChildProcess }).ffmpegProc;
      running.set(proc, controller);
      proc.stdin?.on('error', () => undefined);
      armStall();
      proc.stdout?.setEncoding('utf8');
      proc.stdout?.on('data', (chunk: string) => {
        const split = splitLines(carry, chunk);
        carry = split.carry;
        reading = readProgress(split.lines, reading);
        armStall();
        options.onProgress?.(progressFraction(reading, options.outputDurationS ?? 0));
      });
      // Cancelled between run() and the process starting: the abort event has fired already (and
      // a second abort() would not fire it again), so stop the process that now exists.
      if (controller.signal.aborted) stop();
    });
    command.on('error', (err: Error, _stdout: string | null, stderr: string | null) => {
      finish(failure ?? failureFromStderr(stderr ?? '', err.message), stderr ?? '');
    });
    command.on('end', (_stdout: string | null, stderr: string | null) => {
      // ffmpeg can exit 0 after failing to write (a full disk while writing the trailer).
      if (!failure && WRITE_FAILURE.test(stderr ?? ''))
        failure = failureFromStderr(stderr ?? '', 'write failed');
      if (failure) finish(failure, stderr ?? '');
      else {
        options.onProgress?.(1);
        finish(null, stderr ?? '');
      }
    });
    command.run();
  });
}

export interface ProbeOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBuffer?: number;
}

/** Runs ffprobe with a timeout (every probe has one) and returns its stdout. */
export function runFfprobe(binary: string, args: string[], options: ProbeOptions = {}): Promise<string> {
  if (options.signal?.aborted) return Promise.reject(new KotaeError('CANCELLED'));
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  return new Promise<string>((resolve, reject) => {
    const child = execFile(
      binary,
      ['-hide_banner', '-loglevel', 'error', ...args],
      {
        timeout: options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
        signal: controller.signal,
        windowsHide: true,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        running.delete(child);
        options.signal?.removeEventListener('abort', onAbort);
        if (!err) return resolve(stdout);
        if (options.signal?.aborted) return reject(new KotaeError('CANCELLED'));
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
        if (e.killed || e.signal === 'SIGKILL' || e.code === 'ABORT_ERR') {
          return reject(
            new KotaeError(
              'FFMPEG_FAILED',
              { reason: 'timeout' },
              'ffprobe timed out',
              'videos:errors.timeout',
            ),
          );
        }
        reject(failureFromStderr(stderr, e.message));
      },
    );
    running.set(child, controller);
  });
}
