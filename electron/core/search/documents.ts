import type { Database } from 'better-sqlite3';
import type { SearchHitKind } from '../../../shared/api/search';
import { prepared } from './indexTables';

// What a search document is, per kind: a title (weighs more, shown as the hit's title; a question's
// subject) and a body. The index stores only terms; texts are read from the domain tables when a
// document is (re)indexed and when the final hits get their snippets, so a hit never shows text that
// is no longer there.

export const KIND_CODE: Record<SearchHitKind, number> = {
  question: 0,
  answer: 1,
  customer: 2,
  capability: 3,
};
export const KIND_OF_CODE: SearchHitKind[] = ['question', 'answer', 'customer', 'capability'];

export interface SearchDocument {
  kind: SearchHitKind;
  id: number;
  title: string;
  body: string;
}

interface Row {
  id: number;
  title: string;
  body: string;
}

const IDS = 'SELECT value FROM json_each(?)';

const sources: Record<SearchHitKind, string> = {
  question: `SELECT id, subject AS title, body FROM questions WHERE id IN (${IDS})`,
  answer: `SELECT id, title, plain_text AS body FROM answers WHERE id IN (${IDS})`,
  customer: `SELECT id, name AS title, concat_ws(char(10), nullif(company, ''), email) AS body
             FROM customers WHERE id IN (${IDS})`,
  // Both languages' texts (issue 18): the catalogue is found in the words of either.
  capability: `SELECT c.id, c.title,
                 concat_ws(char(10), nullif(c.description, ''),
                   nullif(c.title_en, c.title), nullif(c.description_en, c.description),
                   nullif(c.title_ja, c.title), nullif(c.description_ja, c.description),
                   (SELECT group_concat(k.value, ' ') FROM json_each(c.keywords) k)) AS body
               FROM capabilities c WHERE c.id IN (${IDS})`,
};

// A question's thread is part of it: the customer's follow-ups, our replies and notes. The first
// mail usually repeats the body; it is skipped so its words do not count twice.
const MESSAGES = `SELECT question_id, text FROM messages WHERE question_id IN (${IDS}) ORDER BY question_id, sent_at, id`;

/** The current text of these documents; ids that no longer exist are absent from the map. */
export function loadDocuments(db: Database, kind: SearchHitKind, ids: number[]): Map<number, SearchDocument> {
  const out = new Map<number, SearchDocument>();
  if (!ids.length) return out;
  const json = JSON.stringify(ids);
  for (const row of prepared(db, sources[kind]).all(json) as Row[])
    out.set(row.id, { kind, id: row.id, title: row.title, body: row.body ?? '' });
  if (kind === 'question') {
    const thread = new Map<number, string[]>();
    for (const m of prepared(db, MESSAGES).all(json) as { question_id: number; text: string }[]) {
      const doc = out.get(m.question_id);
      if (!doc || !m.text.trim() || m.text.trim() === doc.body.trim()) continue;
      const list = thread.get(m.question_id) ?? [];
      list.push(m.text);
      thread.set(m.question_id, list);
    }
    for (const [id, texts] of thread) {
      const doc = out.get(id)!;
      doc.body = [doc.body, ...texts].filter(Boolean).join('\n\n');
    }
  }
  return out;
}
