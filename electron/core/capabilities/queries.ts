import type { Database } from 'better-sqlite3';
import type { Capability, Product } from '../../../shared/domain/capability';

interface Row {
  id: number;
  product_id: number;
  parent_id: number | null;
  kind: 'area' | 'operation';
  title: string;
  description: string;
  keywords: string;
  position: number;
}

export function listCapabilities(db: Database): Capability[] {
  const rows = db
    .prepare(
      'SELECT id, product_id, parent_id, kind, title, description, keywords, position FROM capabilities ORDER BY parent_id IS NOT NULL, position, id',
    )
    .all() as Row[];
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    parentId: r.parent_id,
    kind: r.kind,
    title: r.title,
    description: r.description,
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
