// Pieces every builder shares. Source files are untrusted: they are opened as `file:` URLs (so a
// file called `-y.mp4` or `concat:a|b` is only ever a name), with the file protocol alone allowed
// (no http, no concat, no pipes), and only through demuxers for real media files (no playlists,
// no image sequences, no lavfi), so a crafted file cannot make ffmpeg read anything else.

/** Demuxers we open sources with; `mov,mp4,m4a,3gp,3g2,mj2` and `matroska,webm` are one each. */
export const SOURCE_FORMATS = [
  'mov,mp4,m4a,3gp,3g2,mj2',
  'matroska,webm',
  'avi',
  'mpegts',
  'flv',
  'ogg',
  'asf',
  'mpeg',
  'mp3',
  'wav',
  'flac',
  'aac',
].join(',');

/** An absolute path as an ffmpeg URL that can only mean this file. */
export function fileUrl(absolutePath: string): string {
  return `file:${absolutePath}`;
}

/** Input options for a file we did not write ourselves. */
export function untrustedInput(): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', SOURCE_FORMATS];
}

/** Input options for an intermediate file of our own (parts, lists, metadata). */
export function ownInput(format?: string): string[] {
  return ['-protocol_whitelist', 'file', ...(format ? ['-f', format] : [])];
}

/** Seconds as ffmpeg reads them: plain decimal, microsecond precision, never exponent notation. */
export function secs(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(6).replace(/\.?0+$/, '') || '0';
}
