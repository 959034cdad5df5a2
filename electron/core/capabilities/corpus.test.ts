import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, seedDemo } from '../library';
import { useTempDir } from '../testing';
import { catalogueCorpus } from './corpus';
import { importCatalogueFile } from './transfer';

// Runs the hostile capability-JSON corpus (corpus.ts) through the real catalogue import.

const tempDir = useTempDir('kotae-catalogue-corpus-');

describe('hostile capability JSON corpus', () => {
  it('every case builds its input, and names are unique', () => {
    for (const c of catalogueCorpus) expect(typeof c.make(tempDir()), c.name).toBe('string');
    expect(new Set(catalogueCorpus.map((c) => c.name)).size).toBe(catalogueCorpus.length);
  });

  for (const c of catalogueCorpus) {
    const shown = c.expected === 'imported' ? 'imported' : 'rejected';
    it(`${c.name}: ${shown}`, async () => {
      const dir = tempDir();
      const inputs = path.join(dir, 'in');
      mkdirSync(inputs);
      const source = c.make(inputs);
      const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
      try {
        const before = library.db.prepare('SELECT * FROM capabilities ORDER BY id').all();
        const result = await importCatalogueFile(library, source).then(
          () => 'imported' as const,
          (err: unknown) => err,
        );
        if (c.expected === 'imported') {
          expect(result).toBe('imported');
        } else {
          expect(result).toMatchObject({ code: 'IMPORT_FAILED' });
          if (c.expected.mentions) expect(JSON.stringify(result)).toContain(c.expected.mentions);
          // All or nothing: a refused file leaves the catalogue as it was.
          expect(library.db.prepare('SELECT * FROM capabilities ORDER BY id').all()).toEqual(before);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      } finally {
        library.close();
      }
    });
  }
});
