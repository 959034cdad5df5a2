import { readFile, stat } from 'node:fs/promises';
import { capabilityLabel, type CapabilityText } from '../../../shared/domain/capability';
import type { Language } from '../../../shared/domain/common';
import { KotaeError } from '../../../shared/errors';
import {
  CatalogueFileError,
  readCatalogueFile,
  type CatalogueEntry,
  type CatalogueFile,
  type CatalogueFileV2,
} from '../../../shared/scope/catalogueFile';
import { writeFileAtomic } from '../files';
import type { Library } from '../library';
import { ensureProduct } from './edit';
import { listCapabilities, listProducts } from './queries';

// The scope catalogue as a JSON file (export) and back (import). Import merges by title in either
// language (see shared/scope/catalogueFile.ts): new entries are added, existing ones take the
// file's texts (for the languages the file has), keywords and order; nothing is deleted, so links
// from questions survive. It is all or nothing: a file that fails validation changes nothing, and
// the merge runs in one transaction.

const languages: Language[] = ['ja', 'en'];

/** The catalogue as a version 2 file: every text in both languages, an empty one left out. */
export function catalogueFile(library: Library): CatalogueFileV2 {
  const all = listCapabilities(library.db);
  const product = listProducts(library.db)[0];
  const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) =>
    a.position - b.position || a.id - b.id;
  const perLanguage = (texts: Record<Language, CapabilityText>, field: keyof CapabilityText) =>
    Object.fromEntries(languages.filter((l) => texts[l][field]).map((l) => [l, texts[l][field]]));
  const entry = (c: (typeof all)[number]) => ({
    title: perLanguage(c.texts, 'title'),
    description: perLanguage(c.texts, 'description'),
    keywords: c.keywords,
  });
  return {
    format: 'kotae-capabilities',
    version: 2,
    ...(product?.name ? { product: product.name } : {}),
    areas: all
      .filter((c) => c.parentId === null)
      .sort(byPosition)
      .map((area) => ({
        ...entry(area),
        operations: all
          .filter((c) => c.parentId === area.id)
          .sort(byPosition)
          .map(entry),
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
  return {
    areas: file.areas.length,
    operations: file.areas.reduce((n, a) => n + (a.operations?.length ?? 0), 0),
  };
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
}

/** Parses and validates a catalogue file's text; throws IMPORT_FAILED saying what is wrong where. */
export function parseCatalogue(text: string): CatalogueFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const error = new KotaeError(
      'IMPORT_FAILED',
      undefined,
      `not JSON (${(err as Error).message})`,
      'capabilities:importInvalid',
    );
    error.items = [{ key: 'capabilities:importIssue.notJson' }];
    throw error;
  }
  try {
    return readCatalogueFile(json);
  } catch (err) {
    if (!(err instanceof CatalogueFileError)) throw err;
    const error = new KotaeError('IMPORT_FAILED', undefined, err.detail, 'capabilities:importInvalid');
    error.items = err.items;
    throw error;
  }
}

interface Row {
  id: number;
  title_ja: string;
  description_ja: string;
  title_en: string;
  description_en: string;
  keywords: string;
  position: number;
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
        `SELECT id, title_ja, description_ja, title_en, description_en, keywords, position FROM capabilities
         WHERE parent_id IS ? AND ((? <> '' AND title_ja = ?) OR (? <> '' AND title_en = ?)
           OR (title_ja = '' AND title_en = '' AND title IN (?, ?)))
         ORDER BY id LIMIT 1`,
      );
      const insert = db.prepare(
        `INSERT INTO capabilities (product_id, parent_id, kind, title, description, title_ja, description_ja,
           title_en, description_en, keywords, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const update = db.prepare(
        `UPDATE capabilities SET title = ?, description = ?, title_ja = ?, description_ja = ?, title_en = ?,
           description_en = ?, keywords = ?, position = ?, updated_at = ? WHERE id = ?`,
      );
      const upsert = (parentId: number | null, entry: CatalogueEntry, position: number): number => {
        const keywords = JSON.stringify(entry.keywords);
        const ja = entry.texts.ja?.title ?? '';
        const en = entry.texts.en?.title ?? '';
        const existing = find.get(parentId, ja, ja, en, en, ja || en, en || ja) as Row | undefined;
        // The file's languages replace the library's; a language the file lacks stays as it was.
        const texts = {
          ja: entry.texts.ja ?? {
            title: existing?.title_ja ?? '',
            description: existing?.description_ja ?? '',
          },
          en: entry.texts.en ?? {
            title: existing?.title_en ?? '',
            description: existing?.description_en ?? '',
          },
        };
        const label = capabilityLabel(texts);
        const values = [
          label.title,
          label.description,
          texts.ja.title,
          texts.ja.description,
          texts.en.title,
          texts.en.description,
          keywords,
          position,
        ] as const;
        if (!existing) {
          report.added++;
          const kind = parentId === null ? 'area' : 'operation';
          return Number(
            insert.run(productId, parentId, kind, ...values.slice(0, 6), keywords, position, now, now)
              .lastInsertRowid,
          );
        }
        if (
          existing.title_ja === texts.ja.title &&
          existing.description_ja === texts.ja.description &&
          existing.title_en === texts.en.title &&
          existing.description_en === texts.en.description &&
          existing.keywords === keywords &&
          existing.position === position
        )
          report.unchanged++;
        else {
          update.run(...values, now, existing.id);
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
