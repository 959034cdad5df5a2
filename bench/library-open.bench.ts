import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLibrary, openLibrary, seedDemo } from '../electron/core/library';
import { percentile, report } from './report';

// How long opening the demo library takes (the checks at open, migrations, WAL), which
// is what the vendor waits for at every start.
const dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-open-'));
const root = path.join(dir, 'lib');
createLibrary(root, { seed: seedDemo }).close();

const samples: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  const library = openLibrary(root);
  samples.push(performance.now() - t0);
  library.close();
}
rmSync(dir, { recursive: true, force: true });

report(
  'library-open',
  { runs: samples.length, open_ms_p50: percentile(samples, 50), open_ms_p95: percentile(samples, 95) },
  { open_ms_p95: { max: 100 } },
);
