import { stringify } from 'csv-stringify/sync';
import type { Database } from 'better-sqlite3';
import type { Language } from '../../../shared/domain/common';
import { describeLogEntry, noteText, type Translate } from '../../../shared/tracking/logText';
import { translatorFor } from '../i18n';

// The work log as CSV, for the vendor's records or a dispute: every entry about a question or a
// customer (or all of them), oldest first, with the note and the customer message when there was one.

export interface WorkLogFilter {
  questionId?: number | undefined;
  customerId?: number | undefined;
}

export const workLogColumns = [
  'at',
  'actor',
  'action',
  'question_id',
  'customer_id',
  'answer_id',
  'summary',
  'note',
  'message',
] as const;

interface Row {
  at: string;
  actor: string;
  action: string;
  question_id: number | null;
  customer_id: number | null;
  answer_id: number | null;
  summary: string;
  detail: string;
}

export function workLogRows(db: Database, filter: WorkLogFilter): Row[] {
  const where: string[] = [];
  const params: number[] = [];
  if (filter.questionId !== undefined) {
    where.push('question_id = ?');
    params.push(filter.questionId);
  }
  if (filter.customerId !== undefined) {
    // A customer's log also holds what happened to their questions before the customer was known.
    where.push('customer_id = ? OR question_id IN (SELECT id FROM questions WHERE customer_id = ?)');
    params.push(filter.customerId, filter.customerId);
  }
  return db
    .prepare(
      `SELECT at, actor, action, question_id, customer_id, answer_id, summary, detail FROM log_entries
       ${where.length ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : ''} ORDER BY at, id`,
    )
    .all(...params) as Row[];
}

function detailText(detail: string, key: 'note' | 'body'): string {
  try {
    const value = (JSON.parse(detail) as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

function parsedDetail(detail: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * CSV with a header row; a UTF-8 byte-order mark so spreadsheet programs read Japanese correctly.
 * With a language, the summary and Kotae's own notes are in its words (as the work log shows
 * them); the action column keeps its code, for sorting and filtering.
 */
export function workLogCsv(
  db: Database,
  filter: WorkLogFilter,
  language?: Language,
): { csv: string; rows: number } {
  const rows = workLogRows(db, filter);
  const words = language ? inWords(language) : null;
  const statusMessages = db.prepare('SELECT customer_message FROM status_changes WHERE id = ?');
  const records = rows.map((r) => {
    let message = detailText(r.detail, 'body');
    if (!message && r.action === 'question.status_changed') {
      const id = (JSON.parse(r.detail) as { statusChangeId?: number }).statusChangeId;
      if (id)
        message =
          (statusMessages.get(id) as { customer_message: string } | undefined)?.customer_message ?? '';
    }
    return [
      r.at,
      r.actor,
      r.action,
      r.question_id,
      r.customer_id,
      r.answer_id,
      words ? words.summary(r) : r.summary,
      words ? words.note(detailText(r.detail, 'note')) : detailText(r.detail, 'note'),
      message,
    ];
  });
  const csv = stringify(records, { header: true, columns: [...workLogColumns], record_delimiter: 'windows' });
  return { csv: `\uFEFF${csv}`, rows: records.length };
}

function inWords(language: Language) {
  const i18n = translatorFor(language);
  const t = i18n.getFixedT(language) as unknown as Translate;
  const inLanguage = (lng: 'en' | 'ja', key: string) => i18n.t(key, { lng });
  return {
    // Days stay YYYY-MM-DD: a spreadsheet sorts and reads them in any language.
    summary: (r: Row) => describeLogEntry({ ...r, detail: parsedDetail(r.detail) }, t, (day) => day),
    note: (note: string) => noteText(note, t, inLanguage),
  };
}
