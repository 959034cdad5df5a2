import type { Database } from 'better-sqlite3';
import type { ListPage } from '../../../shared/domain/listPage';
import type { InboxCounts, InboxGroup, QuestionSummary } from '../../../shared/domain/question';
import { inboxGroups } from '../../../shared/domain/question';
import type { QuestionStatus, ScopeVerdict } from '../../../shared/domain/status';

// Lists of questions, one window at a time, each in the order of an index (migration 0180), in two
// steps: the window's ids from the index alone (no sort step, no row read for the entries skipped
// over; list.test.ts checks the query plans), then those rows by id. Reading whole rows in one
// query cost 144 ms for a window 45,000 entries down the closed group at 50k questions (the join
// ran for every skipped entry); the ids alone take a few ms.

export interface SummaryRow {
  id: number;
  subject: string;
  status: QuestionStatus;
  scope_verdict: ScopeVerdict | null;
  customer_id: number | null;
  customer_name: string | null;
  product_version: string;
  next_checkpoint: string | null;
  received_at: string;
  updated_at: string;
  message_count: number;
}

export const summaryColumns = `q.id, q.subject, q.status, q.scope_verdict, q.customer_id, c.name AS customer_name,
  q.product_version, q.next_checkpoint, q.received_at, q.updated_at,
  (SELECT count(*) FROM messages m WHERE m.question_id = q.id) AS message_count`;

export function toSummary(r: SummaryRow): QuestionSummary {
  return {
    id: r.id,
    subject: r.subject,
    status: r.status,
    scopeVerdict: r.scope_verdict,
    customerId: r.customer_id,
    customerName: r.customer_name,
    productVersion: r.product_version,
    nextCheckpoint: r.next_checkpoint,
    receivedAt: r.received_at,
    updatedAt: r.updated_at,
    messageCount: r.message_count,
  };
}

export interface Window {
  offset: number;
  limit: number;
}

// The exact terms of the partial indexes' WHERE clauses: SQLite uses a partial index only for a
// query whose WHERE contains its terms.
const OPEN = `q.status NOT IN ('resolved', 'declined')`;
const CLOSED = `q.status IN ('resolved', 'declined')`;

/** Which questions each part of the Inbox holds (shared/domain/question.ts says why in this order). */
export const inboxGroupWhere: Record<InboxGroup, string> = {
  overdue: `${OPEN} AND q.next_checkpoint < @today`,
  today: `${OPEN} AND q.next_checkpoint = @today`,
  new: `${OPEN} AND q.next_checkpoint > @today AND q.status = 'received'`,
  upcoming: `${OPEN} AND q.next_checkpoint > @today AND q.status <> 'received'`,
  unscheduled: `${OPEN} AND q.next_checkpoint IS NULL`,
  closed: CLOSED,
};

/** Earliest checkpoint first within an open group; the newest first among closed ones. */
export const inboxGroupOrder: Record<InboxGroup, string> = {
  overdue: 'q.next_checkpoint, q.received_at DESC, q.id DESC',
  today: 'q.next_checkpoint, q.received_at DESC, q.id DESC',
  new: 'q.next_checkpoint, q.received_at DESC, q.id DESC',
  upcoming: 'q.next_checkpoint, q.received_at DESC, q.id DESC',
  unscheduled: 'q.next_checkpoint, q.received_at DESC, q.id DESC',
  closed: 'q.received_at DESC, q.id DESC',
};

export function inboxGroupPageSql(group: InboxGroup): string {
  return `SELECT q.id FROM questions q
    WHERE ${inboxGroupWhere[group]}
    ORDER BY ${inboxGroupOrder[group]}
    LIMIT @limit OFFSET @offset`;
}

/** The summaries of these questions, in the order of `ids`. */
export function summariesOf(db: Database, ids: number[]): QuestionSummary[] {
  if (!ids.length) return [];
  const rows = db
    .prepare(
      `SELECT ${summaryColumns}
       FROM questions q LEFT JOIN customers c ON c.id = q.customer_id
       WHERE q.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toSummary(row)] : [];
  });
}

export function inboxGroupCountSql(group: InboxGroup): string {
  return `SELECT count(*) FROM questions q WHERE ${inboxGroupWhere[group]}`;
}

/**
 * How many questions one part of the Inbox holds. Closed ones are all but the open ones: a bare
 * count(*) counts the cells of an index's pages without reading them (1 ms at 50k questions),
 * where counting the closed index entry by entry took 6 ms.
 */
function groupCount(db: Database, group: InboxGroup, today: string): number {
  if (group !== 'closed') return db.prepare(inboxGroupCountSql(group)).pluck().get({ today }) as number;
  const all = db.prepare('SELECT count(*) FROM questions').pluck().get() as number;
  const open = db.prepare(`SELECT count(*) FROM questions q WHERE ${OPEN}`).pluck().get() as number;
  return all - open;
}

/** One window of one part of the Inbox, with how many the part holds. */
export function listInboxGroup(
  db: Database,
  group: InboxGroup,
  today: string,
  window: Window,
): ListPage<QuestionSummary> {
  const params = { today, limit: window.limit, offset: window.offset };
  return db.transaction(() => {
    const ids = db.prepare(inboxGroupPageSql(group)).pluck().all(params) as number[];
    return { items: summariesOf(db, ids), total: groupCount(db, group, today) };
  })();
}

/** How many questions each part of the Inbox holds, counted in the index (not a fetched page). */
export function inboxCounts(db: Database, today: string): InboxCounts {
  return db.transaction(() => {
    const groups = inboxGroups.map((group) => ({ group, count: groupCount(db, group, today) }));
    const open = groups.reduce((sum, g) => sum + (g.group === 'closed' ? 0 : g.count), 0);
    const closed = groups.find((g) => g.group === 'closed')!.count;
    return { groups, open, total: open + closed };
  })();
}

export interface QuestionFilter extends Window {
  customerId?: number;
  status?: QuestionStatus[];
  /** Only these questions (an answer's linked questions, say). */
  ids?: number[];
}

export function questionListSql(filter: Omit<QuestionFilter, keyof Window>): {
  where: string;
  params: unknown[];
} {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.customerId !== undefined) {
    where.push('q.customer_id = ?');
    params.push(filter.customerId);
  }
  if (filter.status?.length) {
    where.push(`q.status IN (${filter.status.map(() => '?').join(', ')})`);
    params.push(...filter.status);
  }
  if (filter.ids) {
    where.push(`q.id IN (${filter.ids.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.ids);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Questions newest first, optionally of one customer, in some statuses or among some ids. */
export function listQuestions(db: Database, filter: QuestionFilter): ListPage<QuestionSummary> {
  const { where, params } = questionListSql(filter);
  return db.transaction(() => {
    const ids = db
      .prepare(
        `SELECT q.id FROM questions q ${where} ORDER BY q.received_at DESC, q.id DESC LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(...params, filter.limit, filter.offset) as number[];
    const total = db
      .prepare(`SELECT count(*) FROM questions q ${where}`)
      .pluck()
      .get(...params) as number;
    return { items: summariesOf(db, ids), total };
  })();
}
