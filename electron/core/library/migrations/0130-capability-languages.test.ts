import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing';
import { migrations } from './index';
import { migrate } from './runner';

const tempDir = useTempDir();

/** A library as version 110 left it, with the catalogue given, then upgraded. */
function upgraded(titles: [string, string][]) {
  const db = new Database(path.join(tempDir(), 'lib.sqlite'));
  migrate(
    db,
    migrations.filter((m) => m.version < 130),
  );
  db.prepare("INSERT INTO products (id, name, created_at) VALUES (1, 'p', 'now')").run();
  const add = db.prepare(
    "INSERT INTO capabilities (product_id, kind, title, description, created_at, updated_at) VALUES (1, 'area', ?, ?, 'now', 'now')",
  );
  for (const [title, description] of titles) add.run(title, description);
  migrate(db, migrations);
  const rows = db
    .prepare('SELECT title, title_ja, description_ja, title_en, description_en FROM capabilities ORDER BY id')
    .all();
  db.close();
  return rows;
}

describe('migration 0130: capability texts per language', () => {
  it('puts a Japanese catalogue in Japanese, an entry in Latin letters included', () => {
    expect(
      upgraded([
        ['ショップ', '決済'],
        ['FTP', ''],
      ]),
    ).toEqual([
      { title: 'ショップ', title_ja: 'ショップ', description_ja: '決済', title_en: '', description_en: '' },
      { title: 'FTP', title_ja: 'FTP', description_ja: '', title_en: '', description_en: '' },
    ]);
  });

  it('puts an English catalogue in English', () => {
    expect(upgraded([['Shop', 'Payments']])).toEqual([
      { title: 'Shop', title_ja: '', description_ja: '', title_en: 'Shop', description_en: 'Payments' },
    ]);
  });
});
