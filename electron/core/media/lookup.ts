import type { Library } from '../library';
import { shaFromMediaPath } from './mediaUrl';

export interface ServedMedia {
  file: string;
  mime: string;
  size: number;
}

/**
 * What the media protocol (Electron) and the harness's /media route serve: only files the library
 * knows by hash, and only from inside its media folder.
 */
export function resolveMediaRequest(library: Library, urlPath: string): ServedMedia | null {
  const sha = shaFromMediaPath(urlPath);
  if (!sha) return null;
  // Assets, and files derived from them (thumbnail strips) which the trim editor shows.
  const row = (library.db.prepare('SELECT ext, mime, size FROM media_assets WHERE sha256 = ?').get(sha) ??
    library.db.prepare('SELECT ext, mime, size FROM media_derivatives WHERE sha256 = ? LIMIT 1').get(sha)) as
    | { ext: string; mime: string; size: number }
    | undefined;
  if (!row) return null;
  const file = library.media.fileOf({ sha256: sha, ext: row.ext });
  return file ? { file, mime: row.mime, size: row.size } : null;
}
