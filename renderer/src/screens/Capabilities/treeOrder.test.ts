import { describe, expect, it } from 'vitest';
import type { Capability } from '@shared/domain/capability';
import { areaOf, dndId, moveOperationTo, parseDndId, placementIn, treeOrderOf } from './treeOrder';

const cap = (id: number, parentId: number | null, position: number): Capability => ({
  id,
  productId: 1,
  parentId,
  kind: parentId === null ? 'area' : 'operation',
  title: `c${id}`,
  description: '',
  keywords: [],
  position,
});

// Listed out of order on purpose: the order comes from the positions.
const all = [cap(12, 1, 1), cap(2, null, 1), cap(11, 1, 0), cap(1, null, 0), cap(21, 2, 0)];

describe('treeOrder', () => {
  it('reads areas and their operations in position order', () => {
    expect(treeOrderOf(all)).toEqual({ areas: [1, 2], operations: { 1: [11, 12], 2: [21] } });
  });

  it('moves an operation into another area and says where it now is', () => {
    const order = moveOperationTo(treeOrderOf(all), 12, 2, 1);
    expect(order.operations).toEqual({ 1: [11], 2: [21, 12] });
    expect(areaOf(order, 12)).toBe(2);
    expect(placementIn(order, { kind: 'operation', id: 12 })).toEqual({ parentId: 2, index: 1 });
    expect(placementIn(order, { kind: 'area', id: 2 })).toEqual({ parentId: null, index: 1 });
    expect(moveOperationTo(order, 12, 1, 99).operations[1]).toEqual([11, 12]);
  });

  it('round-trips dnd ids and refuses foreign ones', () => {
    expect(parseDndId(dndId('header', 7))).toEqual({ kind: 'header', id: 7 });
    expect(parseDndId(dndId('operation', 12))).toEqual({ kind: 'operation', id: 12 });
    expect(parseDndId('x:1')).toBeNull();
    expect(placementIn(treeOrderOf(all), { kind: 'operation', id: 99 })).toBeNull();
  });
});
