import { documentError, snippetBody } from '../../../shared/answers/validate';
import type { Template } from '../../../shared/domain/answer';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';

// Snippets and templates (greeting, closing, common steps) the vendor inserts into answers.

interface Row {
  id: number;
  kind: string;
  language: 'ja' | 'en';
  name: string;
  body: string;
  updated_at: string;
}

const toTemplate = (r: Row): Template => ({
  id: r.id,
  kind: r.kind,
  language: r.language,
  name: r.name,
  body: r.body,
  updatedAt: r.updated_at,
});

export function listTemplates(library: Library): Template[] {
  const rows = library.db
    .prepare(
      `SELECT id, kind, language, name, body, updated_at FROM templates
       ORDER BY language, CASE kind WHEN 'greeting' THEN 0 WHEN 'closing' THEN 2 ELSE 1 END, name`,
    )
    .all() as Row[];
  return rows.map(toTemplate);
}

export interface TemplateFields {
  id?: number | undefined;
  kind: string;
  language: 'ja' | 'en';
  name: string;
  body: string;
}

/** A rich snippet is a piece of document: refused like one (SNIPPET_INVALID, naming the node). */
export function checkTemplateBody(body: string): void {
  const snippet = snippetBody(body);
  if (snippet.kind === 'invalid')
    throw documentError(snippet.problem, { messageKey: 'errors:SNIPPET_INVALID' });
}

export function saveTemplate(library: Library, input: TemplateFields): Template {
  checkTemplateBody(input.body);
  const now = library.now();
  const id = library.mutate(
    (savedId: number) => ({
      action: input.id ? 'template.updated' : 'template.created',
      entity: 'template',
      entityId: savedId,
      summary: input.name,
    }),
    (db) => {
      if (input.id !== undefined) {
        const res = db
          .prepare(
            'UPDATE templates SET kind = ?, language = ?, name = ?, body = ?, updated_at = ? WHERE id = ?',
          )
          .run(input.kind, input.language, input.name, input.body, now, input.id);
        if (res.changes === 0) throw new KotaeError('NOT_FOUND', { id: input.id });
        return input.id;
      }
      return Number(
        db
          .prepare(
            'INSERT INTO templates (kind, language, name, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(input.kind, input.language, input.name, input.body, now, now).lastInsertRowid,
      );
    },
  );
  return toTemplate(
    library.db
      .prepare('SELECT id, kind, language, name, body, updated_at FROM templates WHERE id = ?')
      .get(id) as Row,
  );
}

export function deleteTemplate(library: Library, id: number): { deleted: boolean } {
  const row = library.db.prepare('SELECT name FROM templates WHERE id = ?').get(id) as
    { name: string } | undefined;
  if (!row) return { deleted: false };
  library.mutate({ action: 'template.deleted', entity: 'template', entityId: id, summary: row.name }, (db) =>
    db.prepare('DELETE FROM templates WHERE id = ?').run(id),
  );
  return { deleted: true };
}
