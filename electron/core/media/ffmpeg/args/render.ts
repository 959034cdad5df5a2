import type { FfmpegInput, FfmpegInvocation } from '../runner';
import { fileUrl, ownInput, secs, untrustedInput } from './common';
import { effectsGraph, noEffects, type PictureEffects } from './regions';

// Builders for every ffmpeg run of a render. Pure: they take times already planned (seconds in
// the source's file time, see clips/plan.ts) and return argument arrays. Frame-exact trims use
// boundaries half a millisecond before each frame's timestamp, so rounding to the microsecond (or
// to a container's millisecond) can never move a cut onto the neighbouring frame.

const EDGE = 0.0005;

export interface X264Settings {
  profile: 'baseline' | 'main' | 'high';
  level: string | null;
  reorderDelay: 0 | 1 | 2;
  pixelFormat: 'yuv420p' | 'yuvj420p';
  videoKbps: number | null;
  preset?: string;
  crf?: number;
}

/** A seek target at or just after a keyframe: ffmpeg seeks to the keyframe at or before it. */
export function seekTarget(keyframeS: number): number {
  // Stored times are rounded to the microsecond; +1 µs keeps the target at or after the true time.
  return Math.round(keyframeS * 1e6 + 1) / 1e6;
}

/** libx264 options. For smart cuts the B-frame reordering must equal the source's (see plan.ts). */
export function x264Args(s: X264Settings): string[] {
  const args = ['-c:v', 'libx264', '-preset', s.preset ?? 'veryfast', '-pix_fmt', s.pixelFormat, '-profile:v', s.profile];
  if (s.level) args.push('-level:v', s.level);
  if (s.videoKbps !== null) {
    args.push('-b:v', `${s.videoKbps}k`, '-maxrate', `${Math.round(s.videoKbps * 1.5)}k`, '-bufsize', `${s.videoKbps * 2}k`);
  } else {
    args.push('-crf', String(s.crf ?? 20));
  }
  // x264's reorder delay: no B-frames = 0, B-frames without pyramid = 1, with pyramid = 2.
  if (s.profile === 'baseline' || s.reorderDelay === 0) args.push('-bf', '0');
  else if (s.reorderDelay === 1) args.push('-bf', '2', '-x264-params', 'b-pyramid=none');
  else args.push('-bf', '3', '-x264-params', 'b-pyramid=normal');
  return args;
}

export function aacArgs(kbps: number): string[] {
  return ['-c:a', 'aac', '-b:a', `${kbps}k`];
}

/** MP4 for browsers: moov at the front. `moovBytes` reserves it up front (no rewrite pass). */
export function mp4OutputArgs(moovBytes: number | null): string[] {
  return moovBytes ? ['-moov_size', String(moovBytes), '-f', 'mp4'] : ['-movflags', '+faststart', '-f', 'mp4'];
}

/** Bytes of moov a file of this many packets needs, with room to spare. */
export function moovEstimate(videoFrames: number, audioPackets: number, chapters: number): number {
  return Math.ceil((videoFrames + audioPackets) * 48 * 1.5) + chapters * 512 + 64 * 1024;
}

/**
 * Title and chapters from our ffmetadata file (added as the last input), or none at all: the
 * source's own tags (device names, GPS, an encoder's comments) never travel into a clip.
 */
export function metadataArgs(inputs: FfmpegInput[], metadataFile: string | null, title: string): string[] {
  if (!metadataFile) return ['-map_metadata', '-1', '-map_chapters', '-1', '-metadata', `title=${title}`];
  inputs.push({ options: ownInput('ffmetadata'), url: fileUrl(metadataFile) });
  const index = String(inputs.length - 1);
  // -map_metadata -1 would also strip the chapters' titles: take everything from our file instead.
  return ['-map_metadata', index, '-map_chapters', index];
}

export interface SourceRef {
  path: string;
}

