// npm test: typechecks and lints, builds the app, runs the unit tests (vitest) and the UI specs
// (Playwright), and ends
// with ONE plain line for the whole suite: `N passed, N failed` (`, N skipped` when any), so a run
// that executed nothing is visible as such. Exit code 1 when anything failed or did not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

// Typecheck and lint first: a type error or a broken import boundary fails the run like a test.
for (const [title, script] of [
  ['typecheck (tsc, node + web + e2e projects)', 'typecheck'],
  ['lint (ESLint, import boundaries included)', 'lint'],
]) {
  if (run(title, 'npm', ['run', '--silent', script]) === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(`${script} failed (see above)`);
  }
}

if (run('build (electron-vite)', bin('electron-vite'), ['build']) !== 0) {
  totals.failed += 1;
  problems.push('the build failed, so the UI specs could not run');
} else {
  // Unit and service tests.
  const vitestFile = path.join(results, 'vitest.json');
  rmSync(vitestFile, { force: true });
  run('unit and service tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestFile}`,
  ]);
  const vitest = readJson(vitestFile);
  if (!vitest) {
    totals.failed += 1;
    problems.push('vitest wrote no report (it crashed or found no tests)');
  } else {
    totals.passed += vitest.numPassedTests;
    totals.failed += vitest.numFailedTests + (vitest.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
    // A test file that fails to load has no tests but must still fail the run.
    const brokenFiles = (vitest.testResults ?? []).filter(
      (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
    );
    totals.failed += brokenFiles.length;
    for (const f of brokenFiles)
      problems.push(`could not run ${path.relative(root, f.name)}: ${String(f.message).split('\n')[0]}`);
  }

  // UI specs in Chromium through the harness.
  const pwFile = path.join(results, 'playwright.json');
  rmSync(pwFile, { force: true });
  run('UI specs in Chromium (Playwright + harness)', bin('playwright'), ['test']);
  const pw = readJson(pwFile);
  if (!pw) {
    totals.failed += 1;
    problems.push('Playwright wrote no report');
  } else {
    totals.passed += pw.stats.expected + (pw.stats.flaky ?? 0);
    totals.failed += pw.stats.unexpected;
    totals.skipped += pw.stats.skipped;
    for (const e of pw.errors ?? []) problems.push(`Playwright: ${String(e.message).split('\n')[0]}`);
    if ((pw.errors ?? []).length) totals.failed += pw.errors.length;
  }

  // The same specs against the Electron app, where an Electron binary exists.
  const electronDir = path.join(root, 'node_modules', 'electron');
  const hasBinary = existsSync(path.join(electronDir, 'path.txt'));
  if (process.env.KOTAE_ELECTRON === '1' && hasBinary) {
    const electronFile = path.join(results, 'playwright-electron.json');
    rmSync(electronFile, { force: true });
    run('UI specs in Electron (Playwright _electron)', bin('playwright'), ['test'], {
      KOTAE_ELECTRON: '1',
      KOTAE_PW_JSON: electronFile,
    });
    const pe = readJson(electronFile);
    if (pe) {
      totals.passed += pe.stats.expected;
      totals.failed += pe.stats.unexpected;
      totals.skipped += pe.stats.skipped;
    } else {
      totals.failed += 1;
      problems.push('the Electron run wrote no report');
    }
  } else {
    const reason =
      process.env.KOTAE_ELECTRON !== '1'
        ? 'KOTAE_ELECTRON is not 1'
        : 'no Electron binary on this machine';
    console.log(`\nElectron runs: not run (${reason}); the UI specs ran in Chromium through the harness.`);
  }
}

for (const p of problems) console.log(`problem: ${p}`);
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
