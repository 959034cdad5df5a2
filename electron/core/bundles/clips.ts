import type { Database } from 'better-sqlite3';
import { z } from 'zod';

// THE one place bundles read clips. The video issue (6) owns the clip schema (shared/domain/clip.ts
// on its branch); until it is merged this reads the clips table leniently, accepting the shapes that
// issue may write. At merge: replace the schemas below with that domain's, keep `readBundleClip`'s
// return type, and nothing else in bundles changes.

export interface BundleClipChapter {
  title: string;
  startS: number;
  stepId: string | null;
}

export interface BundleClipCue {
  startS: number;
  endS: number;
  text: string;
}

export interface BundleClipAsset {
  sha256: string;
  ext: string;
  mime: string;
  size: number;
  durationS: number | null;
  width: number | null;
  height: number | null;
}

export interface BundleClip {
  id: number;
  title: string;
  /** The rendered clip; null while the clip has not been rendered (bundles then refuse it). */
  output: BundleClipAsset | null;
  chapters: BundleClipChapter[];
  captions: BundleClipCue[];
}

const Seconds = z.coerce.number().finite().nonnegative();

const LenientChapter = z
  .object({
    title: z.string().catch(''),
    startS: Seconds.optional(),
    timeS: Seconds.optional(),
    stepId: z.string().nullish(),
  })
  // A chapter without a time cannot be jumped to: dropped.
  .refine((c) => c.startS !== undefined || c.timeS !== undefined)
  .transform((c) => ({ title: c.title, startS: c.startS ?? c.timeS ?? 0, stepId: c.stepId ?? null }));

const LenientCue = z
  .object({
    startS: Seconds.optional(),
    start: Seconds.optional(),
    endS: Seconds.optional(),
    end: Seconds.optional(),
    text: z.string(),
  })
  .transform((c) => ({ startS: c.startS ?? c.start ?? 0, endS: c.endS ?? c.end ?? 0, text: c.text }));

/** Reads `HH:MM:SS.mmm` or `MM:SS.mmm` (WebVTT timestamps). */
function vttTime(value: string): number | null {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!match) return null;
  const [, h, m, s, ms] = match;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number((ms ?? '0').padEnd(3, '0')) / 1000;
}

/** The cues of a WebVTT text; headers, notes, styles and cue settings are ignored. */
export function parseWebVtt(text: string): BundleClipCue[] {
  const cues: BundleClipCue[] = [];
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
    cues.push({ startS, endS, text: body });
  }
  return cues;
}

function readChapters(json: string): BundleClipChapter[] {
  const parsed = z.array(z.unknown()).catch([]).parse(safeJson(json));
  return parsed
    .map((c) => LenientChapter.safeParse(c))
    .flatMap((r) => (r.success ? [r.data] : []))
    .sort((a, b) => a.startS - b.startS);
}

function readCaptions(json: string): BundleClipCue[] {
  const value = safeJson(json);
  if (typeof value === 'string') return parseWebVtt(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const vtt = (value as { vtt?: unknown; webvtt?: unknown }).vtt ?? (value as { webvtt?: unknown }).webvtt;
    if (typeof vtt === 'string') return parseWebVtt(vtt);
    const cues = (value as { cues?: unknown }).cues;
    return Array.isArray(cues) ? readCueArray(cues) : [];
  }
  return Array.isArray(value) ? readCueArray(value) : [];
}

function readCueArray(list: unknown[]): BundleClipCue[] {
  return list
    .map((c) => LenientCue.safeParse(c))
    .flatMap((r) => (r.success && r.data.endS > r.data.startS ? [r.data] : []));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

interface ClipRow {
  id: number;
  title: string;
  chapters: string;
  captions: string;
  sha256: string | null;
  ext: string | null;
  mime: string | null;
  size: number | null;
  duration_s: number | null;
  width: number | null;
  height: number | null;
}

export function readBundleClip(db: Database, clipId: number): BundleClip | null {
  const row = db
    .prepare(
      `SELECT c.id, c.title, c.chapters, c.captions, m.sha256, m.ext, m.mime, m.size, m.duration_s, m.width, m.height
       FROM clips c LEFT JOIN media_assets m ON m.id = c.output_asset_id WHERE c.id = ?`,
    )
    .get(clipId) as ClipRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    output:
      row.sha256 === null
        ? null
        : {
            sha256: row.sha256,
            ext: row.ext ?? '',
            mime: row.mime ?? 'video/mp4',
            size: row.size ?? 0,
            durationS: row.duration_s,
            width: row.width,
            height: row.height,
          },
    chapters: readChapters(row.chapters),
    captions: readCaptions(row.captions),
  };
}
