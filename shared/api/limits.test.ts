import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channels } from './index';
import { unboundedPaths } from './limits';

// Every string and list a window can send is bounded in its channel's schema, so no input can make
// the core read, index or store text without end (issue 9). New channels are held to it too.

describe('channel inputs are bounded', () => {
  it('finds an unbounded string or list where there is one', () => {
    expect(unboundedPaths(z.object({ a: z.string(), b: z.array(z.string().max(3)), c: z.string().max(9) }))).toEqual([
      'a',
      'b[] (count)',
    ]);
    expect(unboundedPaths(z.object({ n: z.object({ s: z.string().optional() }).nullable() }))).toEqual(['n.s']);
  });

  it('every string and list of every channel input has a maximum', () => {
    const open = Object.entries(channels).flatMap(([name, spec]) =>
      unboundedPaths(spec.input).map((p) => `${name}: ${p}`),
    );
    expect(open).toEqual([]);
  });
});
