import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../library';
import { fingerprint } from '../testing/hostile';
import { useTempDir } from '../testing/tempDir';
import { mailCorpus, type MailOutcome } from './corpus';

// Runs the hostile-mail corpus (corpus.ts) through the mail import. The intake service is built on
// its own branch: until it is merged here, the module is looked up at run time and the import
// cases are reported as skipped (the corpus itself is still checked). After the merge, replace the
// lookup with `import { importMail } from './importMail'` (see README).

type ImportMail = (
  library: ReturnType<typeof createLibrary>,
  paths: string[],
) => Promise<{ items: { outcome: string; reason: string | null }[] }>;

const modulePath = './importMail';
const intake = (await import(/* @vite-ignore */ modulePath).catch(() => null)) as { importMail: ImportMail } | null;

const tempDir = useTempDir('kotae-mail-corpus-');

function outcomeOf(item: { outcome: string; reason: string | null }): MailOutcome {
  return item.outcome === 'rejected' ? { rejected: item.reason as never } : 'imported';
}

describe('hostile mail corpus', () => {
  it('every case builds its input, and names are unique', () => {
    for (const c of mailCorpus) {
      const dir = tempDir();
      expect(typeof c.make(dir), c.name).toBe('string');
    }
    expect(new Set(mailCorpus.map((c) => c.name)).size).toBe(mailCorpus.length);
  });

  for (const c of mailCorpus) {
    const shown = c.expected.map((e) => (e === 'imported' ? 'imported' : `rejected (${e.rejected})`)).join(', ');
    it.skipIf(!intake)(`${c.name}: ${shown}`, async () => {
      const dir = tempDir();
      const inputs = path.join(dir, 'in');
      mkdirSync(inputs);
      const source = c.make(inputs);
      const library = createLibrary(path.join(dir, 'lib'));
      try {
        const before = { counts: library.counts(), media: fingerprint(library.media.dir) };
        const report = await intake!.importMail(library, [source]);
        expect(report.items.map(outcomeOf)).toEqual(c.expected);
        if (c.expected.every((e) => e !== 'imported')) {
          expect({ counts: library.counts(), media: fingerprint(library.media.dir) }).toEqual(before);
        }
        const html = library.db.prepare('SELECT html FROM messages WHERE html IS NOT NULL').pluck().all() as string[];
        for (const pattern of c.htmlMustNotMatch ?? []) for (const h of html) expect(h).not.toMatch(pattern);
        // Nothing was written beside the library.
        expect(Object.keys(fingerprint(dir)).filter((f) => !f.startsWith('in') && !f.startsWith('lib'))).toEqual([]);
      } finally {
        library.close();
      }
    });
  }
});
