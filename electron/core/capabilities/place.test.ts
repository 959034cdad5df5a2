import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KotaeError } from '../../../shared/errors';
import { createLibrary, listLog, seedDemo, type Library } from '../library';
import { useTempDir } from '../testing';
import { listCapabilities, placeCapabilityAt } from './index';

const tempDir = useTempDir();
const open = (): Library =>
  createLibrary(path.join(tempDir(), 'lib'), {
    clock: () => new Date('2026-11-23T09:00:00.000Z'),
    seed: seedDemo,
  });
const titles = (library: Library, parentId: number | null) =>
  listCapabilities(library.db)
    .filter((c) => c.parentId === parentId)
    .map((c) => c.title);
const moves = (library: Library) =>
  listLog(library.db, { limit: 1000 }).filter((e) => e.action === 'capability.moved');

describe('placing a capability (drag and drop)', () => {
  it('reorders operations in one write with one log entry, and back again', () => {
    const library = open();
    const area = listCapabilities(library.db).find((c) => c.kind === 'area')!;
    const before = titles(library, area.id);
    expect(before.length).toBeGreaterThan(2);
    const last = listCapabilities(library.db).find((c) => c.title === before.at(-1))!;
    placeCapabilityAt(library, last.id, { parentId: area.id, index: 0 });
    expect(titles(library, area.id)).toEqual([before.at(-1), ...before.slice(0, -1)]);
    const [entry] = moves(library);
    expect(moves(library)).toHaveLength(1);
    expect(entry).toMatchObject({
      entityId: last.id,
      summary: `${last.title}: ${before.length} → 1`,
      detail: { fromParentId: area.id, fromIndex: before.length - 1, toParentId: area.id, toIndex: 0 },
    });
    placeCapabilityAt(library, last.id, { parentId: area.id, index: before.length - 1 });
    expect(titles(library, area.id)).toEqual(before);
    expect(moves(library)).toHaveLength(2);
  });

  it('moves an operation into another area; its question links stay', () => {
    const library = open();
    const [first, second] = listCapabilities(library.db).filter((c) => c.kind === 'area');
    const op = listCapabilities(library.db).find((c) => c.parentId === first!.id)!;
    const links = library.db
      .prepare('SELECT count(*) FROM question_capabilities WHERE capability_id = ?')
      .pluck()
      .get(op.id);
    placeCapabilityAt(library, op.id, { parentId: second!.id, index: 1 });
    expect(titles(library, second!.id)[1]).toBe(op.title);
    expect(titles(library, first!.id)).not.toContain(op.title);
    const positions = listCapabilities(library.db)
      .filter((c) => c.parentId === first!.id)
      .map((c) => c.position);
    expect(positions).toEqual(positions.map((_, i) => i));
    expect(
      library.db
        .prepare('SELECT count(*) FROM question_capabilities WHERE capability_id = ?')
        .pluck()
        .get(op.id),
    ).toBe(links);
    expect(moves(library)[0]!.summary).toBe(`${op.title}: ${first!.title} 1 → ${second!.title} 2`);
  });

  it('writes and logs nothing when dropped in place, and refuses a third level', () => {
    const library = open();
    const [area] = listCapabilities(library.db).filter((c) => c.kind === 'area');
    const [op, other] = listCapabilities(library.db).filter((c) => c.parentId === area!.id);
    placeCapabilityAt(library, op!.id, { parentId: area!.id, index: 0 });
    expect(moves(library)).toHaveLength(0);
    expect(() => placeCapabilityAt(library, op!.id, { parentId: other!.id, index: 0 })).toThrow(KotaeError);
    expect(() => placeCapabilityAt(library, area!.id, { parentId: other!.id, index: 0 })).toThrow(KotaeError);
    expect(moves(library)).toHaveLength(0);
  });
});
