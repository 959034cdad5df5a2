import type { ClipChoice } from '../../../shared/domain/answer';
import { sourceToOutput } from '../../../shared/clips/timeline';
import type { Library } from '../library';

// What an answer can point at in the video world. The clips themselves are made in the Videos
// screen (issue 6); an answer only stores {clipId, timeS} or a clip block with a clipId.

export function clipChoices(library: Library): ClipChoice[] {
  const rows = library.db
    .prepare(
      `SELECT c.id, c.title, c.chapters, c.segments, coalesce(o.duration_s, a.duration_s) AS duration_s FROM clips c
       JOIN media_assets a ON a.id = c.asset_id LEFT JOIN media_assets o ON o.id = c.output_asset_id
       ORDER BY c.updated_at DESC`,
    )
    .all() as { id: number; title: string; chapters: string; segments: string; duration_s: number | null }[];
  return rows.map((r) => {
    const segments = keptSegments(r.segments);
    let chapters: ClipChoice['chapters'] = [];
    try {
      const parsed = JSON.parse(r.chapters) as unknown;
      if (Array.isArray(parsed))
        chapters = parsed
          .filter(
            (c): c is { title: string; timeS?: number; startS?: number } => typeof c?.title === 'string',
          )
          .map((c) => {
            const timeS = Number(c.timeS ?? c.startS ?? 0);
            return { title: c.title, timeS, outputS: segments ? sourceToOutput(segments, timeS) : timeS };
          });
    } catch {
      /* chapters written by a newer version: show the clip without them */
    }
    return { id: r.id, title: r.title, durationS: r.duration_s, chapters };
  });
}

/** The kept parts of the edit, or null when the column cannot be read (times then stay as recorded). */
function keptSegments(json: string): { startS: number; endS: number }[] | null {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed) || !parsed.length) return null;
    const ok = parsed.every(
      (s: unknown) =>
        typeof (s as { startS?: unknown })?.startS === 'number' &&
        typeof (s as { endS?: unknown })?.endS === 'number',
    );
    return ok ? (parsed as { startS: number; endS: number }[]) : null;
  } catch {
    return null;
  }
}

export function productVersions(library: Library): { current: string; versions: string[] } {
  const product = library.db.prepare('SELECT id, current_version FROM products ORDER BY id LIMIT 1').get() as
    { id: number; current_version: string } | undefined;
  if (!product) return { current: '', versions: [] };
  const versions = (
    library.db
      .prepare('SELECT version FROM product_versions WHERE product_id = ? ORDER BY released_on DESC, id DESC')
      .all(product.id) as { version: string }[]
  ).map((v) => v.version);
  return { current: product.current_version, versions };
}
