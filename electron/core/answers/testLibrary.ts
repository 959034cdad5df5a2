import path from 'node:path';
import { documentOf, paragraph, type AnswerDocument } from '../../../shared/answers/document';
import { createLibrary, seedDemo, type Library } from '../library';
import { refreshSearchIndex } from '../search';

// The library the answers service's tests work in: the demo (or empty), indexed for search as the
// app's indexer does as soon as a library is open, on a clock the test moves.

export function openTestLibrary(
  dir: string,
  demo = true,
): { library: Library; advance: (ms: number) => void } {
  let now = Date.parse('2026-11-23T09:00:00.000Z');
  const library = createLibrary(path.join(dir, 'lib'), {
    clock: () => new Date(now),
    ...(demo ? { seed: seedDemo } : {}),
  });
  refreshSearchIndex(library.db);
  return { library, advance: (ms) => (now += ms) };
}

export const textDoc = (text: string, more: AnswerDocument['root']['children'] = []) =>
  documentOf([paragraph(text), ...more]);

export const questionIdOf = (library: Library, subject: string) =>
  (library.db.prepare('SELECT id FROM questions WHERE subject LIKE ?').get(`%${subject}%`) as { id: number })
    .id;
