import { describe, expect, it } from 'vitest';
import { layoutParts, windowsFor } from './listWindows';

describe('a list of parts', () => {
  const layout = layoutParts([
    { key: 'overdue', count: 2, header: true },
    { key: 'today', count: 0, header: true },
    { key: 'closed', count: 250, header: true },
  ]);

  it('counts every header and item, and finds each row', () => {
    expect(layout.count).toBe(3 + 1 + 251);
    expect(layout.headerIndexes).toEqual([0, 3, 4]);
    expect(layout.at(0)).toEqual({ part: 'overdue', offset: null });
    expect(layout.at(2)).toEqual({ part: 'overdue', offset: 1 });
    expect(layout.at(3)).toEqual({ part: 'today', offset: null });
    expect(layout.at(5)).toEqual({ part: 'closed', offset: 0 });
    expect(layout.at(254)).toEqual({ part: 'closed', offset: 249 });
    expect(layout.at(255)).toBeNull();
    expect(layout.indexOf('closed', 249)).toBe(254);
    expect(layout.indexOf('today', 0)).toBeNull();
  });

  it('asks for the windows the rows in view need, each once', () => {
    expect(windowsFor(layout, 0, 10, 100)).toEqual([
      { part: 'overdue', offset: 0 },
      { part: 'closed', offset: 0 },
    ]);
    expect(windowsFor(layout, 100, 254, 100)).toEqual([
      { part: 'closed', offset: 0 },
      { part: 'closed', offset: 100 },
      { part: 'closed', offset: 200 },
    ]);
  });

  it('lays out a list without headers', () => {
    const flat = layoutParts([{ key: 'all', count: 3, header: false }]);
    expect(flat.count).toBe(3);
    expect(flat.at(0)).toEqual({ part: 'all', offset: 0 });
    expect(flat.headerIndexes).toEqual([]);
  });
});
