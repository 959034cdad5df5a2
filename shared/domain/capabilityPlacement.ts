import { KotaeError } from '../errors';
import type { Capability } from './capability';

// Where a capability sits in the two-level catalogue, and what the catalogue looks like after one
// is moved there. Used by the core (to write the positions) and by the Capabilities screen (to show
// the new order at once while the change is saved, and to know where Undo puts it back).

export interface Placement {
  /** null for an area (areas are the top level); the area's id for an operation. */
  parentId: number | null;
  /** 0-based place among the siblings. */
  index: number;
}

export interface PlacementResult {
  capabilities: Capability[];
  from: Placement;
  to: Placement;
  /** The capabilities whose parent or position changed (the rows to write). */
  changed: Capability[];
}

const byPosition = (a: Capability, b: Capability) => a.position - b.position || a.id - b.id;

/** The children of parentId (null: the areas) in display order. */
export function siblingsIn(all: readonly Capability[], parentId: number | null): Capability[] {
  return all.filter((c) => c.parentId === parentId).sort(byPosition);
}

/** Where a capability is now. */
export function placementOf(all: readonly Capability[], id: number): Placement {
  const target = all.find((c) => c.id === id);
  if (!target) throw new KotaeError('NOT_FOUND', { id });
  return { parentId: target.parentId, index: siblingsIn(all, target.parentId).findIndex((c) => c.id === id) };
}

/**
 * The catalogue with capability `id` moved to `to` (index clamped to the end). Areas stay at the
 * top; an operation may change area. Both the old and the new sibling lists are renumbered 0..n-1.
 */
export function placeCapability(all: readonly Capability[], id: number, to: Placement): PlacementResult {
  const moving = all.find((c) => c.id === id);
  if (!moving) throw new KotaeError('NOT_FOUND', { id });
  if (moving.kind === 'area' && to.parentId !== null)
    throw new KotaeError(
      'INVALID_INPUT',
      { detail: 'an area cannot go inside another capability' },
      undefined,
      'capabilitiesDnd:errors.areaStaysTop',
    );
  if (moving.kind === 'operation') {
    const parent = all.find((c) => c.id === to.parentId);
    if (!parent) throw new KotaeError('NOT_FOUND', { id: to.parentId ?? 0 });
    if (parent.kind !== 'area')
      throw new KotaeError(
        'INVALID_INPUT',
        { detail: 'parent is not an area' },
        undefined,
        'capabilities:errors.parentNotArea',
      );
  }
  const from = placementOf(all, id);
  const target = siblingsIn(all, to.parentId).filter((c) => c.id !== id);
  const index = Math.max(0, Math.min(to.index, target.length));
  // Dropped where it was: nothing to write (even where stored positions have gaps).
  if (from.parentId === to.parentId && from.index === index)
    return { capabilities: [...all], from, to: from, changed: [] };
  target.splice(index, 0, moving);
  const next = new Map<number, { parentId: number | null; position: number }>();
  target.forEach((c, i) => next.set(c.id, { parentId: to.parentId, position: i }));
  if (from.parentId !== to.parentId)
    siblingsIn(all, from.parentId)
      .filter((c) => c.id !== id)
      .forEach((c, i) => next.set(c.id, { parentId: from.parentId, position: i }));
  const changed: Capability[] = [];
  const capabilities = all.map((c) => {
    const place = next.get(c.id);
    if (!place || (place.parentId === c.parentId && place.position === c.position)) return c;
    const moved = { ...c, ...place };
    changed.push(moved);
    return moved;
  });
  return { capabilities, from, to: { parentId: to.parentId, index }, changed };
}
