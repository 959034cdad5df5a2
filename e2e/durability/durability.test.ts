import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../electron/core/library';
import { useTempDir } from '../../electron/core/testing';
import { killTrials, summaryLine } from './trials';

// The short version of `npm run durability`: a process writing through the core services is
// killed with SIGKILL at random moments; every write it reported after commit must be there.

const tempDir = useTempDir('kotae-durability-');

describe('kill -9 during writes', () => {
  it('loses no write that was reported committed, and the database stays sound', async () => {
    const lib = path.join(tempDir(), 'lib');
    createLibrary(lib).close();
    const report = await killTrials(lib, 3, 200);
    console.log(summaryLine(report));
    expect(report.problems).toEqual([]);
    expect(report.trials).toBe(3);
    expect(report.writesChecked).toBeGreaterThan(0);
    expect(report.lost).toBe(0);
  }, 120_000);
});
