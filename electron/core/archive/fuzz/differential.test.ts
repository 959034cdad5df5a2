import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing';
import { runDifferential } from './differential';
import { fuzzCases } from './mutations';
import { haveOtherTools } from './otherTools';

// The short pass of the differential zip fuzzer (issue 15): a few hundred malformed zips from a fixed
// seed, read by us, by Python's zipfile and by unzip. Whenever either tool reads a zip differently
// from a reading of ours that succeeded, or fails on it, ours must have refused it. The long pass is
// `npm run bench -- zip-fuzz`.

const tempDir = useTempDir('kotae-zip-fuzz-');
const tools = haveOtherTools();
const SEED = 20260115;
const CASES = 300;

describe('differential zip fuzzing', () => {
  // CI installs both (.ci/run: python3, unzip); a machine without them has nothing to compare with.
  it.skipIf(!tools.python || !tools.unzip)(
    `${CASES} malformed zips: we never accept one that Python or unzip reads differently`,
    async () => {
      const result = await runDifferential(fuzzCases(SEED, CASES), tempDir());
      expect(result.disagreements, JSON.stringify(result.disagreements.slice(0, 5), null, 1)).toEqual([]);
      expect(result.cases).toBe(CASES);
      // The pass means something only if it accepts a fair share (valid zips and harmless changes)
      // and refuses the rest.
      expect(result.accepted).toBeGreaterThan(CASES / 10);
      expect(result.accepted).toBeLessThan(CASES);
    },
    300_000,
  );
});
