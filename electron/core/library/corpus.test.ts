import { describe, expect, it } from 'vitest';
import { fingerprint, isReadableRefusal } from '../testing/hostile';
import { useTempDir } from '../testing/tempDir';
import { libraryCorpus } from './corpus';
import { openLibrary } from './open';

// Runs the hostile-library corpus (corpus.ts) through the real openLibrary: each folder opens, or
// is refused with its own error code and a message in both languages, and then every file under
// the case's folder (links by target, pipes unread) is byte for byte what it was.

const tempDir = useTempDir('kotae-library-corpus-');

describe('hostile library corpus', () => {
  for (const c of libraryCorpus) {
    const outcome = c.expected === 'opened' ? 'opened' : `rejected (${c.expected.rejected})`;
    it(`${c.name}: ${outcome}`, () => {
      const dir = tempDir();
      const root = c.make(dir);
      const before = fingerprint(dir);
      let error: unknown = null;
      try {
        const library = openLibrary(root);
        expect(library.integrity.status).toBe('ok');
        expect(library.counts().questions).toBeGreaterThan(0);
        library.close();
      } catch (err) {
        error = err;
      }
      if (c.expected === 'opened') {
        expect(error).toBeNull();
        return;
      }
      expect(error, 'the folder was opened').not.toBeNull();
      expect(error).toMatchObject({ code: c.expected.rejected });
      expect(isReadableRefusal(error)).toBe(true);
      expect(fingerprint(dir)).toEqual(before);
    });
  }
});
