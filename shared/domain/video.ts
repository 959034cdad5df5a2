import { z } from 'zod';
import { Id, Sha256 } from './common';
import { MediaAssetSummary } from './media';

// What ffprobe told us about a media file, normalised (electron/core/media/probe.ts fills it).

export const VideoStreamInfo = z.object({
  codec: z.string(),
  profile: z.string().nullable(),
  /** H.264 level times 10 (41 = 4.1), when known. */
  level: z.number().nullable(),
  width: z.number().int(),
  height: z.number().int(),
  pixelFormat: z.string().nullable(),
  /** Average frame rate (frames per second); for variable frame rate the mean. */
  fps: z.number(),
  variableFrameRate: z.boolean(),
  /** Clockwise rotation the player applies (0, 90, 180, 270). */
  rotation: z.number().int(),
  /** Frames the decoder holds back for B-frame reordering (0 without B-frames). */
  reorderDelay: z.number().int(),
  fieldOrder: z.string().nullable(),
  bitRate: z.number().nullable(),
});
export type VideoStreamInfo = z.infer<typeof VideoStreamInfo>;

export const AudioStreamInfo = z.object({
  codec: z.string(),
  sampleRate: z.number().int(),
  channels: z.number().int(),
  /** When the first audio sample plays, in file time (late audio starts after 0). */
  startS: z.number(),
  bitRate: z.number().nullable(),
});
export type AudioStreamInfo = z.infer<typeof AudioStreamInfo>;

export const MediaProbe = z.object({
  formatName: z.string(),
  durationS: z.number(),
  /** The first timestamp of the file; every time we use is measured from here. */
  startTimeS: z.number(),
  sizeBytes: z.number(),
  video: VideoStreamInfo.nullable(),
  audio: AudioStreamInfo.nullable(),
});
export type MediaProbe = z.infer<typeof MediaProbe>;

/** A video asset with what the trim editor needs: frame times (for stepping) and keyframes. */
export const VideoDetail = z.object({
  asset: MediaAssetSummary,
  probe: MediaProbe,
  /** Start time of every frame in display order, in file time. */
  frameTimes: z.array(z.number()),
  /** Frames a stream copy can start at (clean keyframes), in file time. */
  keyframes: z.array(z.number()),
  /** Boundaries where a stream copy can end (the frames before it decode on their own). */
  cleanEnds: z.array(z.number()),
});
export type VideoDetail = z.infer<typeof VideoDetail>;

export const ThumbnailStrip = z.object({
  sha256: Sha256,
  /** Number of thumbnails in the sprite (one row). */
  count: z.number().int(),
  tileWidth: z.number().int(),
  tileHeight: z.number().int(),
  /** Source time of thumbnail i is (i + 0.5) * intervalS. */
  intervalS: z.number(),
});
export type ThumbnailStrip = z.infer<typeof ThumbnailStrip>;

export const Waveform = z.object({
  /** Peak level 0–1 per bucket; an empty list when the video has no sound. */
  peaks: z.array(z.number()),
  bucketS: z.number(),
});
export type Waveform = z.infer<typeof Waveform>;

export const ImportResult = z.object({
  assetId: Id,
  clipId: Id,
  /** False when the same file was already in the library (the existing clip is returned). */
  added: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;

const UsedTool = z.object({
  path: z.string(),
  version: z.string(),
  source: z.string(),
  /** False for ffmpeg older than 5.0: lossless and smart renders fall back to accurate. */
  exactCopyCuts: z.boolean(),
});

export const FfmpegInfo = z.object({
  ffmpeg: UsedTool.nullable(),
  ffprobe: UsedTool.nullable(),
  /** Candidates that were tried and why they were not used. */
  rejected: z.array(z.object({ path: z.string(), source: z.string(), reason: z.string() })),
});
export type FfmpegInfo = z.infer<typeof FfmpegInfo>;
