import { z } from 'zod';
import {
  Chapter,
  ClipEdit,
  Redaction,
  RenderedClip,
  RenderOptions,
  ZoomRegion,
  type Clip,
  type ClipSummary,
  type Segment,
} from '../../../shared/domain/clip';
import { overlappingZooms } from '../../../shared/clips/regions';
import { editDuration, normalizeSegments, outputChapters, TIME_EPSILON } from '../../../shared/clips/timeline';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';

// Clips in the library: one edit of one source video (kept ranges, chapters, captions, how to
// render it) and what its last render produced. Every change goes through library.mutate.

interface ClipRow {
  id: number;
  asset_id: number;
  answer_id: number | null;
  title: string;
  segments: string;
  chapters: string;
  captions: string;
  render_mode: Clip['renderMode'];
  options: string;
  output_asset_id: number | null;
  redactions: string;
  zooms: string;
  rendered: string | null;
  stale: number;
  created_at: string;
  updated_at: string;
}

export function rowToClip(row: ClipRow): Clip {
  return {
    id: row.id,
    assetId: row.asset_id,
    answerId: row.answer_id,
    title: row.title,
    segments: JSON.parse(row.segments) as Segment[],
    chapters: z.array(Chapter).parse(JSON.parse(row.chapters)),
    captions: JSON.parse(row.captions) as Clip['captions'],
    renderMode: row.render_mode,
    options: RenderOptions.parse(JSON.parse(row.options)),
    redactions: z.array(Redaction).parse(JSON.parse(row.redactions)),
    zooms: z.array(ZoomRegion).parse(JSON.parse(row.zooms)),
    stale: row.stale === 1,
    rendered: row.rendered ? RenderedClip.parse(JSON.parse(row.rendered)) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getClip(library: Library, id: number): Clip {
  const row = library.db.prepare('SELECT * FROM clips WHERE id = ?').get(id) as ClipRow | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id });
  return rowToClip(row);
}

export function listClips(library: Library, filter: { answerId?: number } = {}): ClipSummary[] {
  const rows = library.db
    .prepare(
      `SELECT c.*, m.original_name AS source_name, m.sha256 AS source_sha, m.duration_s AS source_duration
       FROM clips c JOIN media_assets m ON m.id = c.asset_id
       ${filter.answerId !== undefined ? 'WHERE c.answer_id = ?' : ''}
       ORDER BY c.updated_at DESC, c.id DESC`,
    )
    .all(...(filter.answerId !== undefined ? [filter.answerId] : [])) as (ClipRow & {
    source_name: string;
    source_sha: string;
    source_duration: number | null;
  })[];
  return rows.map((r) => {
    const clip = rowToClip(r);
    return {
      id: clip.id,
      assetId: clip.assetId,
      title: clip.title,
      sourceName: r.source_name,
      sourceSha256: r.source_sha,
      sourceDurationS: r.source_duration,
      editDurationS: editDuration(clip.segments),
      renderMode: clip.renderMode,
      chapterCount: clip.chapters.length,
      rendered: clip.rendered !== null,
      stale: clip.stale,
      answerId: clip.answerId,
      updatedAt: clip.updatedAt,
    };
  });
}

/** Spans cut to the source's length (one that starts after the end is dropped), in time order. */
function withinSource<T extends { id: string; startS: number; endS: number }>(spans: readonly T[], durationS: number, kind: string): T[] {
  const ids = new Set<string>();
  const kept: T[] = [];
  for (const s of spans) {
    if (ids.has(s.id)) throw new KotaeError('INVALID_INPUT', { detail: `duplicate ${kind} ${s.id}` });
    ids.add(s.id);
    const endS = Math.min(durationS, s.endS);
    if (endS - s.startS > TIME_EPSILON) kept.push({ ...s, endS });
  }
  return kept.sort((a, b) => a.startS - b.startS);
}

/** Checks an edit against its source: ranges inside the video, chapters with unique ids. */
export function validateEdit(edit: z.input<typeof ClipEdit>, sourceDurationS: number): ClipEdit {
  const parsed = ClipEdit.parse(edit);
  const segments = normalizeSegments(
    parsed.segments.map((s) => ({ startS: Math.max(0, s.startS), endS: Math.min(sourceDurationS, s.endS) })),
  );
  if (segments.length === 0) {
    throw new KotaeError('INVALID_INPUT', { detail: 'empty edit' }, 'nothing kept', 'videos:errors.emptyEdit');
  }
  const ids = new Set<string>();
  for (const c of parsed.chapters) {
    if (ids.has(c.id)) throw new KotaeError('INVALID_INPUT', { detail: `duplicate chapter ${c.id}` });
    ids.add(c.id);
  }
  const zooms = withinSource(parsed.zooms, sourceDurationS, 'zoom');
  const overlap = overlappingZooms(zooms);
  if (overlap) {
    throw new KotaeError('INVALID_INPUT', { detail: `zooms ${overlap.join(' and ')} overlap` }, 'zooms overlap', 'videos:errors.zoomOverlap');
  }
  return {
    ...parsed,
    segments,
    chapters: [...parsed.chapters].sort((a, b) => a.startS - b.startS),
    captions: parsed.captions.filter((c) => ids.has(c.chapterId)),
    redactions: withinSource(parsed.redactions, sourceDurationS, 'redaction'),
    zooms,
  };
}

