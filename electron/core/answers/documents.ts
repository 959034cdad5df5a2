import type { AnswerDocument } from '../../../shared/answers/document';
import { documentError, parseAnswerDocument, parseDocumentJson } from '../../../shared/answers/validate';

// The answers service's side of the one document check (shared/answers/validate.ts): every
// working copy written goes through checkedDocument, every one read through storedDocument.

/**
 * A document about to be kept (autosave, a new answer, a restored revision): checked here even
 * when the caller's type says it is a document, because this is where it is written.
 */
export function checkedDocument(
  doc: unknown,
  messageKey?: string,
  params?: Record<string, string | number>,
): AnswerDocument {
  const result = parseAnswerDocument(doc);
  if (!result.ok)
    throw documentError(result.problem, {
      ...(messageKey ? { messageKey } : {}),
      ...(params ? { params } : {}),
    });
  return result.doc;
}

/**
 * A stored working copy, checked like any document at a door. Every door checks what it writes and
 * migration 0125 repaired older libraries, so a failure here means the database was changed from
 * outside the app: it is named (answer, node), never passed on to the editor or a renderer.
 */
export function storedDocument(json: string, answer: { id: number; title: string }): AnswerDocument {
  const result = parseDocumentJson(json, parseAnswerDocument);
  if (!result.ok)
    throw documentError(result.problem, {
      messageKey: 'errors:DOCUMENT_STORED_INVALID',
      params: { answer: answer.title, answerId: answer.id },
    });
  return result.doc;
}
