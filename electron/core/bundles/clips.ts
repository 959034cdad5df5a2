import type { Database } from 'better-sqlite3';
import { parseWebVtt, type Cue } from '../../../shared/clips/webvtt';
import { RenderedClip } from '../../../shared/domain/clip';

// THE one place bundles read clips, through the video domain's schema (shared/domain/clip.ts).

export interface BundleClipChapter {
  title: string;
  startS: number;
  stepId: string | null;
}

export type BundleClipCue = Cue;

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

interface ClipRow {
  id: number;
  title: string;
  rendered: string | null;
  stale: number;
  sha256: string | null;
  ext: string | null;
  mime: string | null;
  size: number | null;
  duration_s: number | null;
  width: number | null;
  height: number | null;
}

/**
 * A clip as a bundle shows it: the last rendered file, its chapters in OUTPUT time (the edit's
 * chapters are in source time) and its captions, read from the captions WebVTT the render stored.
 * `readText` reads a stored text file by sha256 and extension.
 */
export function readBundleClip(
  db: Database,
  clipId: number,
  readText: (sha256: string, ext: string) => string | null,
): BundleClip | null {
  const row = db
    .prepare(
      `SELECT c.id, c.title, c.rendered, c.stale, m.sha256, m.ext, m.mime, m.size, m.duration_s, m.width, m.height
       FROM clips c LEFT JOIN media_assets m ON m.id = c.output_asset_id WHERE c.id = ?`,
    )
    .get(clipId) as ClipRow | undefined;
  if (!row) return null;
  const parsed = row.rendered === null ? null : RenderedClip.safeParse(safeJson(row.rendered));
  const rendered = parsed?.success ? parsed.data : null;
  const captionsText = rendered?.captionsVtt ? readText(rendered.captionsVtt, 'vtt') : null;
  return {
    id: row.id,
    title: row.title,
    output:
      row.sha256 === null || rendered === null
        ? null
        : {
            sha256: row.sha256,
            ext: row.ext ?? '',
            mime: row.mime ?? 'video/mp4',
            size: row.size ?? 0,
            durationS: row.duration_s ?? rendered.durationS,
            width: row.width ?? rendered.width,
            height: row.height ?? rendered.height,
          },
    chapters: (rendered?.chapters ?? [])
      .map((c) => ({ title: c.title, startS: c.startS, stepId: c.stepId }))
      .sort((a, b) => a.startS - b.startS),
    captions: captionsText ? parseWebVtt(captionsText) : [],
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