/** What a clip's rendered file is made from (the title names the file and is in its metadata). */
function renderInput(
  c: Pick<Clip, 'title' | 'segments' | 'chapters' | 'captions' | 'renderMode' | 'options' | 'redactions' | 'zooms'>,
): string {
  // A chapter's step link and picture moment are kept beside the file, not in it.
  const chapters = c.chapters.map((ch) => ({ id: ch.id, title: ch.title, startS: ch.startS }));
  return JSON.stringify([c.title, c.segments, chapters, c.captions, c.renderMode, c.options, c.redactions, c.zooms]);
}

export function updateClip(library: Library, id: number, edit: z.input<typeof ClipEdit>): Clip {
  const current = getClip(library, id);
  const source = library.db.prepare('SELECT duration_s FROM media_assets WHERE id = ?').get(current.assetId) as {
    duration_s: number | null;
  };
  const valid = validateEdit(edit, source.duration_s ?? Infinity);
  if (valid.answerId !== null) {
    const exists = library.db.prepare('SELECT 1 FROM answers WHERE id = ?').get(valid.answerId);
    if (!exists) throw new KotaeError('NOT_FOUND', { id: valid.answerId });
  }
  // Only what goes into the rendered file makes a render out of date. Which answer uses the clip,
  // and which step a chapter links to, are kept beside the file: the render's chapters take the
  // new links and stay current.
  let changesRender = renderInput(valid) !== renderInput(current);
  let rendered = current.rendered;
  if (!changesRender && rendered) {
    const relinked = outputChapters(rendered.segments, valid.chapters, rendered.durationS);
    const same = relinked.length === rendered.chapters.length && relinked.every((c, i) => c.title === rendered!.chapters[i]!.title);
    if (same) {
      rendered = { ...rendered, chapters: rendered.chapters.map((c, i) => ({ ...c, stepId: relinked[i]!.stepId })) };
    } else {
      changesRender = true; // cannot tell which chapter is which: render again to be sure
    }
  }
  library.mutate(
    { action: 'clip.update', entity: 'clip', entityId: id, answerId: valid.answerId, summary: valid.title },
    (db) =>
      db
        .prepare(
          `UPDATE clips SET title = ?, answer_id = ?, segments = ?, chapters = ?, captions = ?, render_mode = ?,
             options = ?, redactions = ?, zooms = ?, rendered = ?,
             stale = CASE WHEN rendered IS NULL THEN 0 WHEN ? THEN 1 ELSE stale END,
             updated_at = ? WHERE id = ?`,
        )
        .run(
          valid.title,
          valid.answerId,
          JSON.stringify(valid.segments),
          JSON.stringify(valid.chapters),
          JSON.stringify(valid.captions),
          valid.renderMode,
          JSON.stringify(valid.options),
          JSON.stringify(valid.redactions),
          JSON.stringify(valid.zooms),
          rendered ? JSON.stringify(rendered) : null,
          changesRender ? 1 : 0,
          library.now(),
          id,
        ),
  );
  return getClip(library, id);
}

export function createClip(library: Library, assetId: number, edit: z.input<typeof ClipEdit>): Clip {
  const source = library.db.prepare('SELECT duration_s FROM media_assets WHERE id = ?').get(assetId) as
    | { duration_s: number | null }
    | undefined;
  if (!source) throw new KotaeError('NOT_FOUND', { id: assetId });
  const valid = validateEdit(edit, source.duration_s ?? Infinity);
  const id = library.mutate(
    (newId: number | bigint) => ({ action: 'clip.create', entity: 'clip', entityId: newId, summary: valid.title }),
    (db) =>
      db
        .prepare(
          `INSERT INTO clips (asset_id, answer_id, title, segments, chapters, captions, render_mode, options,
             redactions, zooms, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          assetId,
          valid.answerId,
          valid.title,
          JSON.stringify(valid.segments),
          JSON.stringify(valid.chapters),
          JSON.stringify(valid.captions),
          valid.renderMode,
          JSON.stringify(valid.options),
          JSON.stringify(valid.redactions),
          JSON.stringify(valid.zooms),
          library.now(),
          library.now(),
        ).lastInsertRowid,
  );
  return getClip(library, Number(id));
}

export function recordRender(library: Library, id: number, rendered: RenderedClip): Clip {
  library.mutate(
    {
      action: 'clip.render',
      entity: 'clip',
      entityId: id,
      summary: `${rendered.mode} ${rendered.durationS.toFixed(1)} s`,
      detail: { assetId: rendered.assetId, mode: rendered.mode, fallback: rendered.fallback },
    },
    (db) =>
      db
        .prepare('UPDATE clips SET output_asset_id = ?, rendered = ?, stale = 0, updated_at = ? WHERE id = ?')
        .run(rendered.assetId, JSON.stringify(rendered), library.now(), id),
  );
  return getClip(library, id);
}

/** Deletes the clip (the edit); the source video and any rendered file stay in the media store. */
export function deleteClip(library: Library, id: number): void {
  const clip = getClip(library, id);
  library.mutate({ action: 'clip.delete', entity: 'clip', entityId: id, summary: clip.title }, (db) =>
    db.prepare('DELETE FROM clips WHERE id = ?').run(id),
  );
}
