// WebVTT files for a clip: one for chapters (kind="chapters") and one for captions (subtitles).
// Bundles and the FAQ serve them beside the video; the trim editor uses them in its preview.

export interface Cue {
  startS: number;
  endS: number;
  text: string;
}

/** 00:01:02.345 — WebVTT always accepts the hours form. */
export function vttTimestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/**
 * Cue text as WebVTT wants it: &, < and > escaped (cue text is markup), no blank lines (a blank
 * line ends a cue) and no "-->" (it would read as a timing line).
 */
export function vttText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function webVtt(cues: readonly Cue[]): string {
  const blocks = cues
    .filter((c) => c.endS > c.startS && vttText(c.text) !== '')
    .map((c, i) => `${i + 1}\n${vttTimestamp(c.startS)} --> ${vttTimestamp(c.endS)}\n${vttText(c.text)}`);
  return `WEBVTT\n\n${blocks.join('\n\n')}${blocks.length ? '\n' : ''}`;
}
