import type { Database } from 'better-sqlite3';
import { sameJson } from '../../../shared/answers/canonical';
import type { AnswerDetail, AnswerSummary } from '../../../shared/domain/answer';
import { KotaeError } from '../../../shared/errors';
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

export function listAnswers(db: Database): AnswerSummary[] {
  const rows = db
    .prepare(`SELECT ${summaryColumns} FROM answers a ORDER BY a.updated_at DESC`)
    .all() as Row[];
  return rows.map(toSummary);
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
