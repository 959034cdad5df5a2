import type { Database } from 'better-sqlite3';
import { firstCheckpoint, localDay } from '../../tracking';

// Every open request has a next checkpoint (DESIGN.md), but questions imported or typed in before
// intake set one have none and sat under "No checkpoint", below all dated work. Each gets the one
// intake now gives: two working days from when it last moved (received, or its last status change);
// one that has waited longer than that is overdue, which is what it is. Each gets its log entry.
export function up(db: Database): void {
  const now = new Date();
  const today = localDay(now.toISOString())!;
  const open = db
    .prepare(
      `SELECT q.id, q.customer_id, q.received_at,
              (SELECT max(at) FROM status_changes s WHERE s.question_id = q.id) AS last_change
       FROM questions q
       WHERE q.next_checkpoint IS NULL AND q.status NOT IN ('resolved', 'declined')`,
    )
    .all() as { id: number; customer_id: number | null; received_at: string; last_change: string | null }[];
  const set = db.prepare('UPDATE questions SET next_checkpoint = ? WHERE id = ?');
  const log = db.prepare(
    `INSERT INTO log_entries (at, actor, action, entity, entity_id, question_id, customer_id, summary, detail)
     VALUES (?, 'upgrade', ?, 'question', ?, ?, ?, ?, ?)`,
  );
  for (const q of open) {
    const since = q.last_change && q.last_change > q.received_at ? q.last_change : q.received_at;
    const checkpoint = firstCheckpoint(since, today);
    set.run(checkpoint, q.id);
    const entry = {
      action: 'question.checkpoint_set',
      detail: { nextCheckpoint: checkpoint, from: 'upgrade' },
    };
    log.run(
      now.toISOString(),
      entry.action,
      q.id,
      q.id,
      q.customer_id,
      checkpoint,
      JSON.stringify(entry.detail),
    );
  }
}
