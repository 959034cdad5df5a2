import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runDifferential, fuzzCases, haveOtherTools } from '../electron/core/archive/testing';
import { report } from './report';

// The long pass of the differential zip fuzzer (issue 15): many malformed zips, read by us, by
// Python's zipfile and by unzip; `disagreements` counts the zips we accepted that either tool read
// differently (other names, count or bytes) or failed on. It must be 0.
//   npm run bench -- zip-fuzz [cases] [seed]
// Cases are made and compared in batches, so memory stays flat however many there are.

const cases = Number(process.argv[2] ?? 5000);
const seed = Number(process.argv[3] ?? 1);
const BATCH = 500;

const tools = haveOtherTools();
if (!tools.python || !tools.unzip) {
  console.error('zip-fuzz needs python3 and unzip (apt-get install -y python3 unzip)');
  process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-zip-fuzz-'));
const started = performance.now();
let accepted = 0;
let refusedPythonRead = 0;
const disagreements: Awaited<ReturnType<typeof runDifferential>>['disagreements'] = [];
try {
  for (let done = 0; done < cases; done += BATCH) {
    const batchDir = mkdtempSync(path.join(dir, 'batch-'));
    // Each batch has its own seed derived from the run's: the same run always makes the same zips.
    const result = await runDifferential(
      fuzzCases(seed * 1_000_003 + done, Math.min(BATCH, cases - done)),
      batchDir,
    );
    accepted += result.accepted;
    refusedPythonRead += result.refusedPythonRead;
    disagreements.push(...result.disagreements.map((d) => ({ ...d, index: d.index + done })));
    if (!result.disagreements.length) rmSync(batchDir, { recursive: true, force: true });
    process.stderr.write(
      `\r${Math.min(done + BATCH, cases)} / ${cases} cases, ${disagreements.length} disagreements`,
    );
  }
  process.stderr.write('\n');
  for (const d of disagreements.slice(0, 20)) console.log(JSON.stringify(d));
  if (disagreements.length) console.log(`zips of the disagreements kept in ${dir}`);
  report(
    'zip-fuzz',
    {
      cases,
      accepted,
      refused: cases - accepted,
      refused_python_read: refusedPythonRead,
      disagreements: disagreements.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    { disagreements: { max: 0 } },
  );
} finally {
  if (!disagreements.length) rmSync(dir, { recursive: true, force: true });
}
