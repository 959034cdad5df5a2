import { fileUrl, untrustedInput } from './common';

/** Container and streams as JSON: duration, codecs, sizes, frame rates, rotation side data. */
export function probeArgs(file: string): string[] {
  return [...untrustedInput(), '-print_format', 'json', '-show_format', '-show_streams', fileUrl(file)];
}

/**
 * Every packet of the first video and first audio stream, in file (decode) order: stream index,
 * pts, dts, duration and flags as integers in the stream's time base. Demuxing only, no decoding,
 * so a 10-minute 1080p file takes about a second.
 */
export function packetScanArgs(
  file: string,
  streams: { video: number | null; audio: number | null },
): string[] {
  const select = [streams.video, streams.audio].filter((s): s is number => s !== null);
  return [
    ...untrustedInput(),
    '-show_entries',
    'packet=stream_index,pts,dts,duration,flags',
    '-print_format',
    'csv=p=0',
    ...(select.length === 1 ? ['-select_streams', String(select[0])] : []),
    fileUrl(file),
  ];
}
