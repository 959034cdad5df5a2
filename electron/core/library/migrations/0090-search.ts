import type { Database } from 'better-sqlite3';

// The library's search index (issue 4): an inverted index of our own, built from the one tokeniser
// (shared/text/tokenize.ts), because SQLite FTS5's trigram tokeniser finds nothing for two-character
// Japanese words and ranks a common term slower than a LIKE scan.
//
// kind: 0 question, 1 answer, 2 customer, 3 capability (see electron/core/search/documents.ts).
// Postings carry an impact (a quantised BM25 term weight with title matches counted extra); the
// second index hands out a term's postings best first, so the top 20 of a term found in most
// documents is a short range scan. Triggers queue every write that changes indexed text into
// search_dirty, in the writer's own transaction, whoever the writer is; the queue is drained before
// each query. Existing documents are queued here, so a library from before this version gets its
// index built on its first search.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE search_terms (
      id INTEGER PRIMARY KEY,
      term TEXT NOT NULL UNIQUE,
      df INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    -- A one-character query (画) reads the bigrams that start (the UNIQUE index) or end with it.
    CREATE INDEX search_terms_last ON search_terms(substr(term, -1));

    CREATE TABLE search_postings (
      term_id INTEGER NOT NULL,
      kind INTEGER NOT NULL,
      doc_id INTEGER NOT NULL,
      impact INTEGER NOT NULL,
      PRIMARY KEY (term_id, kind, doc_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX search_postings_impact ON search_postings(term_id, kind, impact DESC);

    -- What is indexed for each document: its term ids (Int32 array), to remove its postings.
    CREATE TABLE search_docs (
      kind INTEGER NOT NULL,
      doc_id INTEGER NOT NULL,
      term_ids BLOB NOT NULL,
      PRIMARY KEY (kind, doc_id)
    ) STRICT, WITHOUT ROWID;

    -- doc_count: the N of the IDF (counting search_docs would read the whole table).
    CREATE TABLE search_stats (
      key TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT;
    INSERT INTO search_stats VALUES ('doc_count', 0);

    CREATE TABLE search_dirty (
      kind INTEGER NOT NULL,
      doc_id INTEGER NOT NULL,
      PRIMARY KEY (kind, doc_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER search_questions_ins AFTER INSERT ON questions
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (0, new.id); END;
    CREATE TRIGGER search_questions_upd AFTER UPDATE OF subject, body ON questions
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (0, new.id); END;
    CREATE TRIGGER search_questions_del AFTER DELETE ON questions
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (0, old.id); END;

    CREATE TRIGGER search_messages_ins AFTER INSERT ON messages
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (0, new.question_id); END;
    CREATE TRIGGER search_messages_upd AFTER UPDATE OF question_id, subject, text ON messages
      BEGIN
        INSERT OR IGNORE INTO search_dirty VALUES (0, old.question_id);
        INSERT OR IGNORE INTO search_dirty VALUES (0, new.question_id);
      END;
    CREATE TRIGGER search_messages_del AFTER DELETE ON messages
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (0, old.question_id); END;

    CREATE TRIGGER search_answers_ins AFTER INSERT ON answers
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (1, new.id); END;
    CREATE TRIGGER search_answers_upd AFTER UPDATE OF title, plain_text ON answers
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (1, new.id); END;
    CREATE TRIGGER search_answers_del AFTER DELETE ON answers
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (1, old.id); END;

    CREATE TRIGGER search_customers_ins AFTER INSERT ON customers
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (2, new.id); END;
    CREATE TRIGGER search_customers_upd AFTER UPDATE OF name, company, email ON customers
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (2, new.id); END;
    CREATE TRIGGER search_customers_del AFTER DELETE ON customers
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (2, old.id); END;

    CREATE TRIGGER search_capabilities_ins AFTER INSERT ON capabilities
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (3, new.id); END;
    CREATE TRIGGER search_capabilities_upd AFTER UPDATE OF title, description, keywords ON capabilities
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (3, new.id); END;
    CREATE TRIGGER search_capabilities_del AFTER DELETE ON capabilities
      BEGIN INSERT OR IGNORE INTO search_dirty VALUES (3, old.id); END;

    INSERT INTO search_dirty SELECT 0, id FROM questions;
    INSERT INTO search_dirty SELECT 1, id FROM answers;
    INSERT INTO search_dirty SELECT 2, id FROM customers;
    INSERT INTO search_dirty SELECT 3, id FROM capabilities;
  `);
}
