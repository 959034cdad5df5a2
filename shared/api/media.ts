import { z } from 'zod';
import { AppErrorSchema } from '../domain/appError';
import { MediaAssetSummary } from '../domain/media';
import { FfmpegInfo, ImportResult, ThumbnailStrip, VideoDetail, Waveform } from '../domain/video';
import { defineChannels } from './channel';

// The library's media (issue 6): videos imported and their derivatives (frames, thumbnails,
// waveform), and the ffmpeg in use.

const FilePath = z.string().min(1).max(4096);
const Id = z.number().int().positive();

export const ImportOutcome = z.object({
  imported: z.array(ImportResult.extend({ name: z.string() })),
  /** Files that were refused, each with the reason (the others are imported regardless). */
  failed: z.array(z.object({ name: z.string(), error: AppErrorSchema })),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const mediaChannels = defineChannels({
  'media:list': { input: z.object({}), output: z.array(MediaAssetSummary) },
  'media:import': { input: z.object({ paths: z.array(FilePath).min(1).max(50) }), output: ImportOutcome },
  /** Opens the file dialog first; nothing imported when it is cancelled. */
  'media:chooseImport': { input: z.object({}), output: ImportOutcome },
  'media:video': { input: z.object({ assetId: Id }), output: VideoDetail },
  'media:thumbnails': { input: z.object({ assetId: Id }), output: ThumbnailStrip },
  'media:waveform': { input: z.object({ assetId: Id }), output: Waveform },
  'media:tools': { input: z.object({}), output: FfmpegInfo },
});
