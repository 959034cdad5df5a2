import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../library';
import { fingerprint, useTempDir } from '../testing';
import { mailCorpus, type MailOutcome } from './corpus';
import { importMail } from './importMail';

// Runs the hostile-mail corpus (corpus.ts) through the real mail import.

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
    it(`${c.name}: ${shown}`, async () => {
      const dir = tempDir();
      const inputs = path.join(dir, 'in');
      mkdirSync(inputs);
      const source = c.make(inputs);
      const library = createLibrary(path.join(dir, 'lib'));
      try {
        const before = { counts: library.counts(), media: fingerprint(library.media.dir) };
        const report = await importMail(library, [source]);
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
