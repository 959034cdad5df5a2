import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The CLI as a user runs it, for the CLI tests: a separate process through bin/kotae.mjs, in the
// language asked for (English unless said otherwise), whatever the machine's locale.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function kotaeIn(language: 'en' | 'ja', ...args: string[]): CliRun {
  const res = spawnSync(process.execPath, [path.join(root, 'bin/kotae.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', KOTAE_LANG: language },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

export function kotae(...args: string[]): CliRun {
  return kotaeIn('en', ...args);
}
