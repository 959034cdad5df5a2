import defaultRulesJson from '../../../resources/checks/default-rules.json' with { type: 'json' };
import { checkAnswer, countFindings, findingText } from '../../../shared/answers/checks';
import {
  CheckRules,
  type CheckContext,
  type CheckReport,
  TechnicalLevel,
} from '../../../shared/domain/checks';
import type { ScopeVerdict } from '../../../shared/domain/status';
import { KotaeError } from '../../../shared/errors';
import type { UiLocale } from '../../../shared/i18n';
import { translatorFor } from '../i18n';
import type { Library } from '../library';
import { storedDocument } from './documents';

// The answer checks as the core runs them (for `kotae check` and the send/publish steps), and
// what the editor needs to run the very same checks live. The tone and jargon rules are data: the
// defaults ship in resources/checks, and the vendor's edited copy lives in the library.

const RULES_KEY = 'checks.rules';

export const defaultCheckRules: CheckRules = CheckRules.parse(defaultRulesJson);

export function loadCheckRules(library: Library): { rules: CheckRules; custom: boolean } {
  const stored = library.getSetting<unknown>(RULES_KEY);
  const parsed = stored === undefined ? null : CheckRules.safeParse(stored);
  // Rules written by another version that no longer parse fall back to the defaults; the stored
  // copy stays untouched until the vendor saves again.
  return parsed?.success ? { rules: parsed.data, custom: true } : { rules: defaultCheckRules, custom: false };
}

/** Saves the vendor's rules; null goes back to the defaults. */
export function saveCheckRules(
  library: Library,
  rules: CheckRules | null,
): { rules: CheckRules; custom: boolean } {
  library.mutate(
    {
      action: rules ? 'checks.rules_saved' : 'checks.rules_reset',
      entity: 'library',
      summary: 'Check rules',
    },
    (db) => {
      if (rules)
        db.prepare('INSERT OR REPLACE INTO library_settings (key, value) VALUES (?, ?)').run(
          RULES_KEY,
          JSON.stringify(rules),
        );
      else db.prepare('DELETE FROM library_settings WHERE key = ?').run(RULES_KEY);
    },
  );
  return loadCheckRules(library);
}

export function checkContext(library: Library, answerId: number): CheckContext {
  const db = library.db;
  if (!db.prepare('SELECT 1 FROM answers WHERE id = ?').get(answerId))
    throw new KotaeError('NOT_FOUND', { id: answerId });
  const questions = (
    db
      .prepare(
        `SELECT q.id, q.subject, q.scope_verdict, c.name AS customer_name, c.profile FROM answer_questions aq
         JOIN questions q ON q.id = aq.question_id LEFT JOIN customers c ON c.id = q.customer_id
         WHERE aq.answer_id = ? ORDER BY aq.linked_at`,
      )
      .all(answerId) as {
      id: number;
      subject: string;
      scope_verdict: ScopeVerdict | null;
      customer_name: string | null;
      profile: string | null;
    }[]
  ).map((q) => {
    let level: TechnicalLevel | null = null;
    try {
      const parsed = TechnicalLevel.safeParse(
        (JSON.parse(q.profile ?? '{}') as { technicalLevel?: unknown }).technicalLevel,
      );
      level = parsed.success ? parsed.data : null;
    } catch {
      /* an unreadable profile says nothing about the reader */
    }
    return {
      id: q.id,
      subject: q.subject,
      scopeVerdict: q.scope_verdict,
      customerName: q.customer_name,
      technicalLevel: level,
    };
  });
  const images = db.prepare("SELECT sha256, ext FROM media_assets WHERE kind = 'image'").all() as {
    sha256: string;
    ext: string;
  }[];
  return {
    questions,
    knownMedia: images.filter((i) => library.media.locate(i).ok).map((i) => i.sha256),
    knownClips: (db.prepare('SELECT id FROM clips').all() as { id: number }[]).map((c) => c.id),
    rules: loadCheckRules(library).rules,
  };
}

/** The findings for a stored answer, in words, in the given UI language. */
export function checkReport(library: Library, answerId: number, language: UiLocale): CheckReport {
  const row = library.db
    .prepare('SELECT id, title, kind, language, doc FROM answers WHERE id = ?')
    .get(answerId) as
    { id: number; title: string; kind: 'answer' | 'decline'; language: 'ja' | 'en'; doc: string } | undefined;
  if (!row) throw new KotaeError('NOT_FOUND', { id: answerId });
  const context = checkContext(library, answerId);
  const media = new Set(context.knownMedia);
  const clips = new Set(context.knownClips);
  const findings = checkAnswer({
    doc: storedDocument(row.doc, row),
    kind: row.kind,
    language: row.language,
    questions: context.questions,
    mediaExists: (sha) => media.has(sha),
    clipExists: (id) => clips.has(id),
    rules: context.rules,
  });
  const i18n = translatorFor(language);
  const t = (key: string, params?: Record<string, unknown>) => i18n.t(key, params ?? {});
  const counts = countFindings(findings);
  return {
    answerId,
    title: row.title,
    language: row.language,
    ok: counts.error === 0,
    counts,
    findings: findings.map((f) => ({ ...f, ...findingText(f, t) })),
  };
}
