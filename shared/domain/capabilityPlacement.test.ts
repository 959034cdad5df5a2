import { describe, expect, it } from 'vitest';
import { KotaeError } from '../errors';
import type { Capability } from './capability';
import { placeCapability, placementOf, siblingsIn } from './capabilityPlacement';

const cap = (id: number, parentId: number | null, position: number): Capability => ({
  id,
  productId: 1,
  parentId,
  kind: parentId === null ? 'area' : 'operation',
  texts: { ja: { title: '', description: '' }, en: { title: `c${id}`, description: '' } },
  title: `c${id}`,
  description: '',
  keywords: [],
  position,
});

// Two areas: 1 holds operations 11, 12, 13; 2 holds 21. Positions have a gap on purpose.
const catalogue = [
  cap(1, null, 0),
  cap(2, null, 5),
  cap(11, 1, 0),
  cap(12, 1, 1),
  cap(13, 1, 7),
  cap(21, 2, 0),
];
const ids = (all: Capability[], parentId: number | null) => siblingsIn(all, parentId).map((c) => c.id);

describe('placeCapability', () => {
  it('moves an operation down among its siblings and renumbers them', () => {
    const result = placeCapability(catalogue, 11, { parentId: 1, index: 2 });
    expect(ids(result.capabilities, 1)).toEqual([12, 13, 11]);
    expect(siblingsIn(result.capabilities, 1).map((c) => c.position)).toEqual([0, 1, 2]);
    expect(result.from).toEqual({ parentId: 1, index: 0 });
    expect(result.to).toEqual({ parentId: 1, index: 2 });
    expect(result.changed.map((c) => c.id).sort()).toEqual([11, 12, 13]);
  });

  it('moving back to where it came from restores the order (what Undo does)', () => {
    const moved = placeCapability(catalogue, 13, { parentId: 1, index: 0 });
    expect(ids(moved.capabilities, 1)).toEqual([13, 11, 12]);
    const undone = placeCapability(moved.capabilities, 13, moved.from);
    expect(ids(undone.capabilities, 1)).toEqual([11, 12, 13]);
  });

  it('moves an operation into another area, renumbering both areas', () => {
    const result = placeCapability(catalogue, 12, { parentId: 2, index: 0 });
    expect(ids(result.capabilities, 1)).toEqual([11, 13]);
    expect(ids(result.capabilities, 2)).toEqual([12, 21]);
    expect(result.capabilities.find((c) => c.id === 12)?.parentId).toBe(2);
    expect(siblingsIn(result.capabilities, 1).map((c) => c.position)).toEqual([0, 1]);
    const undone = placeCapability(result.capabilities, 12, result.from);
    expect(ids(undone.capabilities, 1)).toEqual([11, 12, 13]);
    expect(ids(undone.capabilities, 2)).toEqual([21]);
  });

  it('reorders areas and clamps an index past the end', () => {
    const result = placeCapability(catalogue, 1, { parentId: null, index: 99 });
    expect(ids(result.capabilities, null)).toEqual([2, 1]);
    expect(result.to.index).toBe(1);
    expect(placementOf(result.capabilities, 1)).toEqual({ parentId: null, index: 1 });
  });

  it('changes nothing when dropped where it was', () => {
    const result = placeCapability(catalogue, 12, { parentId: 1, index: 1 });
    expect(result.changed).toEqual([]);
    expect(result.from).toEqual(result.to);
  });

  it('keeps two levels: no area inside another, no operation inside an operation', () => {
    expect(() => placeCapability(catalogue, 2, { parentId: 1, index: 0 })).toThrow(KotaeError);
    expect(() => placeCapability(catalogue, 11, { parentId: 12, index: 0 })).toThrow(/parent is not an area/);
    expect(() => placeCapability(catalogue, 11, { parentId: null, index: 0 })).toThrow(KotaeError);
    expect(() => placeCapability(catalogue, 99, { parentId: 1, index: 0 })).toThrow(/NOT_FOUND/);
  });
});
