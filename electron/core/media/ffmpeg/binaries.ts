import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../../../shared/errors';
import type { FfmpegInfo } from '../../../../shared/domain/video';

// Which ffmpeg and ffprobe we run, in this order (README, "ffmpeg"):
//   1. the app setting (Settings → ffmpeg path), 2. KOTAE_FFMPEG / KOTAE_FFPROBE,
//   3. the binaries bundled through @ffmpeg-installer/@ffprobe-installer (app.asar.unpacked when
//      packaged), 4. `ffmpeg` / `ffprobe` on PATH.
// Each candidate must run and be new enough: libavformat 59 (ffmpeg 5.0) or later, and ffmpeg must
// have the libx264 and aac encoders. The first that passes wins. The bundled ffmpeg of
// @ffmpeg-installer is a 2018 build (libavformat 58): its stream-copy seek keeps packets from the
// keyframe before the cut and hides them with an edit list, so a lossless cut would not start where
// we say; it is rejected with that reason and the next candidate is used.

export type ToolSource = 'setting' | 'env' | 'bundled' | 'path';

export interface ResolvedTool {
  path: string;
  version: string;
  source: ToolSource;
  /** libavformat major version: 59 = ffmpeg 5.x, 60 = 6.x, 61 = 7.x. */
  avformatMajor: number;
}

export interface FfmpegTools {
  ffmpeg: ResolvedTool;
  ffprobe: ResolvedTool;
}

export interface ToolPreferences {
  ffmpegPath?: string | null;
  ffprobePath?: string | null;
  env?: NodeJS.ProcessEnv;
  /**
   * Where the installer packages say their binary is (inside app.asar when packaged); defaults to
   * what the installed packages report. Tests set it to simulate a packaged app's layout.
   */
  bundled?: Partial<Record<'ffmpeg' | 'ffprobe', string | null>>;
}

// ffmpeg 5.0 (libavformat 59): -fps_mode, -stats_period and the copy seek behaviour we rely on.
const MIN_AVFORMAT: [number, number] = [59, 0];
const CHECK_TIMEOUT_MS = 10_000;

interface Candidate {
  path: string;
  source: ToolSource;
}

interface CheckResult {
  tool?: ResolvedTool;
  reason?: string;
}

const checked = new Map<string, Promise<Omit<CheckResult, 'tool'> & { version?: string; major?: number }>>();

function run(binary: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      args,
      { timeout: CHECK_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
  });
}

/** Packaged apps cannot execute files inside app.asar: electron-builder unpacks them beside it. */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An executable called `name` in one of the PATH folders (no shell, no `which`). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, exe);
    if (isExecutable(file)) return file;
  }
  return null;
}

async function bundledPath(tool: 'ffmpeg' | 'ffprobe', prefs: ToolPreferences): Promise<string | null> {
  const given = prefs.bundled?.[tool];
  if (given !== undefined) return given ? unpackedPath(given) : null;
  try {
    // Both packages throw on a platform they have no binary for.
    const mod = (tool === 'ffmpeg'
      ? await import('@ffmpeg-installer/ffmpeg')
      : await import('@ffprobe-installer/ffprobe')) as unknown as { path?: string; default?: { path: string } };
    const file = mod.default?.path ?? mod.path;
    return file ? unpackedPath(file) : null;
  } catch {
    return null;
  }
}

/** "libavformat    59. 27.100 / 59. 27.100" → 59. */
export function parseAvformatMajor(versionOutput: string): number | null {
  return parseAvformatVersion(versionOutput)?.[0] ?? null;
}

