import Database from 'better-sqlite3';
import path from 'node:path';

/**
 * Leaves the library's questions_customer index disagreeing with its table, as a bad write or a
 * flipped bit in an index would: every b-tree is sound, so the checks at open (and SQLite's
 * quick_check) pass, and only the full integrity_check finds it. The index is redefined in the
 * schema as if it were over another column. The library must be closed.
 */
export function makeIndexStale(root: string): void {
  const db = new Database(path.join(root, 'library.sqlite'));
  db.unsafeMode(true); // better-sqlite3 opens in SQLite's defensive mode, which forbids writable_schema
  db.pragma('writable_schema = ON');
  db.prepare(
    "UPDATE sqlite_schema SET sql = replace(sql, '(customer_id,', '(product_id,') WHERE name = 'questions_customer'",
  ).run();
  db.close();
}
