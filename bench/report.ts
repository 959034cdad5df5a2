import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Target = { max: number } | { min: number };

export interface BenchResult {
  name: string;
  when: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; platform: string; node: string };
  figures: Record<string, number>;
  targets: Record<string, Target>;
}

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** Writes bench/results/<name>.json in the one shape all benchmarks share, and prints a table. */
export function report(
  name: string,
  figures: Record<string, number>,
  targets: Record<string, Target> = {},
): BenchResult {
  const result: BenchResult = {
    name,
    when: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
    },
    figures,
    targets,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const rows = Object.entries(figures).map(([key, value]) => {
    const target = targets[key];
    const goal = target ? ('max' in target ? `≤ ${target.max}` : `≥ ${target.min}`) : '';
    const met = target ? ('max' in target ? value <= target.max : value >= target.min) : null;
    return [key, format(value), goal, met === null ? '' : met ? 'ok' : 'MISSED'];
  });
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...[['figure', 'value', 'target', ''], ...rows].map((r) => r[i]!.length)),
  );
  const line = (r: string[]) =>
    r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${name}  (${result.machine.cpus} cores, ${result.machine.cpuModel})`);
  console.log(line(['figure', 'value', 'target', '']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log(`\nwritten to bench/results/${name}.json`);
  return result;
}

function format(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 10 ? 3 : 1);
}

/** Percentile of a list of samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
