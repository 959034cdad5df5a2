import type { Database } from 'better-sqlite3';

// Video answers (issue 6): how a clip renders and what its last render produced, where a media
// asset came from, and the cache of files derived from an asset (frame index, thumbnail strip,
// waveform), kept in the media store like any other file.
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE clips ADD COLUMN options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options));
    ALTER TABLE clips ADD COLUMN rendered TEXT CHECK (rendered IS NULL OR json_valid(rendered));
    ALTER TABLE clips ADD COLUMN stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1));
    CREATE INDEX clips_asset ON clips(asset_id);
    CREATE INDEX clips_answer ON clips(answer_id) WHERE answer_id IS NOT NULL;

    ALTER TABLE media_assets ADD COLUMN origin TEXT NOT NULL DEFAULT 'import'
      CHECK (origin IN ('import', 'recording', 'render', 'attachment'));

    CREATE TABLE media_derivatives (
      asset_id INTEGER NOT NULL REFERENCES media_assets(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('frames', 'thumbnails', 'waveform')),
      params TEXT NOT NULL DEFAULT '',
      sha256 TEXT NOT NULL,
      ext TEXT NOT NULL,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      meta TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
      created_at TEXT NOT NULL,
      PRIMARY KEY (asset_id, kind, params)
    ) STRICT;
    CREATE INDEX media_derivatives_sha ON media_derivatives(sha256);
  `);
}
