// Product versions as vendors write them: "4.2.1", "5.0", "5.0.0", "2024.3", "5.1-beta2". Compared
// part by part, numbers as numbers ("4.10" is after "4.9"), a missing part as 0 ("5.0" = "5.0.0"),
// and a version with a pre-release label before the same version without one ("5.0-rc1" < "5.0").
// One pass over each string, no regular expression: versions come from step data anyone could edit.

interface Parsed {
  numbers: number[];
  /** The first non-numeric part ("beta2", "rc1"), or '' for a release. */
  label: string;
}

function parse(version: string): Parsed {
  const numbers: number[] = [];
  let label = '';
  let current = '';
  const flush = () => {
    if (!current) return;
    if (!label && /^\d+$/.test(current)) numbers.push(Number(current));
    else if (!label) label = current.toLowerCase();
    current = '';
  };
  for (const ch of version.trim().replace(/^v/i, '')) {
    if (ch === '.' || ch === '-' || ch === '_' || ch === '+' || ch === ' ') flush();
    else if (/^\d+$/.test(current) && !/\d/.test(ch)) {
      // "5rc1": the number, then the label.
      flush();
      current = ch;
    } else current += ch;
  }
  flush();
  return { numbers, label };
}

/** Negative when a is older than b, 0 when they are the same version, positive when a is newer. */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  const length = Math.max(x.numbers.length, y.numbers.length);
  for (let i = 0; i < length; i++) {
    const d = (x.numbers[i] ?? 0) - (y.numbers[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (x.label === y.label) return 0;
  if (!x.label) return 1;
  if (!y.label) return -1;
  return x.label < y.label ? -1 : 1;
}

export function isOlderVersion(a: string, b: string): boolean {
  return compareVersions(a, b) < 0;
}

/** The oldest of some versions, or null for none. */
export function oldestVersion(versions: readonly string[]): string | null {
  let oldest: string | null = null;
  for (const v of versions) if (oldest === null || compareVersions(v, oldest) < 0) oldest = v;
  return oldest;
}
