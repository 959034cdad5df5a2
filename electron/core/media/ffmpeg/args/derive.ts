import type { FfmpegInvocation } from '../runner';
import { fileUrl, ownInput, secs, untrustedInput } from './common';

// Files derived from a video for the trim editor: the thumbnail strip and the sound's samples
// for the waveform; and the remux that turns a recording's chunks into a seekable file.

export interface StripSpec {
  count: number;
  tileWidth: number;
  tileHeight: number;
  durationS: number;
  /** Decode keyframes only: long videos would take minutes to decode whole. */
  keyframesOnly: boolean;
}

/** One JPEG with `count` thumbnails side by side, evenly spread over the video. */
export function thumbnailStripInvocation(
  source: string,
  spec: StripSpec,
  outputFile: string,
): FfmpegInvocation {
  const interval = spec.durationS / spec.count;
  const pick = spec.keyframesOnly
    ? `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${secs(interval * 0.9)})'`
    : `fps=${spec.count}/${secs(Math.max(spec.durationS, 0.001))}`;
  return {
    inputs: [
      {
        options: [...untrustedInput(), ...(spec.keyframesOnly ? ['-skip_frame', 'nokey'] : [])],
        url: fileUrl(source),
      },
    ],
    outputs: [
      {
        options: [
          '-map',
          '0:v:0',
          '-an',
          '-vf',
          `${pick},scale=${spec.tileWidth}:${spec.tileHeight},tile=${spec.count}x1`,
          '-frames:v',
          '1',
          '-fps_mode',
          'passthrough',
          '-q:v',
          '5',
          '-c:v',
          'mjpeg',
          '-f',
          'image2',
        ],
        url: fileUrl(outputFile),
      },
    ],
  };
}

export const WAVEFORM_RATE = 8000;

/** The first audio stream as mono 16-bit samples at 8 kHz (enough for peaks, small to read). */
export function waveformSamplesInvocation(source: string, outputFile: string): FfmpegInvocation {
  return {
    inputs: [{ options: untrustedInput(), url: fileUrl(source) }],
    outputs: [
      {
        options: [
          '-map',
          '0:a:0',
          '-vn',
          '-af',
          'aresample=async=1:first_pts=0',
          '-ac',
          '1',
          '-ar',
          String(WAVEFORM_RATE),
          '-f',
          's16le',
        ],
        url: fileUrl(outputFile),
      },
    ],
  };
}

/**
 * A recording's chunks (WebM/Matroska/fragmented MP4 as MediaRecorder wrote them, without an index
 * or a duration) rewritten with one, so it seeks and reports its length. H.264 goes into MP4 with
 * AAC sound (copy-friendly for lossless and smart cuts); VP8/VP9 stay WebM.
 */
export function remuxRecordingInvocation(
  source: string,
  h264: boolean,
  hasAudio: boolean,
  outputFile: string,
): FfmpegInvocation {
  const audio = hasAudio
    ? h264
      ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', '160k']
      : ['-map', '0:a:0', '-c:a', 'copy']
    : [];
  return {
    inputs: [{ options: [...ownInput(), '-fflags', '+genpts'], url: fileUrl(source) }],
    outputs: [
      {
        options: [
          '-map',
          '0:v:0',
          '-c:v',
          'copy',
          ...audio,
          '-map_metadata',
          '-1',
          ...(h264 ? ['-movflags', '+faststart', '-f', 'mp4'] : ['-f', 'webm']),
        ],
        url: fileUrl(outputFile),
      },
    ],
  };
}

/**
 * One frame as a PNG: the frame that starts at `frameS` (file time; accurate seek keeps frames at
 * or after the position, so half a millisecond before it lands on this frame and not the next),
 * upright, at most `maxWidth` wide.
 */
export function stillFrameInvocation(source: string, frameS: number, outputFile: string, maxWidth = 1920): FfmpegInvocation {
  return {
    inputs: [{ options: [...untrustedInput(), '-ss', secs(Math.max(0, frameS - 0.0005))], url: fileUrl(source) }],
    outputs: [
      {
        options: ['-map', '0:v:0', '-an', '-frames:v', '1', '-vf', `scale=w='min(iw,${maxWidth})':h=-2`, '-c:v', 'png', '-f', 'image2'],
        url: fileUrl(outputFile),
      },
    ],
  };
}
