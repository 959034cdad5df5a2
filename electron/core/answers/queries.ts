import type { Database } from 'better-sqlite3';
import { sameJson } from '../../../shared/answers/canonical';
import type { AnswerDetail, AnswerSummary } from '../../../shared/domain/answer';
import { KotaeError } from '../../../shared/errors';
import type { ListPage } from '../../../shared/domain/listPage';
import { storedDocument } from './documents';

interface Row {
  id: number;
  title: string;
  slug: string;
  kind: 'answer' | 'decline';
  language: 'ja' | 'en';
  is_public: number;
  revision: number;
  excerpt: string;
  question_count: number;
  verified_version: string | null;
  verified_at: string | null;
  updated_at: string;
}

const summaryColumns = `a.id, a.title, a.slug, a.kind, a.language, a.is_public, a.revision, substr(a.plain_text, 1, 160) AS excerpt,
              (SELECT count(*) FROM answer_questions aq WHERE aq.answer_id = a.id) AS question_count,
              a.verified_version, a.verified_at, a.updated_at`;

/** The latest changed first, a window at a time, in the order of the answers_updated index. */
export function listAnswers(
  db: Database,
  window: { offset: number; limit: number } = { offset: 0, limit: 100 },
): ListPage<AnswerSummary> {
  return db.transaction(() => {
    // The window's ids from the index alone, then their rows: whole rows would be read for every
    // answer the window skips (see electron/core/questions/list.ts).
    const ids = db
      .prepare('SELECT a.id FROM answers a ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?')
      .pluck()
      .all(window.limit, window.offset) as number[];
    const rows = db
      .prepare(`SELECT ${summaryColumns} FROM answers a WHERE a.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Row[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.flatMap((id) => (byId.has(id) ? [toSummary(byId.get(id)!)] : []));
    const total = db.prepare('SELECT count(*) FROM answers').pluck().get() as number;
    return { items, total };
  })();
}

/** The doc of the newest revision, or null before the first one. */
export function latestRevisionDoc(db: Database, answerId: number): { revision: number; doc: string } | null {
  return (
    (db
      .prepare(
        'SELECT revision, doc FROM answer_revisions WHERE answer_id = ? ORDER BY revision DESC LIMIT 1',
      )
      .get(answerId) as { revision: number; doc: string } | undefined) ?? null
  );
}

export function getAnswer(db: Database, id: number): AnswerDetail {
  const row = db
    .prepare(`SELECT ${summaryColumns}, a.doc, a.plain_text FROM answers a WHERE a.id = ?`)
    .get(id) as (Row & { doc: string; plain_text: string }) | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id });
  const questions = db
    .prepare(
      `SELECT q.id, q.subject, c.name AS customer_name FROM answer_questions aq
       JOIN questions q ON q.id = aq.question_id LEFT JOIN customers c ON c.id = q.customer_id
       WHERE aq.answer_id = ? ORDER BY aq.linked_at`,
    )
    .all(id) as { id: number; subject: string; customer_name: string | null }[];
  return {
    ...toSummary(row),
    doc: storedDocument(row.doc, row),
    plainText: row.plain_text,
    questions: questions.map((q) => ({ id: q.id, subject: q.subject, customerName: q.customer_name })),
    editedSinceRevision: !sameJson(latestRevisionDoc(db, id)?.doc, row.doc),
  };
}

function toSummary(r: Row): AnswerSummary {
  return {
    id: r.id,
    title: r.title,
    slug: r.slug,
    kind: r.kind,
    language: r.language,
    isPublic: r.is_public === 1,
    revision: r.revision,
    excerpt: r.excerpt.replace(/\s+/g, ' '),
    questionCount: r.question_count,
    verifiedVersion: r.verified_version,
    verifiedAt: r.verified_at,
    updatedAt: r.updated_at,
  };
}