export function parseAvformatVersion(versionOutput: string): [number, number] | null {
  const match = /libavformat\s+(\d+)\.\s*(\d+)/.exec(versionOutput);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

export function parseVersion(versionOutput: string): string {
  return /version\s+(\S+)/.exec(versionOutput)?.[1] ?? 'unknown';
}

async function check(candidate: Candidate, tool: 'ffmpeg' | 'ffprobe'): Promise<CheckResult> {
  if (!isExecutable(candidate.path)) return { reason: 'not an executable file' };
  let result = checked.get(`${tool}:${candidate.path}`);
  if (!result) {
    result = (async () => {
      let out: string;
      try {
        out = await run(candidate.path, ['-hide_banner', '-version']);
      } catch (err) {
        return { reason: `does not run: ${(err as Error).message.split('\n')[0]}` };
      }
      const avformat = parseAvformatVersion(out);
      const version = parseVersion(out);
      if (avformat === null) return { reason: 'not ffmpeg (no libavformat version)' };
      const [major, minor] = avformat;
      if (major < MIN_AVFORMAT[0] || (major === MIN_AVFORMAT[0] && minor < MIN_AVFORMAT[1])) {
        return { reason: `too old: ${version} (libavformat ${major}.${minor}; ffmpeg 5.0 or newer is needed)` };
      }
      if (tool === 'ffmpeg') {
        const encoders = await run(candidate.path, ['-hide_banner', '-encoders']).catch(() => '');
        for (const needed of ['libx264', 'aac']) {
          if (!new RegExp(`\\s${needed}\\s`).test(encoders)) return { reason: `has no ${needed} encoder` };
        }
      }
      return { version, major };
    })();
    checked.set(`${tool}:${candidate.path}`, result);
  }
  const r = await result;
  if (r.reason) return { reason: r.reason };
  return {
    tool: { path: candidate.path, version: r.version!, source: candidate.source, avformatMajor: r.major! },
  };
}

async function candidates(tool: 'ffmpeg' | 'ffprobe', prefs: ToolPreferences): Promise<Candidate[]> {
  const env = prefs.env ?? process.env;
  const list: Candidate[] = [];
  const setting = tool === 'ffmpeg' ? prefs.ffmpegPath : prefs.ffprobePath;
  if (setting) list.push({ path: setting, source: 'setting' });
  const fromEnv = tool === 'ffmpeg' ? env.KOTAE_FFMPEG : env.KOTAE_FFPROBE;
  if (fromEnv) list.push({ path: fromEnv, source: 'env' });
  const bundled = await bundledPath(tool, prefs);
  if (bundled) list.push({ path: bundled, source: 'bundled' });
  const onPath = findOnPath(tool, env);
  if (onPath) list.push({ path: onPath, source: 'path' });
  return list;
}

async function resolveOne(
  tool: 'ffmpeg' | 'ffprobe',
  prefs: ToolPreferences,
  rejected: FfmpegInfo['rejected'],
): Promise<ResolvedTool | null> {
  for (const candidate of await candidates(tool, prefs)) {
    const result = await check(candidate, tool);
    if (result.tool) return result.tool;
    rejected.push({ path: candidate.path, source: candidate.source, reason: result.reason ?? 'unusable' });
  }
  return null;
}

/** What would be used and why the others were not: for Settings and `kotae probe --tools`. */
export async function describeTools(prefs: ToolPreferences): Promise<FfmpegInfo> {
  const rejected: FfmpegInfo['rejected'] = [];
  const ffmpeg = await resolveOne('ffmpeg', prefs, rejected);
  const ffprobe = await resolveOne('ffprobe', prefs, rejected);
  const pick = (t: ResolvedTool | null) => (t ? { path: t.path, version: t.version, source: t.source } : null);
  return { ffmpeg: pick(ffmpeg), ffprobe: pick(ffprobe), rejected };
}

/** The tools to run, or FFMPEG_MISSING saying what was tried. */
export async function resolveTools(prefs: ToolPreferences): Promise<FfmpegTools> {
  const rejected: FfmpegInfo['rejected'] = [];
  const ffmpeg = await resolveOne('ffmpeg', prefs, rejected);
  const ffprobe = await resolveOne('ffprobe', prefs, rejected);
  if (!ffmpeg || !ffprobe) {
    throw new KotaeError(
      'FFMPEG_MISSING',
      { tool: !ffmpeg ? 'ffmpeg' : 'ffprobe' },
      rejected.map((r) => `${r.source} ${r.path}: ${r.reason}`).join('; ') || 'no candidate found',
    );
  }
  return { ffmpeg, ffprobe };
}
