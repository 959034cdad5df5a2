import { readFile, stat } from 'node:fs/promises';
import { CatalogueFile, describeIssues } from '../../../shared/scope/catalogueFile';
import { KotaeError } from '../../../shared/errors';
import { writeFileAtomic } from '../files/atomicWrite';
import type { Library } from '../library';
import { ensureProduct } from './edit';
import { listCapabilities, listProducts } from './queries';

// The scope catalogue as a JSON file (export) and back (import). Import merges by title (see
// shared/scope/catalogueFile.ts): new entries are added, existing ones take the file's description,
// keywords and order; nothing is deleted, so links from questions survive. It is all or nothing: a
// file that fails validation changes nothing, and the merge runs in one transaction.

export function catalogueFile(library: Library): CatalogueFile {
  const all = listCapabilities(library.db);
  const product = listProducts(library.db)[0];
  const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) =>
    a.position - b.position || a.id - b.id;
  return {
    format: 'kotae-capabilities',
    version: 1,
    ...(product?.name ? { product: product.name } : {}),
    areas: all
      .filter((c) => c.parentId === null)
      .sort(byPosition)
      .map((area) => ({
        title: area.title,
        description: area.description,
        keywords: area.keywords,
        operations: all
          .filter((c) => c.parentId === area.id)
          .sort(byPosition)
          .map((op) => ({ title: op.title, description: op.description, keywords: op.keywords })),
      })),
  };
}

export async function exportCatalogue(
  library: Library,
  target: string,
): Promise<{ areas: number; operations: number }> {
  const file = catalogueFile(library);
  await writeFileAtomic(target, `${JSON.stringify(file, null, 2)}\n`);
  library.mutate({ action: 'capabilities.exported', entity: 'capability', summary: target }, () => undefined);
  return { areas: file.areas.length, operations: file.areas.reduce((n, a) => n + a.operations.length, 0) };
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
}

/** Parses and validates a catalogue file's text; throws IMPORT_FAILED with what is wrong where. */
export function parseCatalogue(text: string): CatalogueFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new KotaeError('IMPORT_FAILED', { reason: `not JSON (${(err as Error).message})` });
  }
  const parsed = CatalogueFile.safeParse(json);
  if (!parsed.success)
    throw new KotaeError('IMPORT_FAILED', { reason: describeIssues(parsed.error).join('; ') });
  return parsed.data;
}

export function importCatalogue(library: Library, file: CatalogueFile): ImportReport {
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0 };
  const now = library.now();
  library.mutate(
    () => ({
      action: 'capabilities.imported',
      entity: 'capability',
      summary: `+${report.added} ~${report.updated} =${report.unchanged}`,
      detail: { ...report },
    }),
    (db) => {
      const productId = ensureProduct(db, now);
      const find = db.prepare(
        'SELECT id, description, keywords, position FROM capabilities WHERE parent_id IS ? AND title = ? ORDER BY id LIMIT 1',
      );
      const insert = db.prepare(
        `INSERT INTO capabilities (product_id, parent_id, kind, title, description, keywords, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const update = db.prepare(
        'UPDATE capabilities SET description = ?, keywords = ?, position = ?, updated_at = ? WHERE id = ?',
      );
      const upsert = (
        parentId: number | null,
        entry: { title: string; description: string; keywords: string[] },
        position: number,
      ): number => {
        const keywords = JSON.stringify(entry.keywords);
        const existing = find.get(parentId, entry.title) as
          { id: number; description: string; keywords: string; position: number } | undefined;
        if (!existing) {
          report.added++;
          const kind = parentId === null ? 'area' : 'operation';
          return Number(
            insert.run(
              productId,
              parentId,
              kind,
              entry.title,
              entry.description,
              keywords,
              position,
              now,
              now,
            ).lastInsertRowid,
          );
        }
        if (
          existing.description === entry.description &&
          existing.keywords === keywords &&
          existing.position === position
        )
          report.unchanged++;
        else {
          update.run(entry.description, keywords, position, now, existing.id);
          report.updated++;
        }
        return existing.id;
      };
      file.areas.forEach((area, i) => {
        const areaId = upsert(null, area, i);
        area.operations.forEach((op, j) => upsert(areaId, op, j));
      });
    },
  );
  return report;
}

const MAX_CATALOGUE_BYTES = 20_000_000;

export async function importCatalogueFile(library: Library, source: string): Promise<ImportReport> {
  let text: string;
  try {
    // A pipe or device named .json would be read forever: only a regular file is a catalogue.
    const info = await stat(source);
    if (!info.isFile()) throw new Error('not a regular file');
    // A catalogue is a few hundred entries; a file far bigger is not one, and is not read into memory.
    if (info.size > MAX_CATALOGUE_BYTES) throw new Error(`larger than ${MAX_CATALOGUE_BYTES / 1e6} MB`);
    text = await readFile(source, 'utf8');
  } catch (err) {
    throw new KotaeError('IMPORT_FAILED', { reason: (err as Error).message });
  }
  return importCatalogue(library, parseCatalogue(text));
}
