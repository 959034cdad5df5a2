import type { Database } from 'better-sqlite3';

// Capability titles and descriptions per language (issue 18): a decline to an English customer
// listed the catalogue in Japanese. Each entry gets its text in ja and en; `title` and
// `description` stay as the entry's label (Japanese when written, else English), which logs and the
// search index read. The existing text goes to the catalogue's language: Japanese when any entry
// is written in Japanese (an entry called "FTP" in a Japanese catalogue is Japanese too), else
// English. The other language starts empty, and drafts say so until it is written.
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE capabilities ADD COLUMN title_ja TEXT NOT NULL DEFAULT '';
    ALTER TABLE capabilities ADD COLUMN description_ja TEXT NOT NULL DEFAULT '';
    ALTER TABLE capabilities ADD COLUMN title_en TEXT NOT NULL DEFAULT '';
    ALTER TABLE capabilities ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
  `);
  const rows = db.prepare('SELECT title, description FROM capabilities').all() as {
    title: string;
    description: string;
  }[];
  const japanese = rows.some((r) => JAPANESE.test(r.title) || JAPANESE.test(r.description));
  db.exec(
    japanese
      ? 'UPDATE capabilities SET title_ja = title, description_ja = description'
      : 'UPDATE capabilities SET title_en = title, description_en = description',
  );
}
