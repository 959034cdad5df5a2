import type { Database, Statement } from 'better-sqlite3';

// An import runs the same dozen statements for every message; preparing them once per database
// instead of once per message was a third of a 10,000-message import (bench/import.bench.ts).
const cache = new WeakMap<Database, Map<string, Statement>>();

export function prepared(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