/**
 * Stream copy of video frames from a clean keyframe: packets from `startS` until dts reaches
 * `dtsCutS` (both file time). ffmpeg's input -t on a copied stream compares dts, which is exactly
 * the decode-order prefix the plan chose.
 */
export function videoCopyInput(src: SourceRef, startS: number, dtsCutS: number | null): FfmpegInput {
  const seek = seekTarget(startS);
  return {
    options: [...untrustedInput(), '-ss', secs(seek), ...(dtsCutS === null ? [] : ['-t', secs(dtsCutS - seek)])],
    url: fileUrl(src.path),
  };
}

/** The source's audio from `startS` for `durationS` (copied packets up to that time). */
export function audioCopyInput(src: SourceRef, startS: number, durationS: number): FfmpegInput {
  const seek = seekTarget(startS);
  return { options: [...untrustedInput(), '-ss', secs(seek), '-t', secs(durationS)], url: fileUrl(src.path) };
}

/** The source opened for decoding from a keyframe at or before `seekS`. */
export function decodeInput(src: SourceRef, seekS: number): FfmpegInput {
  return { options: [...untrustedInput(), '-ss', secs(seekTarget(seekS))], url: fileUrl(src.path) };
}

/** Frames [startS, endS) of input `input` (opened at seekS), as a stream starting at 0. */
export function videoTrim(input: number, seekS: number, startS: number, endS: number, label: string): string {
  const from = startS - seekTarget(seekS) - EDGE;
  const to = endS - seekTarget(seekS) - EDGE;
  return `[${input}:v:0]trim=start=${secs(Math.max(0, from))}:end=${secs(to)},setpts=PTS-STARTPTS[${label}]`;
}

/**
 * Sound of [startS, endS) of input `input` (opened at seekS), exactly endS - startS long: silence
 * fills where the source has none (late start, early end), so every part keeps its picture's pace.
 */
export function audioTrim(input: number, seekS: number, startS: number, endS: number, label: string): string {
  const from = startS - seekTarget(seekS);
  const to = endS - seekTarget(seekS);
  const length = endS - startS;
  return (
    `[${input}:a:0]atrim=start=${secs(Math.max(0, from))}:end=${secs(to)},asetpts=PTS-${secs(from)}/TB,` +
    `aresample=async=1:first_pts=0,apad=whole_dur=${secs(length)},atrim=end=${secs(length)}[${label}]`
  );
}

/** Frames [startS, endS) of input `input`, with redactions and zooms (times relative to startS). */
function videoPart(input: number, seekS: number, startS: number, endS: number, label: string, effects: PictureEffects | null): string[] {
  if (noEffects(effects)) return [videoTrim(input, seekS, startS, endS, label)];
  return [videoTrim(input, seekS, startS, endS, `${label}trim`), ...effectsGraph(effects!, `${label}trim`, label, `${label}_`)];
}

/** One re-encoded video part of a smart cut (or accurate part) into MPEG-TS. */
export function encodePartInvocation(
  src: SourceRef,
  part: { seekS: number; startS: number; endS: number },
  x264: X264Settings,
  outputFile: string,
  effects: PictureEffects | null = null,
): FfmpegInvocation {
  return {
    inputs: [decodeInput(src, part.seekS)],
    outputs: [
      {
        options: [
          '-filter_complex',
          videoPart(0, part.seekS, part.startS, part.endS, 'v', effects).join(';'),
          '-map',
          '[v]',
          ...x264Args(x264),
          '-fps_mode',
          'passthrough',
          '-f',
          'mpegts',
        ],
        url: fileUrl(outputFile),
      },
    ],
  };
}

/** One stream-copied video part into MPEG-TS. */
export function copyPartInvocation(
  src: SourceRef,
  part: { startS: number; dtsCutS: number | null },
  outputFile: string,
): FfmpegInvocation {
  return {
    inputs: [videoCopyInput(src, part.startS, part.dtsCutS)],
    outputs: [{ options: ['-map', '0:v:0', '-c', 'copy', '-f', 'mpegts'], url: fileUrl(outputFile) }],
  };
}

