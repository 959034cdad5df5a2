import type { Database } from 'better-sqlite3';
import {
  isJapaneseText,
  type Capability,
  type CapabilityText,
  type Product,
} from '../../../shared/domain/capability';

interface Row {
  id: number;
  product_id: number;
  parent_id: number | null;
  kind: 'area' | 'operation';
  title: string;
  description: string;
  title_ja: string;
  description_ja: string;
  title_en: string;
  description_en: string;
  keywords: string;
  position: number;
}

/**
 * An entry's texts per language. A row written without them (by SQL from an older tool) has only
 * its label: it is read as the language its script says.
 */
function textsOf(r: Row): { ja: CapabilityText; en: CapabilityText } {
  const ja = { title: r.title_ja, description: r.description_ja };
  const en = { title: r.title_en, description: r.description_en };
  if (ja.title || en.title) return { ja, en };
  const label = { title: r.title, description: r.description };
  const empty = { title: '', description: '' };
  return isJapaneseText(`${r.title} ${r.description}`) ? { ja: label, en: empty } : { ja: empty, en: label };
}

export function listCapabilities(db: Database): Capability[] {
  const rows = db
    .prepare(
      `SELECT id, product_id, parent_id, kind, title, description, title_ja, description_ja, title_en,
              description_en, keywords, position
       FROM capabilities ORDER BY parent_id IS NOT NULL, position, id`,
    )
    .all() as Row[];
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    parentId: r.parent_id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    texts: textsOf(r),
    keywords: JSON.parse(r.keywords) as string[],
    position: r.position,
  }));
}

export function listProducts(db: Database): Product[] {
  return (
    db.prepare('SELECT id, name, description, current_version FROM products ORDER BY id').all() as {
      id: number;
      name: string;
      description: string;
      current_version: string;
    }[]
  ).map((r) => ({ id: r.id, name: r.name, description: r.description, currentVersion: r.current_version }));
}
