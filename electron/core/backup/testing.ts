import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { createLibrary, seedDemo, type Library } from '../library';

/** A demo library with a few media files of different sizes (one past a megabyte). */
export async function libraryWithMedia(dir: string): Promise<Library> {
  const library = createLibrary(dir, { seed: seedDemo });
  for (const size of [0, 1, 4096, 1024 * 1024 + 7]) await library.media.addBuffer(randomBytes(size), 'bin');
  await library.media.addBuffer(Buffer.from('not random, compresses well '.repeat(10_000)), 'txt');
  return library;
}

/** Every row of every table, in rowid order: two databases with equal dumps hold the same data. */
export function logicalDump(db: Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const withoutRowid = /WITHOUT ROWID/i.test(
      (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql,
    );
    out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${withoutRowid ? '1' : 'rowid'}`).all();
  }
  out['@schema'] = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  out['@user_version'] = [db.pragma('user_version', { simple: true })];
  return out;
}
