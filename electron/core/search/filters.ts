import type { SearchFilters, SearchHitKind } from '../../../shared/api/search';

// The filters of a search as SQL over the domain table of each kind (alias s), with named
// parameters (@status, @customerId, @capabilityId, @from, @to). null: the filter leaves that kind
// out (a status filter means questions only). See SearchFilters in shared/api/search.ts.

export interface KindFilter {
  table: string;
  /** The column a filter-only listing is sorted by, newest first. */
  dateColumn: string;
  conditions: string[];
}

const tables: Record<SearchHitKind, { table: string; dateColumn: string }> = {
  question: { table: 'questions', dateColumn: 'received_at' },
  answer: { table: 'answers', dateColumn: 'updated_at' },
  customer: { table: 'customers', dateColumn: 'created_at' },
  capability: { table: 'capabilities', dateColumn: 'updated_at' },
};

function customerCondition(kind: SearchHitKind): string | null {
  switch (kind) {
    case 'question':
      return 's.customer_id = @customerId';
    case 'answer':
      return `EXISTS (SELECT 1 FROM answer_questions aq JOIN questions q ON q.id = aq.question_id
                      WHERE aq.answer_id = s.id AND q.customer_id = @customerId)`;
    case 'customer':
      return 's.id = @customerId';
    case 'capability':
      return null;
  }
}

function capabilityCondition(kind: SearchHitKind): string | null {
  switch (kind) {
    case 'question':
      return `EXISTS (SELECT 1 FROM question_capabilities qc
                      WHERE qc.question_id = s.id AND qc.capability_id = @capabilityId)`;
    case 'answer':
      return `EXISTS (SELECT 1 FROM answer_questions aq JOIN question_capabilities qc ON qc.question_id = aq.question_id
                      WHERE aq.answer_id = s.id AND qc.capability_id = @capabilityId)`;
    case 'customer':
      return null;
    case 'capability':
      return '(s.id = @capabilityId OR s.parent_id = @capabilityId)';
  }
}

export function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.status || f.customerId || f.capabilityId || f.from || f.to);
}

export function kindFilter(kind: SearchHitKind, f: SearchFilters): KindFilter | null {
  const { table, dateColumn } = tables[kind];
  const conditions: string[] = [];
  if (f.status) {
    if (kind !== 'question') return null;
    conditions.push('s.status = @status');
  }
  if (f.customerId) {
    const c = customerCondition(kind);
    if (!c) return null;
    conditions.push(c);
  }
  if (f.capabilityId) {
    const c = capabilityCondition(kind);
    if (!c) return null;
    conditions.push(c);
  }
  if (f.from) conditions.push(`substr(s.${dateColumn}, 1, 10) >= @from`);
  if (f.to) conditions.push(`substr(s.${dateColumn}, 1, 10) <= @to`);
  return { table, dateColumn, conditions };
}

/** Named parameters for the filters in use (better-sqlite3 fails on a missing one, not on an extra). */
export function filterParams(f: SearchFilters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (f.status) out.status = f.status;
  if (f.customerId) out.customerId = f.customerId;
  if (f.capabilityId) out.capabilityId = f.capabilityId;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  return out;
}
