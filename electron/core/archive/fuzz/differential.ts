import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readWholeZip, type ZipReading } from '../readWholeZip';
import type { ArchiveFail, ArchiveLimits } from '../safeZip';
import type { FuzzCase } from './mutations';
import { pythonReadings, unzipReading, type ToolReading } from './otherTools';

// The rule of the differential fuzzer (issue 15): whenever Python's zipfile or unzip reads a zip
// differently from a reading of ours that succeeded (other names, another count, other bytes) or
// fails on it, ours must have refused it. We may refuse more than they do; never accept a zip they
// read another way.

export interface Disagreement {
  index: number;
  labels: string[];
  file: string;
  ours: string;
  tool: 'python' | 'unzip';
  theirs: string;
}

export interface DifferentialResult {
  cases: number;
  /** Cases our reader accepted (each compared with both tools). */
  accepted: number;
  disagreements: Disagreement[];
  /** Cases we refused though Python read them without complaint (allowed; for information). */
  refusedPythonRead: number;
}

class Refusal extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}
const fail: ArchiveFail = (problem) => new Refusal(problem);

export const FUZZ_LIMITS: ArchiveLimits = {
  maxEntries: 100,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

async function ourReading(file: string): Promise<ZipReading | string> {
  try {
    return await readWholeZip(file, FUZZ_LIMITS, fail);
  } catch (err) {
    if (err instanceof Refusal) return err.problem;
    // Anything but a refusal of ours is a bug of the reader: let the run fail loudly.
    throw err;
  }
}

const sorted = (names: Iterable<string>) => [...names].sort();

/** Where a tool's reading differs from ours, in words; null when it is the same. */
export function difference(ours: ZipReading, theirs: ToolReading): string | null {
  if (!theirs.ok) return `fails: ${theirs.error}`;
  if (theirs.names.length !== ours.entryCount) {
    return `${theirs.names.length} entries, ours ${ours.entryCount}: ${JSON.stringify(theirs.names)}`;
  }
  const theirFiles = sorted(theirs.names.filter((n) => !n.endsWith('/')));
  const ourFiles = sorted(ours.files.map((f) => f.name));
  if (JSON.stringify(theirFiles) !== JSON.stringify(ourFiles)) {
    return `names ${JSON.stringify(theirFiles)}, ours ${JSON.stringify(ourFiles)}`;
  }
  for (const f of ours.files) {
    const sha = createHash('sha256').update(f.data).digest('hex');
    if (theirs.files.get(f.name) !== sha) return `other bytes for ${JSON.stringify(f.name)}`;
  }
  if (theirs.files.size !== ours.files.length) return `${theirs.files.size} files, ours ${ours.files.length}`;
  return null;
}

/** Writes each case to `dir`, reads it with us, Python and unzip, and applies the rule above. */
export async function runDifferential(cases: FuzzCase[], dir: string): Promise<DifferentialResult> {
  const files = cases.map((c, i) => {
    const file = path.join(dir, `case-${String(i).padStart(5, '0')}.zip`);
    writeFileSync(file, c.bytes);
    return file;
  });
  const ours: (ZipReading | string)[] = [];
  for (const file of files) ours.push(await ourReading(file));
  const python = pythonReadings(files);
  const result: DifferentialResult = {
    cases: cases.length,
    accepted: 0,
    disagreements: [],
    refusedPythonRead: 0,
  };
  cases.forEach((c, i) => {
    const mine = ours[i]!;
    const file = files[i]!;
    if (typeof mine === 'string') {
      if (python[i]!.ok) result.refusedPythonRead++;
      return;
    }
    result.accepted++;
    const shown = `read ${mine.files.map((f) => f.name).join(', ') || '(no files)'}`;
    const report = (tool: Disagreement['tool'], theirs: string) =>
      result.disagreements.push({ index: i, labels: c.labels, file, ours: shown, tool, theirs });
    const py = difference(mine, python[i]!);
    if (py) report('python', py);
    const unz = difference(mine, unzipReading(file));
    if (unz) report('unzip', unz);
  });
  return result;
}
