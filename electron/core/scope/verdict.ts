import type { ScopeVerdict } from '../../../shared/domain/status';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';

export interface ScopeInput {
  questionId: number;
  verdict: ScopeVerdict;
  /** Capabilities the question is about; kept only with an in-scope verdict. */
  capabilityIds: number[];
  note: string;
}

/**
 * Records the vendor's scope verdict on a question. In scope links the question to the capabilities
 * it is about (replacing earlier links); out of scope and needs clarification clear the links,
 * since nothing the tool does was asked for (yet).
 */
export function setScope(
  library: Library,
  input: ScopeInput,
): { verdict: ScopeVerdict; capabilityIds: number[] } {
  const question = library.db
    .prepare('SELECT customer_id, scope_verdict FROM questions WHERE id = ?')
    .get(input.questionId) as { customer_id: number | null; scope_verdict: ScopeVerdict | null } | undefined;
  if (!question) throw new KotaeError('NOT_FOUND', { id: input.questionId });
  const ids = input.verdict === 'in_scope' ? [...new Set(input.capabilityIds)] : [];
  if (input.verdict === 'in_scope' && !ids.length)
    throw new KotaeError(
      'INVALID_INPUT',
      { detail: 'no capability' },
      undefined,
      'tracking:errors.inScopeNeedsCapability',
    );
  const titles = ids.map((id) => {
    const row = library.db.prepare('SELECT title FROM capabilities WHERE id = ?').get(id) as
      { title: string } | undefined;
    if (!row) throw new KotaeError('NOT_FOUND', { id });
    return row.title;
  });
  library.mutate(
    {
      action: 'question.scope_set',
      entity: 'question',
      entityId: input.questionId,
      questionId: input.questionId,
      customerId: question.customer_id,
      summary: `${input.verdict}${titles.length ? `: ${titles.join(', ')}` : ''}`,
      detail: {
        from: question.scope_verdict,
        verdict: input.verdict,
        capabilityIds: ids,
        // The titles as they were then, so the log shows them in words even after a rename.
        capabilities: titles,
        note: input.note,
      },
    },
    (db) => {
      db.prepare('UPDATE questions SET scope_verdict = ?, scope_note = ?, updated_at = ? WHERE id = ?').run(
        input.verdict,
        input.note,
        library.now(),
        input.questionId,
      );
      db.prepare('DELETE FROM question_capabilities WHERE question_id = ?').run(input.questionId);
      const link = db.prepare('INSERT INTO question_capabilities (question_id, capability_id) VALUES (?, ?)');
      for (const id of ids) link.run(input.questionId, id);
    },
  );
  return { verdict: input.verdict, capabilityIds: ids };
}
