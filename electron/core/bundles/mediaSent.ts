import { checkStoredFile, type Library } from '../library';
import { blocked } from './content';
import type { BundleEntry } from './zip/writeBundle';

// What leaves for a customer must be what the library stored (issue 15): a media file that is
// missing, a link (it may lead to any private file), cut short or grown stops the export with its
// name, instead of a bundle whose checksum fails on the customer's side. Images are read and
// hashed too (small); videos only by size, since reading them again would double the export's
// time (bench/bundle), and `kotae info --check-media` reads everything.

export async function assertMediaAsStored(library: Library, entries: BundleEntry[], signal?: AbortSignal): Promise<void> {
  const rowOf = library.db.prepare('SELECT ext, size, kind FROM media_assets WHERE sha256 = ?');
  for (const entry of entries) {
    if (entry.kind !== 'file' || !entry.expectedSha256) continue;
    const row = rowOf.get(entry.expectedSha256) as { ext: string; size: number; kind: string } | undefined;
    if (!row) throw blocked('mediaMissing', { name: entry.label });
    const problem = await checkStoredFile(
      library.media,
      { sha256: entry.expectedSha256, ext: row.ext, size: row.size },
      { hash: row.kind === 'image', ...(signal ? { signal } : {}) },
    );
    if (problem === 'missing') throw blocked('mediaMissing', { name: entry.label });
    if (problem) throw blocked('mediaChanged', { name: entry.label });
  }
}
