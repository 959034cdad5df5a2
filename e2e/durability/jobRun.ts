import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../../electron/core/library';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export interface ChildRun {
  lines: string[];
  killed: boolean;
}

/**
 * Runs one job in a child process (jobChild.ts) and kills it with SIGKILL on the first update line
 * for which `killWhen` is true. When the job ends first, `killed` is false.
 */
export function runJobChild(
  kind: 'render' | 'export' | 'publish' | 'backup' | 'restore' | 'import',
  args: { userData: string; library: string; out: string; input: unknown },
  killWhen: (line: string) => boolean,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'jobChild.ts'),
        kind,
        args.userData,
        args.library,
        args.out,
        JSON.stringify(args.input),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (!killed && killWhen(line)) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (!killed && code !== 0)
        reject(new Error(`job child failed (${code}): ${lines.join('\n')}\n${stderr}`));
      else resolve({ lines, killed });
    });
  });
}

/** Files under a folder whose name (or a parent folder's) does not start with a dot. */
export function visibleFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => !f.split(path.sep).some((part) => part.startsWith('.')))
      .sort();
  } catch {
    return [];
  }
}

/** Media files on disk that no row of the library knows: partial output of a job. */
export function unknownMediaFiles(library: Library): string[] {
  const known = new Set(
    (
      library.db
        .prepare('SELECT sha256 FROM media_assets UNION SELECT sha256 FROM media_derivatives')
        .all() as { sha256: string }[]
    ).map((r) => r.sha256),
  );
  return readdirSync(library.media.dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /[0-9a-f]{64}/.test(f))
    .filter((f) => !known.has(/([0-9a-f]{64})/.exec(f)![1]!));
}
