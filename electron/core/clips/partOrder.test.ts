import { describe, expect, it } from 'vitest';
import type { Part } from './plan';
import { partCost, runOrder } from './partOrder';

const copy = (startS: number, endS: number): Part => ({ kind: 'copy', first: 0, end: 0, startS, endS, dtsCutS: null });
const encode = (seekS: number, startS: number, endS: number): Part => ({
  kind: 'encode',
  first: 0,
  end: 0,
  startS,
  endS,
  seekS,
  why: ['redaction'],
});

describe('the order parts run in', () => {
  it('counts encoded seconds, a fifth of the seconds decoded before them, zoomed seconds twice, copies at a thirtieth', () => {
    expect(partCost(encode(90, 95, 105), [])).toBeCloseTo(11);
    expect(partCost(encode(100, 100, 110), [{ startS: 105, endS: 120 }])).toBeCloseTo(15);
    expect(partCost(copy(0, 300), [])).toBeCloseTo(9);
  });

  it('runs the costliest first and keeps the plan order between equals (the redact bench’s parts)', () => {
    const parts = [
      copy(0, 95.27),
      encode(91.67, 95.27, 108.33),
      copy(108.33, 250.7),
      encode(250, 250.7, 266.67),
      copy(266.67, 401.1),
      encode(400, 401.1, 416.67),
      copy(416.67, 480.2),
      encode(475, 480.2, 491.67),
      copy(491.67, 600),
    ];
    const zooms = [{ startS: 480.2, endS: 485.2 }];
    expect(runOrder(parts, zooms)).toEqual([7, 3, 5, 1, 2, 4, 8, 0, 6]);
    expect(runOrder([copy(0, 1), copy(1, 2)], [])).toEqual([0, 1]);
  });
});
