import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, seedDemo } from '../library';
import { snapshotFiles, useTempDir } from '../testing';
import { publishFaq, SiteWriter, STATE_DIR } from '.';
import { decideAll } from './testing';

const tempDir = useTempDir('kotae-faq-out-');

describe('the site folder changes all at once or not at all', () => {
  it('a cancelled publication leaves the previous site exactly as it was', async () => {
    const dir = tempDir();
    const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
    await decideAll(library);
    const out = path.join(dir, 'site');
    await publishFaq(library, { outDir: out });
    const before = snapshotFiles(out);
    library.db
      .prepare("UPDATE answers SET title = title || '（改訂）', updated_at = '2031-01-01T00:00:00.000Z'")
      .run();
    const controller = new AbortController();
    const error = await publishFaq(library, {
      outDir: out,
      signal: controller.signal,
      // Cancel once pages are being written to the staging folder.
      progress: (_f, phase) => {
        if (phase === 'index') controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(snapshotFiles(out)).toEqual(before);
    expect(readdirSync(path.join(out, STATE_DIR))).toEqual(['manifest.json']);
    library.close();
  });

  it('a run killed while staging leaves files nobody sees; the next run removes them', async () => {
    const out = tempDir();
    const writer = await SiteWriter.open(out);
    await writer.put('index.html', 'old');
    await writer.commit({});
    const killed = await SiteWriter.open(out);
    await killed.put('index.html', 'new');
    await killed.put('answers/x/index.html', 'new page');
    // …killed here: no journal was written.
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old');
    expect(existsSync(path.join(out, 'answers'))).toBe(false);
    await SiteWriter.open(out);
    expect(readdirSync(path.join(out, STATE_DIR))).toEqual(['manifest.json']);
  });

  it('a run killed while moving files into place is finished by the next run', async () => {
    const out = tempDir();
    const writer = await SiteWriter.open(out);
    await writer.put('index.html', 'old home');
    await writer.put('answers/gone/index.html', 'withdrawn');
    await writer.commit({});
    // What a run leaves when killed after writing its journal and moving one of two files.
    const staging = path.join(out, STATE_DIR, 'staging-0badc0de');
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, '1'), 'new home');
    writeFileSync(path.join(out, 'answers/new-moved.html'), 'already moved');
    const manifest = {
      version: 1,
      files: {
        'index.html': { hash: 'x', size: 8 },
        'answers/new-moved.html': { hash: 'y', size: 13 },
      },
      extra: {},
    };
    writeFileSync(
      path.join(out, STATE_DIR, 'commit.json'),
      JSON.stringify({
        staging: 'staging-0badc0de',
        moves: [
          ['answers/new-moved.html', '0'],
          ['index.html', '1'],
        ],
        deletes: ['answers/gone/index.html'],
        manifest,
      }),
    );
    const next = await SiteWriter.open(out);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new home');
    expect(existsSync(path.join(out, 'answers/gone'))).toBe(false);
    expect(readdirSync(path.join(out, STATE_DIR))).toEqual(['manifest.json']);
    expect(Object.keys(next.previous.files).sort()).toEqual(['answers/new-moved.html', 'index.html']);
  });

  it('never writes outside the site folder', async () => {
    const out = tempDir();
    const writer = await SiteWriter.open(out);
    for (const bad of ['../x.html', '/etc/x', 'a/../../x', '.kotae-faq/manifest.json', 'a//b'])
      await expect(writer.put(bad, 'x')).rejects.toThrow(/not a site path/);
  });
});
