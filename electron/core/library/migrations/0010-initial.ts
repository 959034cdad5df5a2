import type { Database } from 'better-sqlite3';

// The domain of DESIGN.md. Every table is STRICT; JSON columns are checked with json_valid so a bad
// write fails loudly instead of poisoning later reads. Times are ISO 8601 UTC text, days YYYY-MM-DD.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE products (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      current_version TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE product_versions (
      id INTEGER PRIMARY KEY,
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      version TEXT NOT NULL,
      released_on TEXT,
      UNIQUE (product_id, version)
    ) STRICT;

    CREATE TABLE capabilities (
      id INTEGER PRIMARY KEY,
      product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      parent_id INTEGER REFERENCES capabilities(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('area', 'operation')),
      title TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
      position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX capabilities_parent ON capabilities(parent_id, position);

    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT,
      company TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      website TEXT NOT NULL DEFAULT '',
      language TEXT NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
      profile TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(profile)),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX customers_email ON customers(email) WHERE email IS NOT NULL;

    CREATE TABLE questions (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
      product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
      product_version TEXT NOT NULL DEFAULT '',
      subject TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'investigating',
        'reproducing', 'waiting_on_customer', 'answered', 'resolved', 'declined')),
      scope_verdict TEXT CHECK (scope_verdict IN ('in_scope', 'out_of_scope', 'needs_clarification')),
      scope_note TEXT NOT NULL DEFAULT '',
      next_checkpoint TEXT,
      received_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX questions_status ON questions(status, next_checkpoint);
    CREATE INDEX questions_customer ON questions(customer_id);

    -- The thread of a question: the customer's mails, our replies, and notes.
    CREATE TABLE messages (
      id INTEGER PRIMARY KEY,
      question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'note')),
      message_id TEXT,
      in_reply_to TEXT,
      refs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(refs)),
      from_name TEXT NOT NULL DEFAULT '',
      from_address TEXT NOT NULL DEFAULT '',
      to_addresses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(to_addresses)),
      subject TEXT NOT NULL DEFAULT '',
      sent_at TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      html TEXT,
      content_hash TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX messages_message_id ON messages(message_id) WHERE message_id IS NOT NULL;
    CREATE UNIQUE INDEX messages_content_hash ON messages(content_hash);
    CREATE INDEX messages_question ON messages(question_id, sent_at);

    CREATE TABLE media_assets (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('video', 'audio', 'image', 'file')),
      original_name TEXT NOT NULL,
      mime TEXT NOT NULL DEFAULT 'application/octet-stream',
      ext TEXT NOT NULL DEFAULT '',
      size INTEGER NOT NULL,
      probe TEXT CHECK (probe IS NULL OR json_valid(probe)),
      keyframes TEXT CHECK (keyframes IS NULL OR json_valid(keyframes)),
      duration_s REAL,
      width INTEGER,
      height INTEGER,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE message_attachments (
      message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      asset_id INTEGER NOT NULL REFERENCES media_assets(id),
      file_name TEXT NOT NULL,
      content_id TEXT,
      inline INTEGER NOT NULL DEFAULT 0 CHECK (inline IN (0, 1)),
      PRIMARY KEY (message_id, asset_id, file_name)
    ) STRICT;

    CREATE TABLE question_capabilities (
      question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
      capability_id INTEGER NOT NULL REFERENCES capabilities(id) ON DELETE CASCADE,
      PRIMARY KEY (question_id, capability_id)
    ) STRICT;

    CREATE TABLE status_changes (
      id INTEGER PRIMARY KEY,
      question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
      from_status TEXT,
      to_status TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      customer_message TEXT NOT NULL DEFAULT '',
      next_checkpoint TEXT
    ) STRICT;
    CREATE INDEX status_changes_question ON status_changes(question_id, at);

    CREATE TABLE answers (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      slug TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL DEFAULT 'answer' CHECK (kind IN ('answer', 'decline')),
      language TEXT NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
      doc TEXT NOT NULL CHECK (json_valid(doc)),
      plain_text TEXT NOT NULL DEFAULT '',
      is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
      revision INTEGER NOT NULL DEFAULT 1,
      verified_version TEXT,
      verified_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE answer_revisions (
      answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      title TEXT NOT NULL,
      doc TEXT NOT NULL CHECK (json_valid(doc)),
      plain_text TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      PRIMARY KEY (answer_id, revision)
    ) STRICT;

    CREATE TABLE answer_questions (
      answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
      question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
      linked_at TEXT NOT NULL,
      PRIMARY KEY (answer_id, question_id)
    ) STRICT;
    CREATE INDEX answer_questions_question ON answer_questions(question_id);

    CREATE TABLE clips (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL REFERENCES media_assets(id),
      answer_id INTEGER REFERENCES answers(id) ON DELETE SET NULL,
      title TEXT NOT NULL DEFAULT '',
      segments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(segments)),
      chapters TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(chapters)),
      captions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(captions)),
      render_mode TEXT NOT NULL DEFAULT 'smart' CHECK (render_mode IN ('lossless', 'accurate', 'smart')),
      output_asset_id INTEGER REFERENCES media_assets(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE bundles (
      id INTEGER PRIMARY KEY,
      answer_id INTEGER NOT NULL REFERENCES answers(id),
      revision INTEGER NOT NULL,
      customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
      question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL,
      file_name TEXT NOT NULL,
      manifest_sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE publications (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      out_dir TEXT NOT NULL,
      answers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers))
    ) STRICT;

    -- No foreign keys on purpose: the log outlives what it describes.
    CREATE TABLE log_entries (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER,
      question_id INTEGER,
      customer_id INTEGER,
      answer_id INTEGER,
      summary TEXT NOT NULL DEFAULT '',
      detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    ) STRICT;
    CREATE INDEX log_question ON log_entries(question_id) WHERE question_id IS NOT NULL;
    CREATE INDEX log_customer ON log_entries(customer_id) WHERE customer_id IS NOT NULL;
    CREATE INDEX log_answer ON log_entries(answer_id) WHERE answer_id IS NOT NULL;

    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'interrupted')),
      phase TEXT NOT NULL DEFAULT '',
      progress REAL NOT NULL DEFAULT 0,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      error TEXT CHECK (error IS NULL OR json_valid(error))
    ) STRICT;

    CREATE TABLE templates (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      language TEXT NOT NULL CHECK (language IN ('ja', 'en')),
      name TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Settings that travel with the library (vendor name, logo, colour): key -> JSON value.
    CREATE TABLE library_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;
  `);
}
