import type { Database } from 'better-sqlite3';
import {
  capabilityLabel,
  isJapaneseText,
  type Capability,
  type CapabilityText,
} from '../../../shared/domain/capability';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import { listCapabilities } from './queries';

// Editing the scope catalogue: areas at the top, operations inside them. Every change is logged.

export interface CapabilityFields {
  /** The entry's text per language (what the editor sends). */
  texts?: { ja: CapabilityText; en: CapabilityText } | undefined;
  /** One text in one language (older callers): the language is the one its script says. */
  title?: string | undefined;
  description?: string | undefined;
  keywords: string[];
}

export interface EntryTexts {
  ja: CapabilityText;
  en: CapabilityText;
  label: CapabilityText;
}

function oneLanguage(title: string, description: string): Partial<Record<'ja' | 'en', CapabilityText>> {
  return isJapaneseText(`${title} ${description}`)
    ? { ja: { title, description } }
    : { en: { title, description } };
}

/** The texts to store: titles trimmed, at least one of them written. */
export function entryTexts(fields: Pick<CapabilityFields, 'texts' | 'title' | 'description'>): EntryTexts {
  const clean = (t: CapabilityText) => ({ title: t.title.trim(), description: t.description });
  let ja: CapabilityText;
  let en: CapabilityText;
  if (fields.texts) {
    ja = clean(fields.texts.ja);
    en = clean(fields.texts.en);
  } else {
    const one = clean({ title: fields.title ?? '', description: fields.description ?? '' });
    const empty = { title: '', description: '' };
    [ja, en] = isJapaneseText(`${one.title} ${one.description}`) ? [one, empty] : [empty, one];
  }
  if (!ja.title && !en.title)
    throw new KotaeError(
      'INVALID_INPUT',
      { detail: 'no title' },
      undefined,
      'capabilities:errors.titleRequired',
    );
  return { ja, en, label: capabilityLabel({ ja, en }) };
}

const cleanKeywords = (keywords: string[]) => [...new Set(keywords.map((k) => k.trim()).filter(Boolean))];

/** The product new capabilities belong to; a library without one gets one, so the tree can start. */
export function ensureProduct(db: Database, now: string): number {
  const row = db.prepare('SELECT id FROM products ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  if (row) return row.id;
  return Number(
    db.prepare("INSERT INTO products (name, created_at) VALUES ('', ?)").run(now).lastInsertRowid,
  );
}

function getOne(db: Database, id: number): Capability {
  const found = listCapabilities(db).find((c) => c.id === id);
  if (!found) throw new KotaeError('NOT_FOUND', { id });
  return found;
}

export function createCapability(
  library: Library,
  input: CapabilityFields & { parentId: number | null },
): Capability {
  const now = library.now();
  const texts = entryTexts(input);
  const id = library.mutate(
    (newId: number) => ({
      action: 'capability.created',
      entity: 'capability',
      entityId: newId,
      summary: texts.label.title,
    }),
    (db) => {
      let productId: number;
      if (input.parentId !== null) {
        const parent = db
          .prepare('SELECT product_id, kind FROM capabilities WHERE id = ?')
          .get(input.parentId) as { product_id: number; kind: string } | undefined;
        if (!parent) throw new KotaeError('NOT_FOUND', { id: input.parentId });
        // Two levels only: area → operation.
        if (parent.kind !== 'area')
          throw new KotaeError(
            'INVALID_INPUT',
            { detail: 'parent is not an area' },
            undefined,
            'capabilities:errors.parentNotArea',
          );
        productId = parent.product_id;
      } else productId = ensureProduct(db, now);
      const position = (
        db
          .prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM capabilities WHERE parent_id IS ?')
          .get(input.parentId) as { p: number }
      ).p;
      return Number(
        db
          .prepare(
            `INSERT INTO capabilities (product_id, parent_id, kind, title, description, title_ja, description_ja,
               title_en, description_en, keywords, position, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            productId,
            input.parentId,
            input.parentId === null ? 'area' : 'operation',
            texts.label.title,
            texts.label.description,
            texts.ja.title,
            texts.ja.description,
            texts.en.title,
            texts.en.description,
            JSON.stringify(cleanKeywords(input.keywords)),
            position,
            now,
            now,
          ).lastInsertRowid,
      );
    },
  );
  return getOne(library.db, id);
}

export function updateCapability(library: Library, input: CapabilityFields & { id: number }): Capability {
  const before = getOne(library.db, input.id);
  // One text from an older caller replaces that language's text only; the other language stays.
  const texts = entryTexts(
    input.texts
      ? input
      : { texts: { ...before.texts, ...oneLanguage(input.title ?? '', input.description ?? '') } },
  );
  const title = texts.label.title;
  library.mutate(
    {
      action: 'capability.updated',
      entity: 'capability',
      entityId: input.id,
      summary: before.title === title ? title : `${before.title} → ${title}`,
    },
    (db) =>
      db
        .prepare(
          `UPDATE capabilities SET title = ?, description = ?, title_ja = ?, description_ja = ?, title_en = ?,
             description_en = ?, keywords = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          title,
          texts.label.description,
          texts.ja.title,
          texts.ja.description,
          texts.en.title,
          texts.en.description,
          JSON.stringify(cleanKeywords(input.keywords)),
          library.now(),
          input.id,
        ),
  );
  return getOne(library.db, input.id);
}

/** Deletes a capability (an area with its operations); questions lose only the link to it. */
export function deleteCapability(library: Library, id: number): { deleted: number } {
  const target = getOne(library.db, id);
  const children = (
    library.db.prepare('SELECT count(*) AS n FROM capabilities WHERE parent_id = ?').get(id) as { n: number }
  ).n;
  library.mutate(
    {
      action: 'capability.deleted',
      entity: 'capability',
      entityId: id,
      summary: target.title,
      detail: { kind: target.kind, operations: children },
    },
    (db) => db.prepare('DELETE FROM capabilities WHERE id = ?').run(id),
  );
  return { deleted: 1 + children };
}

/** Moves a capability one place up or down among its siblings. */
export function moveCapability(library: Library, id: number, direction: 'up' | 'down'): Capability[] {
  const target = getOne(library.db, id);
  const siblings = listCapabilities(library.db)
    .filter((c) => c.parentId === target.parentId)
    .sort((a, b) => a.position - b.position || a.id - b.id);
  const index = siblings.findIndex((c) => c.id === id);
  const swapWith = direction === 'up' ? index - 1 : index + 1;
  if (swapWith < 0 || swapWith >= siblings.length) return listCapabilities(library.db);
  [siblings[index], siblings[swapWith]] = [siblings[swapWith]!, siblings[index]!];
  library.mutate(
    {
      action: 'capability.moved',
      entity: 'capability',
      entityId: id,
      summary: `${target.title} ${direction}`,
    },
    (db) => {
      const set = db.prepare('UPDATE capabilities SET position = ? WHERE id = ?');
      siblings.forEach((c, i) => set.run(i, c.id));
    },
  );
  return listCapabilities(library.db);
}
