import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../library';
import { useTempDir } from '../../testing';
import { writeBlocks } from '../indexing/merge';
import { impactsOf } from './reader';

const tempDir = useTempDir();

describe('impacts of given documents', () => {
  it('are those of the postings in the blocks, 0 where the term is absent, whichever way they are read', () => {
    const library = createLibrary(path.join(tempDir(), 'lib'));
    const db = library.db;
    // One term of ~2,000 postings (16 blocks) in kind 0, another term's blocks around it.
    const docnos: number[] = [];
    const impacts: number[] = [];
    for (let d = 3, i = 0; docnos.length < 2000; d += 1 + (i++ % 7)) {
      docnos.push(d);
      impacts.push(1 + ((d * 37) % 255));
    }
    writeBlocks(db, 7, 0, docnos, impacts);
    writeBlocks(db, 6, 0, [1, 2, 3, 4], [9, 9, 9, 9]);
    writeBlocks(db, 8, 0, [5, 9000], [4, 4]);
    writeBlocks(db, 7, 1, [4, 6], [200, 200]);
    const impactOf = new Map(docnos.map((d, i) => [d, impacts[i]!]));
    const last = docnos[docnos.length - 1]!;
    // The first and last number of every block, and their neighbours.
    const edges = docnos.filter((_, i) => i % 128 === 0 || i % 128 === 127).flatMap((d) => [d - 1, d, d + 1]);
    const lasts = docnos.filter((_, i) => i % 128 === 127);
    for (const wanted of [edges, edges.filter((_, i) => i % 3 === 1), lasts, docnos]) {
      const sorted = [...new Set(wanted)].sort((a, b) => a - b);
      const truth = sorted.map((d) => impactOf.get(d) ?? 0);
      expect([...impactsOf(db, 7, 0, sorted, 1)]).toEqual(truth);
      expect([...impactsOf(db, 7, 0, sorted, 3000)]).toEqual(truth);
      expect([...impactsOf(db, 7, 0, sorted, 10 ** 9)]).toEqual(truth);
    }
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: last + 50 }), { minLength: 1, maxLength: 400 }),
        (wanted) => {
          const sorted = [...wanted].sort((a, b) => a - b);
          const truth = sorted.map((d) => impactOf.get(d) ?? 0);
          // The document frequency says how to read: a rare term's blocks as rows, a commoner
          // one's as one row of bytes, a common one's looked up document by document.
          expect([...impactsOf(db, 7, 0, sorted, 1)]).toEqual(truth);
          expect([...impactsOf(db, 7, 0, sorted, 3000)]).toEqual(truth);
          expect([...impactsOf(db, 7, 0, sorted, 10 ** 9)]).toEqual(truth);
        },
      ),
      { numRuns: 60 },
    );
    library.close();
  });
});
