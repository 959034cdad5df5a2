import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../electron/core/library';

// Kill -9 a process writing to a library at random moments, then check that every write it
// reported as committed is there and that SQLite's integrity check passes. Used by the short vitest
// run (durability.test.ts) and the long one (`npm run durability`).

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export interface TrialReport {
  trials: number;
  writesChecked: number;
  lost: number;
  /** What went missing, for the failure message. */
  problems: string[];
}

interface Reported {
  answers: Map<number, string>;
  draftId: number | null;
  lastAutosave: number | null;
  finished: boolean;
}

function parse(lines: string[]): Reported {
  const reported: Reported = { answers: new Map(), draftId: null, lastAutosave: null, finished: false };
  for (const line of lines) {
    const [kind, id, ...rest] = line.split(' ');
    if (kind === 'draft') reported.draftId = Number(id);
    else if (kind === 'answer') reported.answers.set(Number(id), rest.join(' '));
    else if (kind === 'autosave') reported.lastAutosave = Number(rest[0]);
    else if (kind === 'done') reported.finished = true;
  }
  return reported;
}

/** Runs the writer and kills it with SIGKILL right after it reported `killAfter` lines. */
function runAndKill(dir: string, writes: number, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'writer.ts'), dir, String(writes)],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length >= killAfter) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      // Only complete lines count: a torn last line was never fully reported.
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`writer failed (${code}): ${stderr}`));
      else resolve(lines);
    });
  });
}

function check(dir: string, reported: Reported, problems: string[]): number {
  const library = openLibrary(dir, { actor: 'durability-check' });
  try {
    const integrity = library.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    let lost = 0;
    const title = library.db.prepare('SELECT title FROM answers WHERE id = ?');
    for (const [id, expected] of reported.answers) {
      const row = title.get(id) as { title: string } | undefined;
      if (row?.title !== expected) {
        lost++;
        problems.push(`answer ${id} (${expected}) reported committed, found ${row ? row.title : 'nothing'}`);
      }
    }
    if (reported.draftId !== null && reported.lastAutosave !== null) {
      const row = library.db.prepare('SELECT plain_text FROM answers WHERE id = ?').get(reported.draftId) as
        { plain_text: string } | undefined;
      const saved = Number(/typed up to (\d+)/.exec(row?.plain_text ?? '')?.[1] ?? -1);
      // The last autosave reported must be there (a later one may have landed before the kill too).
      if (saved < reported.lastAutosave) {
        lost++;
        problems.push(
          `autosave ${reported.lastAutosave} of answer ${reported.draftId} reported, found ${saved}`,
        );
      }
    }
    return lost;
  } finally {
    library.close();
  }
}

/** `trials` runs of `writes` writes each against one library, each killed at a random line. */
export async function killTrials(
  dir: string,
  trials: number,
  writes: number,
  random: () => number = Math.random,
  onTrial?: (n: number, report: TrialReport) => void,
): Promise<TrialReport> {
  const report: TrialReport = { trials: 0, writesChecked: 0, lost: 0, problems: [] };
  for (let n = 0; n < trials; n++) {
    // +1 for the `draft` line; a kill after the last line lets the run finish now and then.
    const killAfter = 1 + Math.floor(random() * (writes + 1));
    const lines = await runAndKill(dir, writes, killAfter);
    const reported = parse(lines);
    report.lost += check(dir, reported, report.problems);
    report.writesChecked += reported.answers.size + (reported.lastAutosave !== null ? 1 : 0);
    report.trials++;
    onTrial?.(n + 1, report);
  }
  return report;
}

export function summaryLine(report: TrialReport): string {
  return `trials ${report.trials}, writes checked ${report.writesChecked}, lost ${report.lost}`;
}
