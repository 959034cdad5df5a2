import type { Database } from 'better-sqlite3';
import { KotaeError } from '../../../../shared/errors';
import type { Migration } from './index';

export function latestVersion(list: readonly Migration[]): number {
  return list.length === 0 ? 0 : list[list.length - 1]!.version;
}

/** A list whose versions do not strictly increase is a programming error caught by the tests. */
export function assertOrdered(list: readonly Migration[]): void {
  let previous = 0;
  for (const m of list) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`migration ${m.name}: version ${m.version} must be an integer above ${previous}`);
    }
    previous = m.version;
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a library written by a newer app before anything could touch it. */
export function assertNotNewer(db: Database, list: readonly Migration[]): void {
  const found = schemaVersion(db);
  const supported = latestVersion(list);
  if (found > supported) {
    throw new KotaeError('LIBRARY_TOO_NEW', { found, supported });
  }
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

/** Runs every pending migration in one transaction: a library is at one version or the next, never between. */
export function migrate(db: Database, list: readonly Migration[]): MigrationResult {
  assertOrdered(list);
  assertNotNewer(db, list);
  const from = schemaVersion(db);
  const pending = list.filter((m) => m.version > from);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: schemaVersion(db), applied: pending.map((m) => `${m.version}-${m.name}`) };
}
