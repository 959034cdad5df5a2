import type { Database } from 'better-sqlite3';

// Answer bundles (issue 7): the CRC-32 of each stored media file, which a zip entry must carry.
// Media are content-addressed and never change, so it is computed once (when the file is stored,
// or at the first export of an older file) and a bundle then copies the bytes without reading them.
// NULL means not known yet.
export function up(db: Database): void {
  db.exec(
    `ALTER TABLE media_assets ADD COLUMN crc32 INTEGER CHECK (crc32 IS NULL OR crc32 BETWEEN 0 AND 4294967295);`,
  );
}
