// npm run test:stress: hunts flaky UI specs the way a busy CI machine exposes them. Builds the app,
// starts two CPU-burning processes (as many as the machine has cores, at least two), then runs
//   1. the whole UI suite once, and
//   2. every editor and video spec five times over (--repeat-each=5),
// and ends with one line: `N passed, N failed`. A spec that fails here is a bug in the app or the
// spec (wait for what a person would see, never for time), not "load".
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const started = Date.now();

function run(title, command, args) {
  console.log(`\n=== ${title} ===`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
}

if (run('build', bin('electron-vite'), ['build']) !== 0) process.exit(1);

const burners = Array.from({ length: Math.max(2, os.availableParallelism()) }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopBurners = () => burners.forEach((b) => b.kill('SIGKILL'));
process.on('exit', stopBurners);
// A signal ends the run without 'exit' unless handled: stopping the run with kill left its burners
// spinning for hours.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
process.on('SIGHUP', () => process.exit(129));

const specs = readdirSync(path.join(root, 'e2e/specs'))
  .filter((f) => /^(answers|videos)[-.].*\.spec\.ts$/.test(f))
  .map((f) => path.join('e2e/specs', f));

const totals = { passed: 0, failed: 0 };
function playwright(title, args) {
  const report = path.join(root, 'test-results', `stress-${totals.passed + totals.failed}.json`);
  console.log(`\n=== ${title} ===`);
  spawnSync(bin('playwright'), ['test', ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KOTAE_PW_JSON: report },
  });
  try {
    const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
    totals.passed += stats.expected;
    totals.failed += stats.unexpected + (stats.flaky ?? 0);
  } catch {
    totals.failed += 1;
  }
}

playwright(`the whole UI suite beside ${burners.length} CPU burners`, []);
playwright(`editor and video specs ×5 beside ${burners.length} CPU burners`, [...specs, '--repeat-each=5']);
stopBurners();
console.log(`\nstress run took ${Math.round((Date.now() - started) / 60_000)} min`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
