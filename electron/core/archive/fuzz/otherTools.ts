import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// How other tools read a zip, for the differential fuzzer: Python's zipfile (what many scripts and
// mail scanners use) and Info-ZIP unzip (`-Z1` and a real extraction). Each reading is names with
// the sha256 of their bytes, or an error.

export interface ToolReading {
  ok: boolean;
  /** Every entry's name, folders (ending in `/`) included, in the tool's order. */
  names: string[];
  /** sha256 of each file's bytes (folders left out). */
  files: Map<string, string>;
  error: string;
}

const PYTHON_READER = String.raw`
import hashlib, json, sys, zipfile
for line in sys.stdin:
    path = line.rstrip("\n")
    try:
        with zipfile.ZipFile(path) as z:
            names, files = [], []
            for info in z.infolist():
                names.append(info.filename)
                if not info.is_dir():
                    files.append([info.filename, hashlib.sha256(z.read(info)).hexdigest()])
        out = {"ok": True, "names": names, "files": files}
    except Exception as e:
        out = {"ok": False, "error": type(e).__name__ + ": " + str(e)[:200]}
    print(json.dumps(out), flush=True)
`;

export function haveOtherTools(): { python: boolean; unzip: boolean } {
  return {
    python: spawnSync('python3', ['--version']).status === 0,
    unzip: spawnSync('unzip', ['-v']).status === 0,
  };
}

/** Python's reading of each zip, from one python3 process for all of them. */
export function pythonReadings(files: string[]): ToolReading[] {
  if (!files.length) return [];
  const r = spawnSync('python3', ['-c', PYTHON_READER], {
    input: `${files.join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  if (lines.length !== files.length) throw new Error(`python3 read ${lines.length} of ${files.length} zips`);
  return lines.map((line) => {
    const o = JSON.parse(line) as {
      ok: boolean;
      names?: string[];
      files?: [string, string][];
      error?: string;
    };
    return {
      ok: o.ok,
      names: o.names ?? [],
      files: new Map(o.files ?? []),
      error: o.error ?? '',
    };
  });
}

const unzipEnv = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

/** Every file under `dir` with the sha256 of its bytes; names that are not UTF-8 keep U+FFFD. */
function walk(dir: Buffer, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const d of readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) {
    const full = Buffer.concat([dir, Buffer.from('/'), d.name]);
    const rel = `${prefix}${d.name.toString('utf8')}`;
    if (d.isDirectory()) out.push(...walk(full, `${rel}/`));
    else out.push([rel, createHash('sha256').update(readFileSync(full)).digest('hex')]);
  }
  return out;
}

/**
 * unzip's listing (`-Z1`) and what it extracts into a fresh folder, which must end with exit 0:
 * extracting tests every CRC-32 as `unzip -t` does, and any warning (stray bytes, an odd header)
 * is an exit code of its own. Only for zips we accepted, whose names are safe to create.
 */
export function unzipReading(file: string): ToolReading {
  const list = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8', env: unzipEnv });
  if (list.status !== 0) {
    return {
      ok: false,
      names: [],
      files: new Map(),
      error: `unzip -Z1 exit ${list.status}: ${list.stderr.trim()}`,
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-unzip-'));
  try {
    const x = spawnSync('unzip', ['-qq', '-o', file, '-d', dir], { encoding: 'utf8', env: unzipEnv });
    if (x.status !== 0) {
      return {
        ok: false,
        names: [],
        files: new Map(),
        error: `unzip exit ${x.status}: ${(x.stdout + x.stderr).trim().slice(0, 300)}`,
      };
    }
    return {
      ok: true,
      names: list.stdout.split('\n').filter((l) => l.length > 0),
      files: new Map(walk(Buffer.from(dir))),
      error: '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
