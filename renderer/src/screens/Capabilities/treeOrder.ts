import type { Capability } from '@shared/domain/capability';
import { siblingsIn, type Placement } from '@shared/domain/capabilityPlacement';

// The tree as the drag and drop sees it: area ids in order, and each area's operation ids in order.
// While a drag is under way the screen shows a draft of this (an operation may have moved into
// another area before it is dropped); on drop the draft says where the capability goes.

export interface TreeOrder {
  areas: number[];
  operations: Record<number, number[]>;
}

/** dnd-kit ids: one namespace for sortable areas, sortable operations and area headers as drop targets. */
export type DndTarget = { kind: 'area' | 'operation' | 'header'; id: number };
const prefix = { area: 'a', operation: 'o', header: 'h' } as const;

export const dndId = (kind: DndTarget['kind'], id: number): string => `${prefix[kind]}:${id}`;

export function parseDndId(value: string | number): DndTarget | null {
  const match = /^([aoh]):(\d+)$/.exec(String(value));
  if (!match) return null;
  const kind = match[1] === 'a' ? 'area' : match[1] === 'o' ? 'operation' : 'header';
  return { kind, id: Number(match[2]) };
}

export function treeOrderOf(all: readonly Capability[]): TreeOrder {
  const areas = siblingsIn(all, null).map((c) => c.id);
  const operations: Record<number, number[]> = {};
  for (const area of areas) operations[area] = siblingsIn(all, area).map((c) => c.id);
  return { areas, operations };
}

/** The area that holds operation `id` in this order, or null. */
export function areaOf(order: TreeOrder, id: number): number | null {
  for (const area of order.areas) if (order.operations[area]?.includes(id)) return area;
  return null;
}

/** The order with operation `id` taken out of its area and put into `area` at `index` (clamped). */
export function moveOperationTo(order: TreeOrder, id: number, area: number, index: number): TreeOrder {
  const operations: Record<number, number[]> = {};
  for (const a of order.areas) operations[a] = (order.operations[a] ?? []).filter((x) => x !== id);
  const target = operations[area] ?? [];
  target.splice(Math.max(0, Math.min(index, target.length)), 0, id);
  operations[area] = target;
  return { areas: order.areas, operations };
}

/** Where the capability `id` sits in this order (what to ask the core for on drop). */
export function placementIn(order: TreeOrder, target: DndTarget): Placement | null {
  if (target.kind === 'area') {
    const index = order.areas.indexOf(target.id);
    return index < 0 ? null : { parentId: null, index };
  }
  const area = areaOf(order, target.id);
  if (area === null) return null;
  return { parentId: area, index: order.operations[area]!.indexOf(target.id) };
}
