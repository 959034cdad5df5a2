import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

// The hostile capability-JSON corpus (issue 9): catalogue files a vendor could be handed (from a
// colleague, an old export, a tampered download), each with the outcome the import must have:
// imported whole, or refused (IMPORT_FAILED with a reason that says where) with the library as it
// was. Pure data, independent of the import's API; `corpus.test.ts` runs it once the catalogue
// import is on the branch (see README, "Hostile input corpora").

export type CatalogueOutcome = 'imported' | { rejected: 'IMPORT_FAILED'; mentions?: string };

export interface CatalogueCase {
  name: string;
  /** Writes the file under `dir` and returns its path. */
  make: (dir: string) => string;
  expected: CatalogueOutcome;
}

export function catalogue(areas: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'kotae-capabilities', version: 1, areas, ...extra };
}

const area = (title: string, operations: unknown[] = [], more: Record<string, unknown> = {}) => ({
  title,
  description: '',
  keywords: [],
  operations,
  ...more,
});
const op = (title: string, more: Record<string, unknown> = {}) => ({
  title,
  description: '',
  keywords: [],
  ...more,
});

function json(dir: string, name: string, value: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
}

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024);

export const catalogueCorpus: CatalogueCase[] = [
  {
    name: 'a sound catalogue',
    make: (d) => json(d, 'ok.json', catalogue([area('ショップ', [op('決済を設定する')])])),
    expected: 'imported',
  },
  {
    name: 'script in titles, descriptions and keywords (kept as text)',
    make: (d) =>
      json(
        d,
        'xss.json',
        catalogue([
          area('<img src=x onerror=alert(1)>', [
            op('<script>alert(2)</script>', {
              description: '<a href="javascript:alert(3)">x</a>',
              keywords: ['<svg onload=alert(4)>'],
            }),
          ]),
        ]),
      ),
    expected: 'imported',
  },
  {
    name: 'a byte-order mark before the JSON (Windows editors write one)',
    make: (d) => json(d, 'bom.json', `\ufeff${JSON.stringify(catalogue([area('BOM')]))}`),
    expected: 'imported',
  },
  {
    name: 'control and right-to-left characters in a title',
    make: (d) => json(d, 'rtl.json', catalogue([area('evil\u202egnp.exe\u0007')])),
    expected: 'imported',
  },
  { name: 'zero bytes', make: (d) => json(d, 'empty.json', ''), expected: { rejected: 'IMPORT_FAILED' } },
  {
    name: 'not JSON',
    make: (d) => json(d, 'text.json', 'areas: shop, payments'),
    expected: { rejected: 'IMPORT_FAILED' },
  },
  { name: 'JSON null', make: (d) => json(d, 'null.json', 'null'), expected: { rejected: 'IMPORT_FAILED' } },
  { name: 'a JSON array', make: (d) => json(d, 'array.json', '[]'), expected: { rejected: 'IMPORT_FAILED' } },
  {
    name: 'a JSON string',
    make: (d) => json(d, 'string.json', '"kotae-capabilities"'),
    expected: { rejected: 'IMPORT_FAILED' },
  },
  {
    name: 'another format',
    make: (d) => json(d, 'other.json', { ...catalogue([]), format: 'something-else' }),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'format' },
  },
  {
    name: 'a future version',
    make: (d) => json(d, 'v3.json', { ...catalogue([]), version: 3 }),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'version' },
  },
  {
    name: 'version 2 with a title as plain text (not per language)',
    make: (d) => json(d, 'v2-text.json', { ...catalogue([area('Shop')]), version: 2 }),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'areas.0.title' },
  },
  {
    name: 'version 2 with a language the app does not know',
    make: (d) =>
      json(d, 'v2-lang.json', { ...catalogue([{ title: { ja: 'ショップ', fr: 'Boutique' } }]), version: 2 }),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'areas.0.title' },
  },
  {
    name: 'version 2, both languages',
    make: (d) =>
      json(d, 'v2.json', {
        ...catalogue([
          {
            title: { ja: 'ショップ', en: 'Shop' },
            description: { en: 'Selling online' },
            operations: [{ title: { en: 'Add products' } }],
          },
        ]),
        version: 2,
      }),
    expected: 'imported',
  },
  {
    name: 'an unknown key (strict format)',
    make: (d) => json(d, 'extra.json', catalogue([area('a', [], { script: 'alert(1)' })])),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'areas.0' },
  },
  {
    name: 'a number where a title goes',
    make: (d) => json(d, 'number.json', catalogue([area(42 as unknown as string)])),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'areas.0.title' },
  },
  {
    name: 'a title of only spaces',
    make: (d) => json(d, 'blank.json', catalogue([area('   ')])),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'areas.0.title' },
  },
  {
    name: 'a title of 5 MB',
    make: (d) => json(d, 'long-title.json', catalogue([area(FIVE_MB)])),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'areas.0.title' },
  },
  {
    name: 'a description of 5 MB',
    make: (d) => json(d, 'long-desc.json', catalogue([area('a', [op('o', { description: FIVE_MB })])])),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'areas.0.operations.0.description' },
  },
  {
    name: '1,000,000 keywords',
    make: (d) =>
      json(
        d,
        'keywords.json',
        catalogue([area('a', [], { keywords: Array.from({ length: 1_000_000 }, (_, i) => `k${i}`) })]),
      ),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'keywords' },
  },
  {
    name: '1,001 areas',
    make: (d) => json(d, 'areas.json', catalogue(Array.from({ length: 1001 }, (_, i) => area(`a${i}`)))),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'areas' },
  },
  {
    name: 'two areas with one title',
    make: (d) => json(d, 'dup.json', catalogue([area('Shop'), area('Shop')])),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'duplicate' },
  },
  {
    name: 'version 2: two areas with one English title',
    make: (d) =>
      json(d, 'dup2.json', {
        ...catalogue([{ title: { ja: 'ショップ', en: 'Shop' } }, { title: { ja: '店舗', en: 'Shop' } }]),
        version: 2,
      }),
    expected: { rejected: 'IMPORT_FAILED', mentions: 'duplicate' },
  },
  {
    name: 'a __proto__ key (prototype pollution)',
    make: (d) =>
      json(
        d,
        'proto.json',
        `{"__proto__":{"polluted":true},"format":"kotae-capabilities","version":1,"areas":[{"title":"a","__proto__":{"polluted":true}}]}`,
      ),
    expected: { rejected: 'IMPORT_FAILED' },
  },
  {
    name: 'arrays nested 100,000 deep (a parser stack overflow)',
    make: (d) => json(d, 'deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    expected: { rejected: 'IMPORT_FAILED' },
  },
  {
    name: 'a sound catalogue followed by a second document',
    make: (d) => json(d, 'two.json', `${JSON.stringify(catalogue([area('a')]))}\n{"format":"x"}`),
    expected: { rejected: 'IMPORT_FAILED' },
  },
  {
    name: 'a 60 MB file',
    make: (d) =>
      json(
        d,
        'huge.json',
        catalogue(Array.from({ length: 12 }, (_, i) => area(`a${i}`, [], { description: FIVE_MB }))),
      ),
    expected: { rejected: 'IMPORT_FAILED' },
  },
  {
    name: 'a FIFO named .json (a reader would block forever)',
    make: (d) => {
      execFileSync('mkfifo', [path.join(d, 'pipe.json')]);
      return path.join(d, 'pipe.json');
    },
    expected: { rejected: 'IMPORT_FAILED' },
  },
  {
    name: 'a folder named .json',
    make: (d) => {
      execFileSync('mkdir', [path.join(d, 'folder.json')]);
      return path.join(d, 'folder.json');
    },
    expected: { rejected: 'IMPORT_FAILED' },
  },
  {
    name: 'a file that does not exist',
    make: (d) => path.join(d, 'gone.json'),
    expected: { rejected: 'IMPORT_FAILED' },
  },
];
