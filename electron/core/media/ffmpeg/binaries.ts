import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../../../shared/errors';
import type { FfmpegInfo } from '../../../../shared/domain/video';

// Which ffmpeg and ffprobe we run, in this order (README, "ffmpeg"):
//   1. the app setting (Settings → ffmpeg path), 2. KOTAE_FFMPEG / KOTAE_FFPROBE,
//   3. the binaries bundled with the app (app.asar.unpacked when packaged): ffmpeg 6.1 from
//      ffmpeg-static (an optional dependency whose install downloads the binary; absent where that
//      download cannot happen), then the old ffmpeg 4.1 of @ffmpeg-installer, and ffprobe from
//      @ffprobe-installer, 4. `ffmpeg` / `ffprobe` on PATH.
// Each candidate must run, and ffmpeg must have the libx264 and aac encoders.
// ffmpeg older than 5.0 (libavformat < 59) is usable with reduced capability: its stream-copy seek
// keeps packets from the keyframe before the cut and hides them with an edit list, so a lossless
// or smart cut would not start where we say; with it, those modes render accurately (re-encoded,
// frame-exact) and say why (clips/plan.ts, fallback 'oldFfmpeg'). The bundled ffmpeg of
// @ffmpeg-installer is such a 2018 build (4.1). Policy for ffmpeg:
//   - a setting or KOTAE_FFMPEG that runs wins, even when old (the user chose it);
//   - otherwise the first bundled/PATH candidate that is 5.0 or newer;
//   - otherwise the first old one (the bundled build) rather than nothing.
// ffprobe must be 5.0 or newer (the bundled ffprobe is a 2023 build), first that passes wins.

export type ToolSource = 'setting' | 'env' | 'bundled' | 'path';

/**
 * The binaries the app bundles: `ffmpegCurrent` is ffmpeg-static's (6.1, with libx264), `ffmpeg` the
 * 2018 build of @ffmpeg-installer kept as the last resort, `ffprobe` @ffprobe-installer's.
 */
export type BundledBinary = 'ffmpegCurrent' | 'ffmpeg' | 'ffprobe';

export interface ResolvedTool {
  path: string;
  version: string;
  source: ToolSource;
  /** libavformat major version: 59 = ffmpeg 5.x, 60 = 6.x, 61 = 7.x. */
  avformatMajor: number;
  /**
   * Stream copy can start exactly at a cut (ffmpeg 5.0+). False for older builds: lossless and
   * smart renders fall back to accurate.
   */
  exactCopyCuts: boolean;
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
  bundled?: Partial<Record<BundledBinary, string | null>>;
}

// ffmpeg 5.0 (libavformat 59): -fps_mode, -stats_period and the copy seek behaviour we rely on.
const MIN_AVFORMAT: [number, number] = [59, 0];
// A first run of a 70 MB static build on a busy machine (a render beside it, a cold disk) has taken
// over 10 s in our CI; a check that times out is not remembered (below), but the user would see the
// tool refused until then.
const CHECK_TIMEOUT_MS = 30_000;

interface Candidate {
  path: string;
  source: ToolSource;
}

interface CheckResult {
  tool?: ResolvedTool;
  reason?: string;
  /** Set when the tool runs but is older than ffmpeg 5.0 (a reason, without its closing paren). */
  old?: string;
}

type Checked = { reason?: string; version?: string; major?: number; old?: string; transient?: boolean };
/**
 * What each binary said, by path and file identity (size, mtime: a replaced binary is checked
 * again). A run that failed or timed out is transient and not kept: a busy moment must not make a
 * good ffmpeg "unusable" for the rest of the session.
 */
const checked = new Map<string, Promise<Checked>>();

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

function fileIdentity(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'gone';
  }
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

async function importedPath(binary: BundledBinary): Promise<string | null> {
  try {
    // The installer packages throw on a platform they have no binary for; ffmpeg-static exports null
    // there, and is missing altogether where its download failed (it is an optional dependency).
    const mod = (binary === 'ffmpegCurrent'
      ? await import('ffmpeg-static')
      : binary === 'ffmpeg'
        ? await import('@ffmpeg-installer/ffmpeg')
        : await import('@ffprobe-installer/ffprobe')) as unknown as {
      path?: string;
      default?: string | { path: string } | null;
    };
    const value = mod.default ?? mod.path;
    return typeof value === 'string' ? value : (value?.path ?? null);
  } catch {
    return null;
  }
}

