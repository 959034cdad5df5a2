import type { Database } from 'better-sqlite3';
import { CustomerProfile, type CustomerSummary } from '../../../shared/domain/customer';

interface Row {
  id: number;
  name: string;
  email: string | null;
  company: string;
  phone: string;
  language: 'ja' | 'en';
  profile: string;
  open_questions: number;
  total_questions: number;
  last_contact_at: string | null;
}

export function listCustomers(db: Database): CustomerSummary[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.email, c.company, c.phone, c.language, c.profile,
              (SELECT count(*) FROM questions q WHERE q.customer_id = c.id AND q.status NOT IN ('resolved', 'declined')) AS open_questions,
              (SELECT count(*) FROM questions q WHERE q.customer_id = c.id) AS total_questions,
              (SELECT max(q.updated_at) FROM questions q WHERE q.customer_id = c.id) AS last_contact_at
       FROM customers c ORDER BY last_contact_at IS NULL, last_contact_at DESC, c.name`,
    )
    .all() as Row[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    company: r.company,
    phone: r.phone,
    language: r.language,
    openQuestions: r.open_questions,
    totalQuestions: r.total_questions,
    lastContactAt: r.last_contact_at,
    // A profile written by an older version may lack fields or carry unknown ones: read leniently.
    profile: CustomerProfile.catch({}).parse(JSON.parse(r.profile)),
  }));
}
