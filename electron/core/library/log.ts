import type { Database } from 'better-sqlite3';
import type { LogEntry } from '../../../shared/domain/log';

export interface LogFilter {
  questionId?: number;
  customerId?: number;
  answerId?: number;
  limit: number;
}

export function listLog(db: Database, filter: LogFilter): LogEntry[] {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of [
    ['question_id', filter.questionId],
    ['customer_id', filter.customerId],
    ['answer_id', filter.answerId],
  ] as const) {
    if (value !== undefined) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity, entity_id, question_id, customer_id, answer_id, summary, detail
       FROM log_entries ${where.length ? `WHERE ${where.join(' OR ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(...params, filter.limit) as {
    id: number;
    at: string;
    actor: string;
    action: string;
    entity: string;
    entity_id: number | null;
    question_id: number | null;
    customer_id: number | null;
    answer_id: number | null;
    summary: string;
    detail: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    questionId: r.question_id,
    customerId: r.customer_id,
    answerId: r.answer_id,
    summary: r.summary,
    detail: parseDetail(r.detail),
  }));
}

/** The detail column is JSON (checked on write); an object, or nothing to show. */
function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
