import type { Database } from 'better-sqlite3';

// Issue 7: a bundle record says exactly what was sent: the manifest itself (every file with its
// sha256), where it was written, how it was made (personalised, video rendition) and the e-mail
// draft that went with it. The initial schema kept only the manifest's hash and the file name.
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE bundles ADD COLUMN bundle_uid TEXT;
    ALTER TABLE bundles ADD COLUMN manifest TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(manifest));
    ALTER TABLE bundles ADD COLUMN zip_path TEXT;
    ALTER TABLE bundles ADD COLUMN folder_path TEXT;
    ALTER TABLE bundles ADD COLUMN file_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE bundles ADD COLUMN personalised INTEGER NOT NULL DEFAULT 0 CHECK (personalised IN (0, 1));
    ALTER TABLE bundles ADD COLUMN video_rendition TEXT NOT NULL DEFAULT 'original'
      CHECK (video_rendition IN ('original', 'email'));
    ALTER TABLE bundles ADD COLUMN email_subject TEXT NOT NULL DEFAULT '';
    ALTER TABLE bundles ADD COLUMN email_body TEXT NOT NULL DEFAULT '';
    CREATE INDEX bundles_answer ON bundles(answer_id, created_at);
    CREATE INDEX bundles_customer ON bundles(customer_id, created_at) WHERE customer_id IS NOT NULL;
    CREATE UNIQUE INDEX bundles_manifest ON bundles(manifest_sha256);
  `);
}