/** The source's whole audio track, copied into ADTS frames we can pick from one by one. */
export function extractAudioInvocation(src: SourceRef, outputFile: string): FfmpegInvocation {
  return {
    inputs: [{ options: untrustedInput(), url: fileUrl(src.path) }],
    outputs: [{ options: ['-map', '0:a:0', '-c:a', 'copy', '-f', 'adts'], url: fileUrl(outputFile) }],
  };
}

/** ffconcat script: our parts by bare name (same folder), each placed by its exact duration. */
export function concatScript(parts: readonly { file: string; durationS: number }[]): string {
  const lines = ['ffconcat version 1.0'];
  for (const p of parts) {
    if (!/^[A-Za-z0-9._-]+$/.test(p.file)) throw new Error(`unsafe part name ${p.file}`);
    lines.push(`file '${p.file}'`, `duration ${secs(p.durationS)}`);
  }
  return `${lines.join('\n')}\n`;
}

export type VideoSource =
  | { kind: 'direct'; src: SourceRef; startS: number; dtsCutS: number | null }
  | { kind: 'concat'; listFile: string };

export type AudioSource =
  | { kind: 'none' }
  | { kind: 'directCopy'; src: SourceRef; startS: number; durationS: number }
  | { kind: 'adts'; file: string; offsetS: number }
  | {
      kind: 'encode';
      src: SourceRef;
      segments: readonly { seekS: number; startS: number; endS: number }[];
      /** Audio filters after the segments are joined (clean narration), or none. */
      filters?: string | null;
    };

export interface FinalMux {
  video: VideoSource;
  audio: AudioSource;
  /** ffmetadata file with the chapters (our own file), or null. */
  metadataFile: string | null;
  audioKbps: number;
  moovBytes: number | null;
  title: string;
  outputFile: string;
}

/** Puts the video (copied) and the audio together into the final MP4 with chapters. */
export function finalMuxInvocation(m: FinalMux): FfmpegInvocation {
  const inputs: FfmpegInput[] = [];
  const options: string[] = [];
  const a = m.audio;
  if (m.video.kind === 'direct' && a.kind === 'directCopy' && a.src.path === m.video.src.path) {
    // Lossless in one pass over one input, as fast as a bare `-c copy`. A copied stream stops at
    // its decode-order cut (dts), which ends the picture exactly where the plan says; the sound
    // stops at the same moment, which is up to (reorder delay + 1) frames before the last picture
    // leaves the screen. Cutting the sound exactly costs a second read of the file (two inputs) or
    // a packet filter on every video packet: about half as much time again, for ~80 ms of sound at
    // the very end; sound and picture stay in sync either way.
    const seek = seekTarget(m.video.startS);
    inputs.push({ options: [...untrustedInput(), '-ss', secs(seek)], url: fileUrl(m.video.src.path) });
    options.push('-map', '0:v:0', '-map', '0:a:0', '-c', 'copy');
    if (m.video.dtsCutS !== null) options.push('-t', secs(m.video.dtsCutS - seek));
    else options.push('-t', secs(a.durationS));
    options.push(...metadataArgs(inputs, m.metadataFile, m.title), ...mp4OutputArgs(m.moovBytes));
    return { inputs, outputs: [{ options, url: fileUrl(m.outputFile) }] };
  }
  if (m.video.kind === 'direct') inputs.push(videoCopyInput(m.video.src, m.video.startS, m.video.dtsCutS));
  else inputs.push({ options: ownInput('concat'), url: fileUrl(m.video.listFile) });
  options.push('-map', '0:v:0', '-c:v', 'copy');
  if (a.kind === 'directCopy') {
    inputs.push(audioCopyInput(a.src, a.startS, a.durationS));
    options.push('-map', '1:a:0', '-c:a', 'copy');
  } else if (a.kind === 'adts') {
    inputs.push({
      options: [...ownInput('aac'), ...(a.offsetS > 0.0005 ? ['-itsoffset', secs(a.offsetS)] : [])],
      url: fileUrl(a.file),
    });
    options.push('-map', '1:a:0', '-c:a', 'copy');
  } else if (a.kind === 'encode') {
    const graph: string[] = [];
    a.segments.forEach((s, i) => {
      inputs.push(decodeInput(a.src, s.seekS));
      graph.push(audioTrim(inputs.length - 1, s.seekS, s.startS, s.endS, `a${i}`));
    });
    const labels = a.segments.map((_, i) => `[a${i}]`).join('');
    graph.push(`${labels}concat=n=${a.segments.length}:v=0:a=1${a.filters ? `,${a.filters}` : ''}[aout]`);
    options.push('-filter_complex', graph.join(';'), '-map', '[aout]', ...aacArgs(m.audioKbps));
  }
  options.push(...metadataArgs(inputs, m.metadataFile, m.title), ...mp4OutputArgs(m.moovBytes));
  return { inputs, outputs: [{ options, url: fileUrl(m.outputFile) }] };
}

