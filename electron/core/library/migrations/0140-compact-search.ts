import type { Database } from 'better-sqlite3';

// The library's search index, compact (issue 20), replacing migration 0090's tables. Before, every
// posting was a row in a b-tree with a second index beside it: 1.2 GB for 100,000 documents, 21×
// their text. Now postings are BLOBs of up to 128 (see electron/core/search/postings/codec.ts).
//
// - Every version of a document that gets indexed gets a new document number (docno). search_docs
//   lists the numbers that are live; a posting of any other number belongs to an old version (the
//   document was edited or deleted) and is skipped by queries and dropped when its block is next
//   rewritten. So an edit never rewrites the blocks of the old text, which the index does not keep.
// - search_blocks: per term and kind, its postings in document-number order, in blocks of up to
//   128, each row with its last number (to find the block of a number) and highest impact (to stop
//   a top-k early). Rows of a term are contiguous (WITHOUT ROWID, clustered on the key).
// - search_top: for a term with many postings in a kind, its best TOP_SIZE postings by impact, in
//   that order (key = term_id × 4 + kind): the best postings of a term found in most documents,
//   and often in their titles (where every block holds one of the best), in one row read.
// - search_fresh: postings of recently indexed documents, one row each, until a merge appends them
//   to the blocks of their terms; an edit of one document writes only here.
// - search_queue: documents whose text changed since they were indexed, queued by triggers in the
//   writer's own transaction (whoever the writer is), with a version that every further change bumps:
//   the indexer removes a document from the queue only if the version it indexed is still the one
//   queued. The indexer (a background worker in the app) drains it; until then, searches scan the
//   queued documents directly (bounded) and say how many are left.
//
// Every document of an existing library is queued here; the app indexes them as a job, with
// progress and cancel, in its background worker (the migration itself stays instant: at 50,000
// questions a build inside it would hold the app's start for ~10 s).
export function up(db: Database): void {
  db.exec(`
    DROP TRIGGER IF EXISTS search_questions_ins;
    DROP TRIGGER IF EXISTS search_questions_upd;
    DROP TRIGGER IF EXISTS search_questions_del;
    DROP TRIGGER IF EXISTS search_messages_ins;
    DROP TRIGGER IF EXISTS search_messages_upd;
    DROP TRIGGER IF EXISTS search_messages_del;
    DROP TRIGGER IF EXISTS search_answers_ins;
    DROP TRIGGER IF EXISTS search_answers_upd;
    DROP TRIGGER IF EXISTS search_answers_del;
    DROP TRIGGER IF EXISTS search_customers_ins;
    DROP TRIGGER IF EXISTS search_customers_upd;
    DROP TRIGGER IF EXISTS search_customers_del;
    DROP TRIGGER IF EXISTS search_capabilities_ins;
    DROP TRIGGER IF EXISTS search_capabilities_upd;
    DROP TRIGGER IF EXISTS search_capabilities_del;
    DROP TABLE IF EXISTS search_postings;
    DROP TABLE IF EXISTS search_docs;
    DROP TABLE IF EXISTS search_terms;
    DROP TABLE IF EXISTS search_stats;
    DROP TABLE IF EXISTS search_dirty;

    CREATE TABLE search_terms (
      id INTEGER PRIMARY KEY,
      term TEXT NOT NULL UNIQUE,
      -- Documents with the term, counting old versions not yet compacted away (as Lucene's docFreq).
      df INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    -- A one-character query (画) reads the bigrams that start (the UNIQUE index) or end with it.
    CREATE INDEX search_terms_last ON search_terms(substr(term, -1));

    CREATE TABLE search_docs (
      docno INTEGER PRIMARY KEY,
      kind INTEGER NOT NULL,
      doc_id INTEGER NOT NULL,
      -- How many postings this version has (they become dead postings when it is replaced).
      terms INTEGER NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX search_docs_doc ON search_docs(kind, doc_id);

    CREATE TABLE search_blocks (
      term_id INTEGER NOT NULL,
      kind INTEGER NOT NULL,
      last_docno INTEGER NOT NULL,
      max_impact INTEGER NOT NULL,
      n INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (term_id, kind, last_docno)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE search_top (
      key INTEGER PRIMARY KEY,
      n INTEGER NOT NULL,
      data BLOB NOT NULL
    ) STRICT;

    CREATE TABLE search_fresh (
      term_id INTEGER NOT NULL,
      kind INTEGER NOT NULL,
      docno INTEGER NOT NULL,
      impact INTEGER NOT NULL,
      PRIMARY KEY (term_id, kind, docno)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX search_fresh_docno ON search_fresh(docno);

    -- doc_count (live documents, the N of the IDF), next_docno, postings (live and dead, blocks and
    -- fresh), fresh_postings, dead_postings (of replaced versions, until compacted away).
    CREATE TABLE search_stats (
      key TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT;
    INSERT INTO search_stats VALUES ('doc_count', 0), ('next_docno', 1), ('postings', 0),
      ('fresh_postings', 0), ('dead_postings', 0);

    CREATE TABLE search_queue (
      kind INTEGER NOT NULL,
      doc_id INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (kind, doc_id)
    ) STRICT, WITHOUT ROWID;
  `);
  const queue = (kind: number, id: string) =>
    `INSERT INTO search_queue (kind, doc_id) VALUES (${kind}, ${id}) ON CONFLICT DO UPDATE SET version = version + 1;`;
  const trigger = (name: string, event: string, table: string, body: string) =>
    `CREATE TRIGGER search_${name} AFTER ${event} ON ${table} BEGIN ${body} END;`;
  db.exec(
    [
      trigger('questions_ins', 'INSERT', 'questions', queue(0, 'new.id')),
      trigger('questions_upd', 'UPDATE OF subject, body', 'questions', queue(0, 'new.id')),
      trigger('questions_del', 'DELETE', 'questions', queue(0, 'old.id')),
      // A question's thread is part of its document (electron/core/search/documents.ts).
      trigger('messages_ins', 'INSERT', 'messages', queue(0, 'new.question_id')),
      trigger(
        'messages_upd',
        'UPDATE OF question_id, subject, text',
        'messages',
        queue(0, 'old.question_id') + queue(0, 'new.question_id'),
      ),
      trigger('messages_del', 'DELETE', 'messages', queue(0, 'old.question_id')),
      trigger('answers_ins', 'INSERT', 'answers', queue(1, 'new.id')),
      trigger('answers_upd', 'UPDATE OF title, plain_text', 'answers', queue(1, 'new.id')),
      trigger('answers_del', 'DELETE', 'answers', queue(1, 'old.id')),
      trigger('customers_ins', 'INSERT', 'customers', queue(2, 'new.id')),
      trigger('customers_upd', 'UPDATE OF name, company, email', 'customers', queue(2, 'new.id')),
      trigger('customers_del', 'DELETE', 'customers', queue(2, 'old.id')),
      trigger('capabilities_ins', 'INSERT', 'capabilities', queue(3, 'new.id')),
      trigger(
        'capabilities_upd',
        'UPDATE OF title, description, keywords',
        'capabilities',
        queue(3, 'new.id'),
      ),
      trigger('capabilities_del', 'DELETE', 'capabilities', queue(3, 'old.id')),
    ].join('\n'),
  );
  // Issue 20's FAQ part: which clips an answer's document places, remembered with its scan for
  // that version of the document (doc_fingerprint), so a republish need not read every document.
  // With them, the document's public title (issue 16's root node state), for the same reason.
  db.exec('ALTER TABLE faq_scan_cache ADD COLUMN clip_ids TEXT');
  db.exec('ALTER TABLE faq_scan_cache ADD COLUMN public_title TEXT');
  db.exec(`
    INSERT INTO search_queue (kind, doc_id) SELECT 0, id FROM questions;
    INSERT INTO search_queue (kind, doc_id) SELECT 1, id FROM answers;
    INSERT INTO search_queue (kind, doc_id) SELECT 2, id FROM customers;
    INSERT INTO search_queue (kind, doc_id) SELECT 3, id FROM capabilities;
  `);
}
