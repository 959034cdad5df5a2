// `npm run durability [-- TRIALS WRITES]`: the long kill -9 run (50 trials × 1,000 writes by
// default). Ends with one line: `trials N, writes checked N, lost 0`; exit 1 when anything was lost.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLibrary } from '../../electron/core/library';
import { killTrials, summaryLine } from './trials';

const trials = Number(process.argv[2] ?? 50);
const writes = Number(process.argv[3] ?? 1000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-durability-'));
try {
  createLibrary(path.join(dir, 'lib')).close();
  const report = await killTrials(path.join(dir, 'lib'), trials, writes, Math.random, (n, r) => {
    if (process.stderr.isTTY) process.stderr.write(`\rtrial ${n}/${trials}: ${summaryLine(r)}   `);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const problem of report.problems.slice(0, 20)) console.error(problem);
  console.log(summaryLine(report));
  process.exitCode = report.lost === 0 && report.problems.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
