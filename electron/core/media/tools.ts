import type { Studio } from '../studio';
import { describeTools, resolveTools, type FfmpegTools } from './ffmpeg/binaries';
import type { FfmpegInfo } from '../../../shared/domain/video';

/** ffmpeg and ffprobe as the app settings (and environment) choose them; see ffmpeg/binaries.ts. */
export function studioTools(studio: Studio): Promise<FfmpegTools> {
  const s = studio.settings.get();
  return resolveTools({ ffmpegPath: s.ffmpegPath, ffprobePath: s.ffprobePath });
}

export function studioToolsInfo(studio: Studio): Promise<FfmpegInfo> {
  const s = studio.settings.get();
  return describeTools({ ffmpegPath: s.ffmpegPath, ffprobePath: s.ffprobePath });
}
