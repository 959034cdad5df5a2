import type { Database } from 'better-sqlite3';
import type { MediaAssetSummary, MediaKind } from '../../../shared/domain/media';

interface Row {
  id: number;
  sha256: string;
  kind: MediaKind;
  original_name: string;
  mime: string;
  size: number;
  duration_s: number | null;
  width: number | null;
  height: number | null;
  created_at: string;
}

export function listMedia(db: Database, kind?: MediaKind): MediaAssetSummary[] {
  const rows = db
    .prepare(
      `SELECT id, sha256, kind, original_name, mime, size, duration_s, width, height, created_at
       FROM media_assets ${kind ? 'WHERE kind = ?' : ''} ORDER BY created_at DESC`,
    )
    .all(...(kind ? [kind] : [])) as Row[];
  return rows.map((r) => ({
    id: r.id,
    sha256: r.sha256,
    kind: r.kind,
    originalName: r.original_name,
    mime: r.mime,
    size: r.size,
    durationS: r.duration_s,
    width: r.width,
    height: r.height,
    createdAt: r.created_at,
  }));
}
