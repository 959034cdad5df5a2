import { describe, expect, it } from 'vitest';
import { oddFileCases } from '../core/library/testing';
import { fingerprint, messageText, useTempDir } from '../core/testing';
import { kotaeIn } from './testing';

// Issue 15: odd files in a library folder give the vendor a message that names them, and exit 1,
// never "internal error" (exit 2); the folder is left as it was. The cases are the library corpus's
// (corpusOddFiles.ts); here they go through the kotae command as a script would run it.

const tempDir = useTempDir('kotae-cli-odd-');

// One of each kind (the corpus test runs them all through openLibrary); a start of the CLI costs
// seconds on a loaded machine. The Japanese message is checked on one.
const named: [string, ('en' | 'ja')[]][] = [
  ['library.lock is a folder', ['en']],
  ['library.sqlite-wal is a link to another library’s file', ['en']],
  ['media/ is a link to a folder that is not there (a disconnected disk)', ['en']],
  ['an image whose file no longer matches its sha256 (same size, other bytes)', ['en', 'ja']],
  ['an image whose file is a link to a private file outside the library', ['en']],
];

/** The message as the CLI prints it, up to its first parameter. */
function lead(messageKey: string, language: 'en' | 'ja'): string {
  return messageText(messageKey, language).split('{{')[0]!;
}

describe('kotae on a library folder with odd files', () => {
  for (const [name, languages] of named) {
    const c = oddFileCases.find((x) => x.name === name)!;
    it(`${name}: exit 1 with its own message`, () => {
      expect(c, name).toBeDefined();
      expect(c.expected).not.toBe('opened');
      const expected = c.expected as { message: string };
      const dir = tempDir();
      const root = c.make(dir);
      const before = fingerprint(dir);
      const args =
        c.action === 'checkMedia'
          ? ['info', '--library', root, '--check-media']
          : ['status', '1', 'answered', '--library', root];
      for (const language of languages) {
        const out = kotaeIn(language, ...args);
        expect(out.code, out.stderr).toBe(1);
        expect(out.stderr).not.toMatch(/internal error/);
        expect(out.stderr).toContain(lead(`errors:${expected.message}`, language).trim() || 'kotae:');
      }
      expect(fingerprint(dir)).toEqual(before);
    });
  }
});
