import { resolveTools, type ToolPreferences } from './ffmpeg/binaries';
import { emailRenditionInvocation } from './ffmpeg/args/rendition';
import { runFfmpeg } from './ffmpeg/runner';

export { EMAIL_RENDITION, estimateEmailBytes } from './ffmpeg/args/rendition';

export interface RenditionOptions {
  tools: ToolPreferences;
  durationS: number | null;
  signal: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Writes the smaller e-mail rendition of a video to `output` (an .mp4 path that does not exist yet). */
export async function renderEmailRendition(
  input: string,
  output: string,
  options: RenditionOptions,
): Promise<void> {
  const { ffmpeg } = await resolveTools(options.tools);
  await runFfmpeg(ffmpeg, emailRenditionInvocation(input, output), {
    signal: options.signal,
    ...(options.durationS ? { outputDurationS: options.durationS } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
