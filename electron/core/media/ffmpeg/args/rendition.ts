import type { FfmpegInvocation } from '../runner';
import { fileUrl, untrustedInput } from './common';
import { aacArgs, mp4OutputArgs } from './render';

// The smaller copy of a rendered clip that fits in an e-mail (bundles offer it): a screen
// recording stays readable at 960 px wide; bit rate capped so the size is predictable.

export const EMAIL_RENDITION = { maxWidth: 960, crf: 30, maxrateKbps: 700, audioKbps: 64 } as const;

/** An honest upper bound of the rendition's size from the clip's duration (the bit rate is capped). */
export function estimateEmailBytes(durationS: number | null, originalBytes: number): number {
  if (durationS === null || !Number.isFinite(durationS) || durationS <= 0) return originalBytes;
  const bytesPerSecond = ((EMAIL_RENDITION.maxrateKbps + EMAIL_RENDITION.audioKbps) * 1000) / 8;
  return Math.min(originalBytes, Math.ceil(durationS * bytesPerSecond) + 64 * 1024);
}

export function emailRenditionInvocation(source: string, outputFile: string): FfmpegInvocation {
  const { maxWidth, crf, maxrateKbps, audioKbps } = EMAIL_RENDITION;
  return {
    inputs: [{ options: untrustedInput(), url: fileUrl(source) }],
    outputs: [
      {
        options: [
          '-map',
          '0:v:0',
          '-map',
          '0:a:0?',
          // Never upscale; keep both sides even (yuv420p needs it).
          '-vf',
          `scale='trunc(min(${maxWidth},iw)/2)*2':-2`,
          '-c:v',
          'libx264',
          '-preset',
          'veryfast',
          '-crf',
          String(crf),
          '-maxrate',
          `${maxrateKbps}k`,
          '-bufsize',
          `${maxrateKbps * 2}k`,
          '-pix_fmt',
          'yuv420p',
          ...aacArgs(audioKbps),
          '-ac',
          '1',
          ...mp4OutputArgs(null),
        ],
        url: fileUrl(outputFile),
      },
    ],
  };
}
