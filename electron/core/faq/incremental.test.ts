import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, seedDemo, type Library } from '../library';
import { useTempDir } from '../testing';
import { publishFaq } from '.';
import { decideAll, siteFiles, siteSearch } from './testing';

const tempDir = useTempDir('kotae-faq-inc-');

async function published(): Promise<{ library: Library; out: string; dir: string }> {
  const dir = tempDir();
  const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
  await decideAll(library);
  const out = path.join(dir, 'site');
  await publishFaq(library, { outDir: out });
  return { library, out, dir };
}

const idOf = (library: Library, slug: string) =>
  (library.db.prepare('SELECT id FROM answers WHERE slug = ?').get(slug) as { id: number }).id;

function editText(library: Library, slug: string, from: string, to: string): void {
  const row = library.db.prepare('SELECT doc FROM answers WHERE slug = ?').get(slug) as { doc: string };
  expect(row.doc).toContain(from);
  library.db
    .prepare(
      "UPDATE answers SET doc = ?, revision = revision + 1, updated_at = '2030-01-02T03:04:05.000Z' WHERE slug = ?",
    )
    .run(row.doc.replace(from, to), slug);
}

const without = (files: Map<string, string>) =>
  new Map([...files].filter(([p]) => !p.startsWith('.kotae-faq/')));

describe('republishing', () => {
  it('writes nothing when nothing changed', async () => {
    const { library, out } = await published();
    const again = await publishFaq(library, { outDir: out });
    expect(again.stats.written).toBe(0);
    expect(again.stats.removed).toBe(0);
    library.close();
  });

  it('after one edit rewrites that answer, the lists and the search files only, and equals a fresh publication', async () => {
    const { library, out, dir } = await published();
    const other = path.join(out, 'answers/schedule-a-blog-post/index.html');
    const inodeBefore = statSync(other).ino;
    editText(
      library,
      'connect-a-custom-domain',
      '「接続を確認」を押します。',
      '「接続を確認」を押します。ブラウザで再読み込みします。',
    );
    const result = await publishFaq(library, { outDir: out });
    expect(result.stats.written).toBeGreaterThan(0);
    expect(result.stats.written).toBeLessThan(15);
    expect(statSync(other).ino).toBe(inodeBefore); // untouched, not rewritten in place
    const page = readFileSync(path.join(out, 'answers/connect-a-custom-domain/index.html'), 'utf8');
    expect(page).toContain('ブラウザで再読み込みします。');
    expect(page).toContain('<time datetime="2030-01-02">');
    // The patched index finds the new words and still finds the rest.
    expect((await siteSearch(out).search('再読み込み')).map((r) => r.path)).toContain(
      'answers/connect-a-custom-domain/',
    );
    expect((await siteSearch(out).search('予約')).map((r) => r.path)).toContain(
      'answers/schedule-a-blog-post/',
    );

    const fresh = path.join(dir, 'fresh');
    await publishFaq(library, { outDir: fresh });
    expect(without(siteFiles(out))).toEqual(without(siteFiles(fresh)));
    library.close();
  });

  it('removes the pages of an answer that is no longer public, and nothing is left of it in the index', async () => {
    const { library, out, dir } = await published();
    library.db.prepare("UPDATE answers SET is_public = 0 WHERE slug = 'change-the-theme-colour'").run();
    const result = await publishFaq(library, { outDir: out });
    expect(result.stats.removed).toBeGreaterThanOrEqual(1);
    expect(existsSync(path.join(out, 'answers/change-the-theme-colour'))).toBe(false);
    expect((await siteSearch(out).search('アクセント色')).length).toBe(0);
    const fresh = path.join(dir, 'fresh');
    await publishFaq(library, { outDir: fresh });
    expect(without(siteFiles(out))).toEqual(without(siteFiles(fresh)));
    library.close();
  });

  it('keeps the address when the title changes, and leaves a pointer when the slug changes', async () => {
    const { library, out } = await published();
    const id = idOf(library, 'connect-a-custom-domain');
    library.db
      .prepare(
        "UPDATE answers SET title = '独自ドメインをつなぐ', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?",
      )
      .run(id);
    await publishFaq(library, { outDir: out });
    expect(readFileSync(path.join(out, 'answers/connect-a-custom-domain/index.html'), 'utf8')).toContain(
      '<h1>独自ドメインをつなぐ</h1>',
    );
    // Other pages list the new title.
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('独自ドメインをつなぐ');

    library.db.prepare("UPDATE answers SET slug = 'custom-domain' WHERE id = ?").run(id);
    await publishFaq(library, { outDir: out });
    expect(existsSync(path.join(out, 'answers/custom-domain/index.html'))).toBe(true);
    const moved = readFileSync(path.join(out, 'answers/connect-a-custom-domain/index.html'), 'utf8');
    expect(moved).toContain('<meta http-equiv="refresh" content="0; url=../../answers/custom-domain/">');
    library.close();
  });

  it('rewrites every page when the vendor changes (the header is on every page)', async () => {
    const { library, out } = await published();
    const { updateVendor } = await import('.');
    updateVendor(library, { name: 'Sirius Help' });
    const result = await publishFaq(library, { outDir: out });
    expect(result.stats.written).toBeGreaterThanOrEqual(5 + 5 + 3);
    expect(readFileSync(path.join(out, 'answers/add-google-analytics/index.html'), 'utf8')).toContain(
      'Sirius Help FAQ',
    );
    library.close();
  });

  it('refuses to publish an answer that changed after it was checked', async () => {
    const { library } = await published();
    const { collectSite } = await import('./collect');
    const snapshot = collectSite(library);
    editText(
      library,
      'connect-a-custom-domain',
      '「接続を確認」を押します。',
      '田中様に電話して確認します。',
    );
    const answer = snapshot.answers.find((a) => a.slug === 'connect-a-custom-domain')!;
    expect(() => answer.doc).toThrow(/changed during the publication/);
    library.close();
  });
});
