import type { z } from 'zod';

// The manifest of an archive someone hands us (a bundle's manifest.json, a backup's
// kotae-backup.json): JSON, a format version we must know, then its schema. A newer version is
// named as such ("made by a newer Kotae Studio"), not reported as a broken file.

export type ManifestProblem = 'badManifest' | 'unsupportedFormat';

export function parseVersionedManifest<T>(
  data: Buffer,
  schema: z.ZodType<T>,
  supportedVersion: number,
  fail: (problem: ManifestProblem, params: Record<string, string | number>) => Error,
): T {
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (err) {
    throw fail('badManifest', { detail: (err as Error).message });
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > supportedVersion) {
    throw fail('unsupportedFormat', { found: version, supported: supportedVersion });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail('badManifest', { detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
  }
  return parsed.data;
}
