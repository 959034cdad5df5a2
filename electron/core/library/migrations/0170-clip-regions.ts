import type { Database } from 'better-sqlite3';

// Redactions and zoom regions (issue 21) are part of a clip's edit, beside its segments and
// chapters: each a JSON array checked by the ClipEdit schema (shared/domain/clip.ts) on every write
// and read. Existing clips have none.
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE clips ADD COLUMN redactions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(redactions));
    ALTER TABLE clips ADD COLUMN zooms TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(zooms));
  `);
}
