import type { MediaProbe, VideoStreamInfo } from '../../../shared/domain/video';
import { KotaeError } from '../../../shared/errors';
import { probeArgs } from './ffmpeg/args/probe';
import type { FfmpegTools } from './ffmpeg/binaries';
import { runFfprobe } from './ffmpeg/runner';

// ffprobe's JSON, normalised into MediaProbe, and the checks that turn a bad file into a message
// the vendor can act on (each key lives under `videos:errors.` in both languages).

interface RawStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  level?: number;
  width?: number;
  height?: number;
  pix_fmt?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  field_order?: string;
  has_b_frames?: number;
  sample_rate?: string;
  channels?: number;
  start_time?: string;
  duration?: string;
  bit_rate?: string;
  time_base?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}

interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; duration?: string; start_time?: string; size?: string };
}

export interface ProbedFile {
  probe: MediaProbe;
  /** ffprobe stream indexes of the video and audio streams we use. */
  videoStream: number | null;
  audioStream: number | null;
  videoTimeBase: number | null;
  audioTimeBase: number | null;
  /**
   * How long the picture says it lasts (its stream's duration; the file's when the stream has
   * none). Not `probe.durationS`: narration that runs on after the picture (a screen recording on
   * a busy machine) makes the file longer than its video, and that is no sign of a cut-off copy.
   */
  videoDeclaredS: number;
}

/** Largest picture we accept; anything past 4K is scaled down when rendered. */
export const MAX_DIMENSION = 8192;
export const BROWSER_MAX_WIDTH = 3840;
export const BROWSER_MAX_HEIGHT = 2160;

export function mediaError(key: string, params: Record<string, string | number> = {}, detail?: string): KotaeError {
  return new KotaeError('MEDIA_INVALID', { reason: key, ...params }, detail, `videos:errors.${key}`);
}

function ratio(value: string | undefined): number {
  if (!value) return 0;
  const [n, d] = value.split('/').map(Number);
  if (d === undefined) return Number(n) || 0;
  return d ? n! / d : 0;
}

/** Matroska's per-stream `DURATION` tag, "HH:MM:SS.fraction" (read by splitting: the tag is the file's text). */
export function tagDuration(value: string | undefined): number | null {
  if (!value || value.length > 40) return null;
  const parts = value.split(':');
  if (parts.length !== 3) return null;
  const [h, m, sec] = parts.map(Number) as [number, number, number];
  const total = h * 3600 + m * 60 + sec;
  return Number.isFinite(total) && total > 0 ? total : null;
}

function num(value: string | number | undefined): number | null {
  if (value === undefined || value === 'N/A') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Clockwise rotation a player applies: ffprobe reports the display matrix counter-clockwise. */
export function rotationOf(stream: RawStream): number {
  const side = stream.side_data_list?.find((s) => typeof s.rotation === 'number');
  const degrees = side ? -side.rotation! : Number(stream.tags?.rotate ?? 0);
  const normalised = ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
  return Number.isFinite(normalised) ? normalised : 0;
}

export function normaliseProbe(raw: RawProbe, sizeBytes: number): ProbedFile {
  const streams = raw.streams ?? [];
  const format = raw.format ?? {};
  const startTimeS = num(format.start_time) ?? 0;
  const v = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = streams.find((s) => s.codec_type === 'audio');
  const fps = v ? ratio(v.avg_frame_rate) || ratio(v.r_frame_rate) : 0;
  const video: VideoStreamInfo | null = v
    ? {
        codec: v.codec_name ?? 'unknown',
        profile: v.profile ?? null,
        level: typeof v.level === 'number' && v.level > 0 ? v.level : null,
        width: v.width ?? 0,
        height: v.height ?? 0,
        pixelFormat: v.pix_fmt ?? null,
        fps,
        variableFrameRate: false,
        rotation: rotationOf(v),
        reorderDelay: v.has_b_frames ?? 0,
        fieldOrder: v.field_order ?? null,
        bitRate: num(v.bit_rate),
      }
    : null;
  const durations = [num(format.duration), ...streams.map((s) => num(s.duration))].filter(
    (d): d is number => d !== null && d > 0,
  );
  return {
    probe: {
      formatName: format.format_name ?? 'unknown',
      durationS: durations.length ? Math.max(...durations) : 0,
      startTimeS,
      sizeBytes,
      video,
      audio: a
        ? {
            codec: a.codec_name ?? 'unknown',
            sampleRate: Number(a.sample_rate ?? 0),
            channels: a.channels ?? 0,
            startS: Math.max(0, (num(a.start_time) ?? startTimeS) - startTimeS),
            bitRate: num(a.bit_rate),
          }
        : null,
    },
    videoStream: v?.index ?? null,
    audioStream: a?.index ?? null,
    videoTimeBase: v ? ratio(v.time_base) || null : null,
    audioTimeBase: a ? ratio(a.time_base) || null : null,
    videoDeclaredS: (v && (num(v.duration) || tagDuration(v.tags?.DURATION))) || num(format.duration) || 0,
  };
}

/** Runs ffprobe (with its timeout) and normalises the answer; unreadable files get a clear error. */
export async function probeFile(
  tools: FfmpegTools,
  file: string,
  sizeBytes: number,
  signal?: AbortSignal,
): Promise<ProbedFile> {
  let stdout: string;
  try {
    stdout = await runFfprobe(tools.ffprobe.path, probeArgs(file), { ...(signal ? { signal } : {}), timeoutMs: 20_000 });
  } catch (err) {
    if (err instanceof KotaeError && (err.code === 'CANCELLED' || err.messageKey === 'videos:errors.timeout')) throw err;
    throw mediaError('unreadable', {}, err instanceof Error ? err.message : String(err));
  }
  let raw: RawProbe;
  try {
    raw = JSON.parse(stdout) as RawProbe;
  } catch {
    throw mediaError('unreadable', {}, 'ffprobe printed no JSON');
  }
  if (!raw.format || !raw.streams?.length) throw mediaError('unreadable', {}, 'no streams');
  return normaliseProbe(raw, sizeBytes);
}

/** The checks a source video must pass before it is stored. */
export function assertUsableVideo(probe: MediaProbe): void {
  const v = probe.video;
  if (!v) throw probe.audio ? mediaError('audioOnly') : mediaError('noVideo');
  if (/^(png|mjpeg|bmp|gif|webp|tiff|jpegls)$/.test(v.codec) && probe.durationS < 0.5) {
    throw mediaError('image');
  }
  if (v.width <= 0 || v.height <= 0) throw mediaError('unreadable', {}, 'no picture size');
  if (v.width > MAX_DIMENSION || v.height > MAX_DIMENSION) {
    throw mediaError('tooLarge', { width: v.width, height: v.height, max: MAX_DIMENSION });
  }
}

const IMAGE_MAGIC: [string, number[]][] = [
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['bmp', [0x42, 0x4d]],
  ['webp', [0x52, 0x49, 0x46, 0x46, -1, -1, -1, -1, 0x57, 0x45, 0x42, 0x50]],
];

/** A still image by its first bytes (the whitelist keeps image demuxers out, so ffprobe cannot say). */
export function looksLikeImage(head: Uint8Array): boolean {
  return IMAGE_MAGIC.some(([, magic]) => magic.every((b, i) => b === -1 || head[i] === b));
}