export interface AccurateRender {
  src: SourceRef;
  segments: readonly { seekS: number; startS: number; endS: number }[];
  audio: boolean;
  /** Audio filters after the segments are joined (clean narration), or none. */
  audioFilters?: string | null;
  /** Redactions and zooms of each segment (times relative to its first frame), or none. */
  effects?: readonly (PictureEffects | null)[];
  x264: X264Settings;
  audioKbps: number;
  scale: { width: number; height: number } | null;
  /** Captions file (our own, in the working folder) to draw into the picture. */
  burnCaptions: string | null;
  metadataFile: string | null;
  title: string;
  outputFile: string;
}

/** Accurate mode: every segment decoded from its own seek and re-encoded, in one run. */
export function accurateInvocation(r: AccurateRender): FfmpegInvocation {
  const inputs = r.segments.map((s) => decodeInput(r.src, s.seekS));
  const graph: string[] = [];
  r.segments.forEach((s, i) => {
    graph.push(...videoPart(i, s.seekS, s.startS, s.endS, `v${i}`, r.effects?.[i] ?? null));
    if (r.audio) graph.push(audioTrim(i, s.seekS, s.startS, s.endS, `a${i}`));
  });
  const labels = r.segments.map((_, i) => `[v${i}]${r.audio ? `[a${i}]` : ''}`).join('');
  const audioOut = r.audioFilters ? '[acat]' : '[aout]';
  graph.push(`${labels}concat=n=${r.segments.length}:v=1:a=${r.audio ? 1 : 0}[vcat]${r.audio ? audioOut : ''}`);
  if (r.audio && r.audioFilters) graph.push(`[acat]${r.audioFilters}[aout]`);
  const post: string[] = [];
  if (r.scale) post.push(`scale=${r.scale.width}:${r.scale.height}`);
  if (r.burnCaptions) {
    if (!/^[A-Za-z0-9._-]+$/.test(r.burnCaptions)) throw new Error('captions file must be a bare name');
    post.push(`subtitles=filename=${r.burnCaptions}`);
  }
  graph.push(`[vcat]${post.length ? post.join(',') : 'null'}[vout]`);
  const options = ['-filter_complex', graph.join(';'), '-map', '[vout]'];
  if (r.audio) options.push('-map', '[aout]', ...aacArgs(r.audioKbps));
  options.push(...x264Args(r.x264), '-fps_mode', 'passthrough');
  options.push(...metadataArgs(inputs, r.metadataFile, r.title), ...mp4OutputArgs(null));
  return { inputs, outputs: [{ options, url: fileUrl(r.outputFile) }] };
}
