import { packetScanArgs } from './ffmpeg/args/probe';
import type { FfmpegTools } from './ffmpeg/binaries';
import { runFfprobe } from './ffmpeg/runner';
import { mediaError, type ProbedFile } from './probe';

// The frame index of a video, from one demux pass over its packets (no decoding): when each frame
// shows, which keyframes a stream copy can start at, and which frame boundaries a stream copy can
// end at. Cut planning needs all three, exactly, and the trim editor steps through frameTimes.

export interface FrameIndex {
  /** Start of every frame in display order, in file time (seconds from the file's start). */
  times: number[];
  /** Decoding timestamps in decode (file) order, in file time. */
  dtsDecode: number[];
  /** Display indexes of keyframes a copy can start at: no frame after them in decode order shows earlier. */
  keyframes: number[];
  /** Display indexes c where frames [0, c) are exactly the first c packets in decode order. */
  cleanEnds: number[];
  /** When the last frame stops showing. */
  endTime: number;
  /** Mean frame duration. */
  frameDurationS: number;
  variableFrameRate: boolean;
  audio: AudioPackets | null;
}

/** The audio stream's packets, when they follow each other without gaps (AAC in MP4 does). */
export interface AudioPackets {
  firstS: number;
  count: number;
  packetS: number;
  /** False when packets have gaps or varying durations: then audio is re-encoded, never copied. */
  regular: boolean;
}

interface Packet {
  pts: number;
  dts: number;
  duration: number;
  key: boolean;
}

/** Builds the index from packets in decode order (pts/dts/duration already in file seconds). */
export function indexFrames(packets: readonly Packet[], fallbackDurationS: number): Omit<FrameIndex, 'audio'> {
  const seen = new Set<number>();
  const video = packets.filter((p) => {
    const key = Math.round(p.pts * 1e6);
    if (!Number.isFinite(p.pts) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const order = video.map((p, i) => ({ pts: p.pts, i })).sort((a, b) => a.pts - b.pts);
  const displayIndexOf = new Array<number>(video.length);
  order.forEach((o, d) => (displayIndexOf[o.i] = d));
  const times = order.map((o) => o.pts);
  const cleanEnds: number[] = [];
  const keyframes: number[] = [];
  let maxDisplay = -1;
  for (let j = 0; j < video.length; j++) {
    // Boundary j (before packet j) is clean when packets [0, j) are display frames [0, j).
    const boundaryClean = j === 0 || maxDisplay === j - 1;
    if (boundaryClean && video[j]!.key && displayIndexOf[j] === j) keyframes.push(j);
    maxDisplay = Math.max(maxDisplay, displayIndexOf[j]!);
    if (maxDisplay === j) cleanEnds.push(j + 1);
  }
  const deltas = times.slice(1).map((t, i) => t - times[i]!);
  const mean = deltas.length ? (times[times.length - 1]! - times[0]!) / deltas.length : fallbackDurationS;
  const last = order.length ? video[order[order.length - 1]!.i]! : null;
  const lastDuration = last && last.duration > 0 ? last.duration : mean || fallbackDurationS;
  const variableFrameRate = deltas.some((d) => Math.abs(d - mean) > mean * 0.1);
  return {
    times,
    dtsDecode: video.map((p) => (Number.isFinite(p.dts) ? p.dts : p.pts)),
    keyframes,
    cleanEnds,
    endTime: times.length ? times[times.length - 1]! + lastDuration : 0,
    frameDurationS: mean || fallbackDurationS,
    variableFrameRate,
  };
}

export function summariseAudio(packets: readonly Packet[]): AudioPackets | null {
  if (packets.length === 0) return null;
  const sorted = [...packets].sort((a, b) => a.pts - b.pts);
  const packetS = sorted[0]!.duration || (sorted.length > 1 ? sorted[1]!.pts - sorted[0]!.pts : 0);
  const regular =
    packetS > 0 &&
    sorted.every(
      (p, i) => Math.abs(p.pts - (sorted[0]!.pts + i * packetS)) < Math.max(1e-4, packetS * 0.02),
    );
  return { firstS: sorted[0]!.pts, count: sorted.length, packetS, regular };
}

/** One ffprobe pass over the packets of the video (and audio) stream. */
export async function scanFrames(
  tools: FfmpegTools,
  file: string,
  probed: ProbedFile,
  signal?: AbortSignal,
): Promise<FrameIndex> {
  const { videoStream, audioStream, videoTimeBase, audioTimeBase, probe } = probed;
  if (videoStream === null || !videoTimeBase) throw mediaError('noVideo');
  // Demuxing runs at hundreds of MB/s; a generous timeout per byte still stops an endless input.
  const timeoutMs = 20_000 + Math.round(probe.sizeBytes / 5_000);
  const stdout = await runFfprobe(
    tools.ffprobe.path,
    packetScanArgs(file, { video: videoStream, audio: audioStream }),
    { ...(signal ? { signal } : {}), timeoutMs },
  );
  const video: Packet[] = [];
  const audio: Packet[] = [];
  const start = probe.startTimeS;
  for (const line of stdout.split('\n')) {
    const [stream, pts, dts, duration, flags] = line.split(',');
    if (stream === undefined || pts === undefined || pts === 'N/A' || pts === '') continue;
    const index = Number(stream);
    const tb = index === videoStream ? videoTimeBase : index === audioStream ? audioTimeBase : null;
    if (!tb) continue;
    const packet: Packet = {
      pts: Number(pts) * tb - start,
      dts: dts && dts !== 'N/A' ? Number(dts) * tb - start : Number.NaN,
      duration: duration && duration !== 'N/A' ? Number(duration) * tb : 0,
      key: (flags ?? '').includes('K'),
    };
    (index === videoStream ? video : audio).push(packet);
  }
  if (video.length === 0) throw mediaError('noFrames');
  const index = indexFrames(video, probe.video?.fps ? 1 / probe.video.fps : 1 / 30);
  if (index.keyframes.length === 0) throw mediaError('noKeyframes');
  return { ...index, audio: summariseAudio(audio) };
}
