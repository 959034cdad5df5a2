import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topOfBlocks, TopTracker } from './best';
import { bestOf, BLOCK_SIZE, decodeBlock, decodeTop, encodeBlock, encodeTop } from './codec';

const postings = fc
  .uniqueArray(fc.integer({ min: 1, max: 2 ** 40 }), { minLength: 1, maxLength: BLOCK_SIZE })
  .chain((numbers) =>
    fc.record({
      docnos: fc.constant([...numbers].sort((a, b) => a - b)),
      impacts: fc.array(fc.integer({ min: 1, max: 255 }), {
        minLength: numbers.length,
        maxLength: numbers.length,
      }),
    }),
  );

describe('posting blocks', () => {
  it('decode what they encode, numbers of any size', () => {
    fc.assert(
      fc.property(postings, ({ docnos, impacts }) => {
        const block = decodeBlock(encodeBlock(docnos, impacts), docnos.length);
        expect(block.docnos).toEqual(docnos);
        expect([...block.impacts]).toEqual(impacts);
      }),
    );
  });

  it('take one byte a posting plus one for its gap when numbers are close', () => {
    const docnos = Array.from({ length: BLOCK_SIZE }, (_, i) => 1000 + i * 3);
    expect(
      encodeBlock(
        docnos,
        docnos.map(() => 9),
      ).length,
    ).toBe(2 + BLOCK_SIZE * 2 - 1);
  });

  it('refuse a block whose length does not match its count', () => {
    const data = encodeBlock([1, 2, 3], [5, 5, 5]);
    expect(() => decodeBlock(data, 2)).toThrow(/3 postings|6 bytes/);
  });
});

describe('top lists', () => {
  it('hold the best postings, best first, and decode a prefix', () => {
    fc.assert(
      fc.property(postings, fc.integer({ min: 1, max: 40 }), (list, size) => {
        const top = bestOf(list, size);
        const sorted = list.docnos
          .map((d, i) => [list.impacts[i]!, d] as const)
          .sort((a, b) => b[0] - a[0] || b[1] - a[1])
          .slice(0, size);
        expect(top.docnos).toEqual(sorted.map((x) => x[1]));
        const data = encodeTop(top);
        expect(decodeTop(data, top.docnos.length)).toEqual(top);
        const k = Math.ceil(size / 2);
        expect(decodeTop(data, top.docnos.length, k).docnos).toEqual(top.docnos.slice(0, k));
      }),
    );
  });

  it('made from blocks equal the best of all their postings', () => {
    fc.assert(
      fc.property(
        fc.array(postings, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 300 }),
        (lists, size) => {
          // Blocks of one term have increasing, distinct numbers: shift each list past the one before.
          let base = 0;
          const all = { docnos: [] as number[], impacts: [] as number[] };
          const blocks = lists.map((l) => {
            const docnos = l.docnos.map((d) => d + base);
            base = docnos[docnos.length - 1]!;
            all.docnos.push(...docnos);
            all.impacts.push(...l.impacts);
            return { max: Math.max(...l.impacts), n: docnos.length, data: encodeBlock(docnos, l.impacts) };
          });
          expect(topOfBlocks(blocks, size)).toEqual(bestOf(all, size));
        },
      ),
    );
  });

  it('kept while postings stream in equal the best of all of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 255 }), { maxLength: 3000 }),
        fc.integer({ min: 1, max: 600 }),
        (impacts, size) => {
          const tracker = new TopTracker(size);
          impacts.forEach((impact, i) => tracker.add(i + 1, impact));
          expect(tracker.result()).toEqual(bestOf({ docnos: impacts.map((_, i) => i + 1), impacts }, size));
        },
      ),
    );
  });
});
