import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KotaeError } from '../../../../shared/errors';
import { useTempDir } from '../../testing';
import { migrations, type Migration } from './index';
import { assertOrdered, latestVersion, migrate, schemaVersion } from './runner';

const tempDir = useTempDir();

function schemaOf(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as { type: string; name: string; sql: string | null }[]
  ).map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
}

describe('migration runner', () => {
  it('creates a fresh library at the latest version', () => {
    const db = new Database(path.join(tempDir(), 'a.sqlite'));
    const result = migrate(db, migrations);
    expect(result.from).toBe(0);
    expect(result.to).toBe(latestVersion(migrations));
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(schemaOf(db).some((s) => s.startsWith('table questions'))).toBe(true);
    db.close();
  });

  it('upgrades from every earlier version to the same schema as a fresh create', () => {
    const fresh = new Database(':memory:');
    migrate(fresh, migrations);
    const expected = schemaOf(fresh);
    for (let i = 0; i < migrations.length; i++) {
      const db = new Database(':memory:');
      migrate(db, migrations.slice(0, i)); // a library written by the version that had i migrations
      const result = migrate(db, migrations);
      expect(result.applied).toHaveLength(migrations.length - i);
      expect(schemaOf(db)).toEqual(expected);
      db.close();
    }
  });

  it('is a no-op on a library that is up to date', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    expect(migrate(db, migrations).applied).toEqual([]);
  });

  it('refuses a library written by a newer app, without touching it', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${latestVersion(migrations) + 10}`);
    expect(() => migrate(db, migrations)).toThrowError(KotaeError);
    try {
      migrate(db, migrations);
    } catch (err) {
      expect((err as KotaeError).code).toBe('LIBRARY_TOO_NEW');
    }
    expect(schemaOf(db)).toEqual([]);
  });

  it('rolls back every migration of a failed upgrade', () => {
    const broken: Migration[] = [
      ...migrations,
      {
        version: latestVersion(migrations) + 10,
        name: 'adds',
        up: (db) => db.exec('CREATE TABLE extra (id INTEGER) STRICT'),
      },
      { version: latestVersion(migrations) + 20, name: 'fails', up: (db) => db.exec('THIS IS NOT SQL') },
    ];
    const db = new Database(':memory:');
    migrate(db, migrations);
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(latestVersion(migrations));
    expect(schemaOf(db).some((s) => s.includes('extra'))).toBe(false);
  });

  it('rejects a list whose versions do not increase', () => {
    expect(() => assertOrdered([...migrations, { version: 5, name: 'late', up: () => undefined }])).toThrow(
      /must be an integer above/,
    );
    expect(() => assertOrdered(migrations)).not.toThrow();
  });
});