async function bundledPath(binary: BundledBinary, prefs: ToolPreferences): Promise<string | null> {
  const given = prefs.bundled?.[binary];
  const file = given !== undefined ? given : await importedPath(binary);
  if (!file) return null;
  const unpacked = unpackedPath(file);
  // ffmpeg-static names its binary even when the download did not happen: nothing to try then.
  return binary === 'ffmpegCurrent' && !isExecutable(unpacked) ? null : unpacked;
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
  const key = `${tool}:${candidate.path}:${fileIdentity(candidate.path)}`;
  let result = checked.get(key);
  if (!result) {
    result = (async (): Promise<Checked> => {
      let out: string;
      try {
        out = await run(candidate.path, ['-hide_banner', '-version']);
      } catch (err) {
        return { reason: `does not run: ${(err as Error).message.split('\n')[0]}`, transient: true };
      }
      const avformat = parseAvformatVersion(out);
      const version = parseVersion(out);
      if (avformat === null) return { reason: 'not ffmpeg (no libavformat version)' };
      const [major, minor] = avformat;
      const old =
        major < MIN_AVFORMAT[0] || (major === MIN_AVFORMAT[0] && minor < MIN_AVFORMAT[1])
          ? `too old: ${version} (libavformat ${major}.${minor}; ffmpeg 5.0 or newer is needed`
          : undefined;
      if (old && tool === 'ffprobe') return { reason: `${old})` };
      if (tool === 'ffmpeg') {
        let encoders: string;
        try {
          encoders = await run(candidate.path, ['-hide_banner', '-encoders']);
        } catch (err) {
          return {
            reason: `does not list its encoders: ${(err as Error).message.split('\n')[0]}`,
            transient: true,
          };
        }
        for (const needed of ['libx264', 'aac']) {
          if (!new RegExp(`\\s${needed}\\s`).test(encoders)) return { reason: `has no ${needed} encoder` };
        }
      }
      return { version, major, ...(old ? { old } : {}) };
    })();
    checked.set(key, result);
    const settled = result;
    void settled.then((r) => {
      if (r.transient && checked.get(key) === settled) checked.delete(key);
    });
  }
  const r = await result;
  if (r.reason) return { reason: r.reason };
  return {
    tool: {
      path: candidate.path,
      version: r.version!,
      source: candidate.source,
      avformatMajor: r.major!,
      exactCopyCuts: !r.old,
    },
    ...(r.old ? { old: r.old } : {}),
  };
}

async function candidates(tool: 'ffmpeg' | 'ffprobe', prefs: ToolPreferences): Promise<Candidate[]> {
  const env = prefs.env ?? process.env;
  const list: Candidate[] = [];
  const setting = tool === 'ffmpeg' ? prefs.ffmpegPath : prefs.ffprobePath;
  if (setting) list.push({ path: setting, source: 'setting' });
  const fromEnv = tool === 'ffmpeg' ? env.KOTAE_FFMPEG : env.KOTAE_FFPROBE;
  if (fromEnv) list.push({ path: fromEnv, source: 'env' });
  for (const binary of tool === 'ffmpeg' ? (['ffmpegCurrent', 'ffmpeg'] as const) : (['ffprobe'] as const)) {
    const bundled = await bundledPath(binary, prefs);
    if (bundled) list.push({ path: bundled, source: 'bundled' });
  }
  const onPath = findOnPath(tool, env);
  if (onPath) list.push({ path: onPath, source: 'path' });
  return list;
}

async function resolveOne(
  tool: 'ffmpeg' | 'ffprobe',
  prefs: ToolPreferences,
  rejected: FfmpegInfo['rejected'],
): Promise<ResolvedTool | null> {
  // Old builds found before a newer one, kept in reserve: the first is used if none is newer.
  const reserve: { tool: ResolvedTool; old: string }[] = [];
  for (const candidate of await candidates(tool, prefs)) {
    const result = await check(candidate, tool);
    if (result.tool && (!result.old || candidate.source === 'setting' || candidate.source === 'env')) {
      for (const r of reserve)
        rejected.push({ path: r.tool.path, source: r.tool.source, reason: `${r.old}; a newer one is used)` });
      return result.tool;
    }
    if (result.tool && result.old) reserve.push({ tool: result.tool, old: result.old });
    else
      rejected.push({ path: candidate.path, source: candidate.source, reason: result.reason ?? 'unusable' });
  }
  for (const r of reserve.slice(1))
    rejected.push({ path: r.tool.path, source: r.tool.source, reason: `${r.old})` });
  return reserve[0]?.tool ?? null;
}

/** What would be used and why the others were not: for Settings and `kotae probe --tools`. */
export async function describeTools(prefs: ToolPreferences): Promise<FfmpegInfo> {
  const rejected: FfmpegInfo['rejected'] = [];
  const ffmpeg = await resolveOne('ffmpeg', prefs, rejected);
  const ffprobe = await resolveOne('ffprobe', prefs, rejected);
  const pick = (t: ResolvedTool | null) =>
    t ? { path: t.path, version: t.version, source: t.source, exactCopyCuts: t.exactCopyCuts } : null;
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
