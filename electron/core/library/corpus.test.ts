import { describe, expect, it } from 'vitest';
import { fingerprint, isReadableRefusal, useTempDir } from '../testing';
import { libraryCorpus, type LibraryCase } from './corpus';
import { checkMediaFiles, mediaFindingsError } from './mediaCheck';
import { openLibrary } from './open';

// Runs the hostile-library corpus (corpus.ts) through the real openLibrary: each folder opens, or
// is refused with its own error code and a message in both languages, and then every file under
// the case's folder (links by target, pipes unread) is byte for byte what it was. Media cases open
// the library read-only and read every media file, as `kotae info --check-media` does.

async function act(c: LibraryCase, root: string): Promise<void> {
  if (c.action === 'checkMedia') {
    const library = openLibrary(root, { readOnly: true });
    try {
      const error = mediaFindingsError(root, (await checkMediaFiles(library)).findings);
      if (error) throw error;
    } finally {
      library.close();
    }
    return;
  }
  const library = openLibrary(root);
  expect(library.integrity.status).toBe('ok');
  expect(library.counts().questions).toBeGreaterThan(0);
  library.close();
}

const tempDir = useTempDir('kotae-library-corpus-');

describe('hostile library corpus', () => {
  for (const c of libraryCorpus) {
    const outcome = c.expected === 'opened' ? 'opened' : `rejected (${c.expected.rejected})`;
    it(`${c.name}: ${outcome}`, async () => {
      const dir = tempDir();
      const root = c.make(dir);
      const before = fingerprint(dir);
      let error: unknown = null;
      try {
        await act(c, root);
      } catch (err) {
        error = err;
      }
      if (c.expected === 'opened') {
        expect(error).toBeNull();
        return;
      }
      expect(error, 'the folder was opened').not.toBeNull();
      expect(error).toMatchObject({ code: c.expected.rejected });
      if (c.expected.message) expect(error).toMatchObject({ messageKey: `errors:${c.expected.message}` });
      expect(isReadableRefusal(error)).toBe(true);
      expect(fingerprint(dir)).toEqual(before);
    });
  }
});
