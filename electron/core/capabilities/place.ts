import type { Capability } from '../../../shared/domain/capability';
import { placeCapability, type Placement } from '../../../shared/domain/capabilityPlacement';
import type { Library } from '../library';
import { listCapabilities } from './queries';

/**
 * Puts a capability at a place among its siblings, or (an operation) into another area: what a drag
 * and drop in the tree asks for, and what its Undo asks to put back. One transaction, one log entry
 * with where it was and where it went; dropping it where it was writes nothing.
 */
export function placeCapabilityAt(library: Library, id: number, to: Placement): Capability[] {
  library.db.transaction(() => {
    const all = listCapabilities(library.db);
    const result = placeCapability(all, id, to);
    if (!result.changed.length) return;
    const title = (parentId: number | null) => all.find((c) => c.id === parentId)?.title ?? '';
    const moving = all.find((c) => c.id === id)!;
    const where = (p: Placement) =>
      p.parentId === null || (p.parentId === result.from.parentId && p.parentId === result.to.parentId)
        ? `${p.index + 1}`
        : `${title(p.parentId)} ${p.index + 1}`;
    library.mutate(
      {
        action: 'capability.moved',
        entity: 'capability',
        entityId: id,
        summary: `${moving.title}: ${where(result.from)} → ${where(result.to)}`,
        detail: {
          fromParentId: result.from.parentId,
          fromIndex: result.from.index,
          toParentId: result.to.parentId,
          toIndex: result.to.index,
        },
      },
      (db) => {
        // An operation that changes area takes the area's product too (one product per library
        // today, but the row must never point at a parent of another product).
        const productOf = db.prepare('SELECT product_id FROM capabilities WHERE id = ?').pluck();
        const write = db.prepare(
          'UPDATE capabilities SET parent_id = ?, position = ?, product_id = ? WHERE id = ?',
        );
        for (const c of result.changed) {
          const productId = c.parentId === null ? c.productId : (productOf.get(c.parentId) as number);
          write.run(c.parentId, c.position, productId, c.id);
        }
      },
    );
  }).immediate();
  return listCapabilities(library.db);
}
