import type { Database } from 'better-sqlite3';

// Lists that stay fast at 50,000 questions (issue 20). Each list a screen shows is read a page at a
// time in the order of an index, and every count it shows comes from an index too, so a page costs
// what it shows, not what the library holds (before: questions:list sorted the whole table for 1,000
// rows; customers:list ran three subqueries per customer).
//
// - The Inbox's open groups (overdue, today, new, upcoming, no checkpoint) are ranges of one partial
//   index in checkpoint order; the closed group is a second partial index, newest first. Both end
//   with the status, so a window's ids and every group's count are read from the index alone.
// - A customer's questions, and any list of questions newest first, read their own index.
// - Answers are listed by their last change.
// - Customers carry their question counts and last contact, kept by triggers in the writer's own
//   transaction, whoever the writer is (intake, tracking, CLI), so the list orders by an index of
//   its own. An insert or a status change adjusts the counts in place; a question that moves to
//   another customer, or is deleted, recounts both customers from their index.
// - questions_status(status, next_checkpoint) goes: without statistics SQLite takes any equality on
//   a leading column as selective, so it read the 45,000 closed questions through it and sorted them
//   (210 ms for a window at 50k) instead of walking questions_closed_order (6 ms).
const OPEN = `status NOT IN ('resolved', 'declined')`;

function recount(customer: string): string {
  return `UPDATE customers SET
      open_questions = (SELECT count(*) FROM questions q WHERE q.customer_id = customers.id AND q.${OPEN}),
      total_questions = (SELECT count(*) FROM questions q WHERE q.customer_id = customers.id),
      last_contact_at = (SELECT max(q.updated_at) FROM questions q WHERE q.customer_id = customers.id)
    WHERE id = ${customer};`;
}

export function up(db: Database): void {
  db.exec(`
    CREATE INDEX questions_open_order ON questions(next_checkpoint, received_at DESC, id DESC, status)
      WHERE ${OPEN};
    CREATE INDEX questions_closed_order ON questions(received_at DESC, id DESC, status)
      WHERE status IN ('resolved', 'declined');
    CREATE INDEX questions_received ON questions(received_at DESC, id DESC);
    DROP INDEX questions_status;
    DROP INDEX questions_customer;
    CREATE INDEX questions_customer ON questions(customer_id, received_at DESC, id DESC);

    CREATE INDEX answers_updated ON answers(updated_at DESC, id DESC);

    ALTER TABLE customers ADD COLUMN open_questions INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE customers ADD COLUMN total_questions INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE customers ADD COLUMN last_contact_at TEXT;
    CREATE INDEX customers_recent ON customers(last_contact_at DESC, name, id);

    CREATE TRIGGER customer_counts_question_ins AFTER INSERT ON questions
      WHEN new.customer_id IS NOT NULL
      BEGIN
        UPDATE customers SET
          open_questions = open_questions + (new.${OPEN}),
          total_questions = total_questions + 1,
          last_contact_at = CASE WHEN last_contact_at IS NULL OR new.updated_at > last_contact_at
                                 THEN new.updated_at ELSE last_contact_at END
        WHERE id = new.customer_id;
      END;
    CREATE TRIGGER customer_counts_question_upd AFTER UPDATE OF status, updated_at ON questions
      WHEN new.customer_id IS NOT NULL AND new.customer_id IS old.customer_id
      BEGIN
        UPDATE customers SET
          open_questions = open_questions + (new.${OPEN}) - (old.${OPEN}),
          last_contact_at = CASE WHEN last_contact_at IS NULL OR new.updated_at > last_contact_at
                                 THEN new.updated_at ELSE last_contact_at END
        WHERE id = new.customer_id;
      END;
    CREATE TRIGGER customer_counts_question_move AFTER UPDATE OF customer_id ON questions
      WHEN new.customer_id IS NOT old.customer_id
      BEGIN
        ${recount('old.customer_id')}
        ${recount('new.customer_id')}
      END;
    CREATE TRIGGER customer_counts_question_del AFTER DELETE ON questions
      WHEN old.customer_id IS NOT NULL
      BEGIN
        ${recount('old.customer_id')}
      END;

    UPDATE customers SET
      open_questions = (SELECT count(*) FROM questions q WHERE q.customer_id = customers.id AND q.${OPEN}),
      total_questions = (SELECT count(*) FROM questions q WHERE q.customer_id = customers.id),
      last_contact_at = (SELECT max(q.updated_at) FROM questions q WHERE q.customer_id = customers.id);
  `);
}
