import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { parseWebVtt } from '../../../shared/clips/webvtt';

// Clips as the FAQ shows them: the rendered file and its chapters in the file's own time. The video
// issue stores the last render in `clips.rendered` (chapters already in output time, captions in the
// WebVTT file the render stored, which the bundle and the app's preview read too); without it,
// chapters (source time) are mapped through the kept segments here. Rows are read leniently: a
// clip the FAQ cannot understand is left out, never a reason to fail a publication.

export interface FaqChapter {
  title: string;
  startS: number;
  endS: number;
  /** The step of the answer this chapter shows, if the vendor linked one. */
  stepId: string | null;
}

export interface FaqClip {
  id: number;
  answerId: number | null;
  title: string;
  video: { sha256: string; ext: string; mime: string; durationS: number | null } | null;
  chapters: FaqChapter[];
  captions: { startS: number; endS: number; text: string }[];
}

const Segment = z.object({ startS: z.number(), endS: z.number() });
const Chapter = z.object({
  id: z.string().optional(),
  title: z.string(),
  startS: z.number(),
  stepId: z.string().nullable().optional(),
});
const Caption = z.object({ chapterId: z.string(), text: z.string() });
const Rendered = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chapters: z.array(
    z.object({
      title: z.string(),
      startS: z.number(),
      endS: z.number(),
      stepId: z.string().nullable().optional(),
    }),
  ),
  durationS: z.number().optional(),
  captionsVtt: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
});

/** A stored text file of the media folder by sha256 and extension, or null when it is not there. */
export type ReadStoredText = (sha256: string, ext: string) => string | null;

const parse = <T>(schema: z.ZodType<T>, json: unknown, fallback: T): T => {
  try {
    const r = schema.safeParse(typeof json === 'string' ? JSON.parse(json) : json);
    return r.success ? r.data : fallback;
  } catch {
    return fallback;
  }
};

/** Source time → time in the rendered file, through the kept segments (none kept: unchanged). */
export function toOutputTime(
  segments: readonly { startS: number; endS: number }[],
  t: number,
): number | null {
  if (segments.length === 0) return t;
  let before = 0;
  for (const s of [...segments].sort((a, b) => a.startS - b.startS)) {
    if (t < s.startS) return before;
    if (t < s.endS) return before + (t - s.startS);
    before += s.endS - s.startS;
  }
  return null;
}

interface ClipRow {
  id: number;
  answer_id: number | null;
  title: string;
  segments: string;
  chapters: string;
  captions: string;
  rendered?: string | null;
  out_sha256: string | null;
  out_ext: string | null;
  out_mime: string | null;
  out_duration: number | null;
}

export function loadClips(
  db: Database,
  ids: readonly number[],
  answerIds: readonly number[],
  readText: ReadStoredText = () => null,
): Map<number, FaqClip> {
  const hasRendered = (db.prepare("SELECT 1 FROM pragma_table_info('clips') WHERE name = 'rendered'").get() ??
    null) as unknown;
  const rows = db
    .prepare(
      `SELECT c.id, c.answer_id, c.title, c.segments, c.chapters, c.captions${hasRendered ? ', c.rendered' : ''},
              m.sha256 AS out_sha256, m.ext AS out_ext, m.mime AS out_mime, m.duration_s AS out_duration
       FROM clips c LEFT JOIN media_assets m ON m.id = c.output_asset_id
       WHERE c.id IN (SELECT value FROM json_each(?)) OR c.answer_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids), JSON.stringify(answerIds)) as ClipRow[];
  const extOf = db.prepare('SELECT ext, mime, duration_s FROM media_assets WHERE sha256 = ?');
  const out = new Map<number, FaqClip>();
  for (const row of rows) {
    const rendered = row.rendered ? parse(Rendered.nullable(), row.rendered, null) : null;
    let video: FaqClip['video'] = null;
    if (rendered) {
      const asset = extOf.get(rendered.sha256) as
        { ext: string; mime: string; duration_s: number | null } | undefined;
      if (asset)
        video = {
          sha256: rendered.sha256,
          ext: asset.ext,
          mime: asset.mime,
          durationS: rendered.durationS ?? asset.duration_s,
        };
    } else if (row.out_sha256) {
      video = {
        sha256: row.out_sha256,
        ext: row.out_ext ?? '',
        mime: row.out_mime ?? '',
        durationS: row.out_duration,
      };
    }
    const segments = parse(z.array(Segment), row.segments, []);
    const rawChapters = parse(z.array(Chapter), row.chapters, []);
    const duration = video?.durationS ?? null;
    let chapters: FaqChapter[];
    /** Output span of each chapter by its id (a title may repeat): captions of an unrecorded render. */
    const spans = new Map<string, FaqChapter>();
    if (rendered) {
      chapters = rendered.chapters.map((c) => ({ ...c, stepId: c.stepId ?? null }));
    } else {
      const mapped = rawChapters
        .map((c) => ({
          id: c.id ?? '',
          title: c.title,
          stepId: c.stepId ?? null,
          startS: toOutputTime(segments, c.startS),
        }))
        .filter(
          (c): c is { id: string; title: string; stepId: string | null; startS: number } => c.startS !== null,
        )
        .sort((a, b) => a.startS - b.startS);
      chapters = mapped.map((c, i) => ({
        title: c.title,
        stepId: c.stepId,
        startS: c.startS,
        endS: mapped[i + 1]?.startS ?? duration ?? c.startS,
      }));
      mapped.forEach((c, i) => c.id && spans.set(c.id, chapters[i]!));
    }
    const vtt = rendered?.captionsVtt ? readText(rendered.captionsVtt, 'vtt') : null;
    // A recorded render: its captions file, as the bundle and the app's preview read it.
    const captions: FaqClip['captions'] = rendered
      ? vtt
        ? parseWebVtt(vtt)
        : []
      : parse(z.array(Caption), row.captions, [])
          .map((c) => {
            const ch = spans.get(c.chapterId);
            return ch && c.text.trim() ? { startS: ch.startS, endS: ch.endS, text: c.text } : null;
          })
          .filter((c): c is FaqClip['captions'][number] => c !== null);
    out.set(row.id, { id: row.id, answerId: row.answer_id, title: row.title, video, chapters, captions });
  }
  return out;
}
