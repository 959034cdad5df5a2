import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortKey, ShortTermIds } from './shortTermIds';

describe('short term ids', () => {
  it('give back every id stored, across growth, and -1 for a key never stored', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 2, unit: 'binary' }), { maxLength: 2000 }),
        (terms) => {
          const table = new ShortTermIds();
          const stored = terms.filter((t) => t.length <= 2 && t.charCodeAt(0) !== 0);
          stored.forEach((t, i) => table.set(shortKey(t, 0, t.length), i + 1));
          stored.forEach((t, i) => expect(table.get(shortKey(t, 0, t.length))).toBe(i + 1));
          expect(table.get(shortKey('\uffff\uffff', 0, 2))).toBe(
            stored.includes('\uffff\uffff') ? stored.indexOf('\uffff\uffff') + 1 : -1,
          );
        },
      ),
    );
  });

  it('tell a one-unit term from any two-unit term', () => {
    expect(shortKey('画', 0, 1)).not.toBe(shortKey('画\u0001', 0, 2));
    expect(shortKey('x画像y', 1, 3)).toBe(shortKey('画像', 0, 2));
  });
});
