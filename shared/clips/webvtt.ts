// WebVTT files for a clip: one for chapters (kind="chapters") and one for captions (subtitles).
// The render writes them (webVtt); the bundle, the app's preview and the FAQ read the captions back
// (parseWebVtt, its inverse) and show one cue at a time (cueAt).

import type { CaptionCue } from '../domain/clip';

export type Cue = CaptionCue;

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

/** Reads `HH:MM:SS.mmm` or `MM:SS.mmm` (WebVTT timestamps); linear, one anchored match. */
function vttTime(value: string): number | null {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!match) return null;
  const [, h, m, s, ms] = match;
  // In whole milliseconds first, as vttTimestamp wrote them: 1.485 reads back as 1.485, not 1.4849….
  const total =
    Number(h ?? 0) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number((ms ?? '0').padEnd(3, '0'));
  return total / 1000;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': '\u00a0',
  '&lrm;': '\u200e',
  '&rlm;': '\u200f',
};

/** Cue text as written: the escapes of vttText undone (the text is shown as text, never markup). */
function cueText(body: string): string {
  return body.replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (e) => ENTITIES[e] ?? e);
}

/**
 * The cues of a WebVTT text, the inverse of webVtt: `parseWebVtt(webVtt(cues))` gives the cues back
 * (their text as vttText leaves it). Headers, notes, styles and cue settings are ignored.
 */
export function parseWebVtt(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0) continue;
    const [from, rest] = lines[timing]!.split('-->');
    const startS = vttTime(from ?? '');
    const endS = vttTime((rest ?? '').trim().split(/\s+/)[0] ?? '');
    const body = lines
      .slice(timing + 1)
      .join('\n')
      .trim();
    if (startS === null || endS === null || !body) continue;
    cues.push({ startS, endS, text: cueText(body) });
  }
  return cues;
}

/**
 * The cue on screen at `time`: the latest that has started and not ended, or null. A cue covers
 * [start, end), so at a boundary exactly one is current (Chromium's own rendering counts the end
 * as inside and showed two there, issue 17). `cues` sorted by start.
 */
export function cueAt<C extends Cue>(cues: readonly C[], time: number): C | null {
  let current: C | null = null;
  for (let i = 0; i < cues.length && cues[i]!.startS <= time; i++)
    if (time < cues[i]!.endS) current = cues[i]!;
  return current;
}

/**
 * The cues a page carries as data (the renderer's `data-captions`: `[[startS, endS, text], …]`),
 * the well-formed ones only, sorted by start; none when the data is not what the renderer writes
 * (the video still plays without them).
 */
export function cuesFromData(json: string | undefined): Cue[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (c): c is [number, number, string] =>
        Array.isArray(c) &&
        Number.isFinite(c[0]) &&
        Number.isFinite(c[1]) &&
        c[1] > c[0] &&
        typeof c[2] === 'string',
    )
    .map(([startS, endS, text]) => ({ startS, endS, text }))
    .sort((a, b) => a.startS - b.startS);
}
