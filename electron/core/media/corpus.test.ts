import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLibrary, type Library } from '../library';
import { fingerprint, isReadableRefusal, messageText, useTempDir, testTools } from '../testing';
import { assetProbe, getAsset } from './assets';
import { videoCorpus } from './corpus';
import { importVideo } from './importVideo';

// Runs the hostile-video corpus (corpus.ts) through the real import. Each case either imports with
// probe data, or is refused with its own `videos:errors.*` message, leaving the library and every
// file around it as they were. The test timeout is only a safety net against a hang.

const tempDir = useTempDir('kotae-video-corpus-');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** What a refused import could have touched: stored media, rows, and leftovers in the scratch area. */
function state(library: Library) {
  const files = fingerprint(library.root);
  const kept = Object.fromEntries(
    Object.entries(files).filter(([f]) => f.startsWith('media') || (f.startsWith('tmp') && f !== 'tmp')),
  );
  return { files: kept, counts: library.counts() };
}

describe('hostile video corpus', () => {
  it('has at least 30 cases, each with a distinct name', () => {
    expect(videoCorpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(videoCorpus.map((c) => c.name)).size).toBe(videoCorpus.length);
  });

  for (const c of videoCorpus) {
    const outcome = c.expected === 'imported' ? 'imported' : `rejected (${c.expected.rejected})`;
    const test = c.knownIssue ? it.fails : it;
    test(`${c.name}: ${outcome}${c.knownIssue ? ` (known issue: ${c.knownIssue})` : ''}`, async () => {
      const dir = tempDir();
      const inputs = path.join(dir, 'in');
      mkdirSync(inputs);
      const tools = await testTools();
      const source = c.make(inputs, tools);
      const library = createLibrary(path.join(dir, 'lib'));
      try {
        const inputsBefore = fingerprint(inputs);
        const before = state(library);
        const run = importVideo(
          library,
          tools,
          source,
          c.originalName ? { originalName: c.originalName } : {},
        );
        if (c.expected === 'imported') {
          const result = await run;
          const asset = getAsset(library, result.assetId);
          const probe = assetProbe(asset);
          expect(probe.durationS).toBeGreaterThan(0);
          if (c.maxDurationS) expect(probe.durationS).toBeLessThanOrEqual(c.maxDurationS);
          expect(probe.video!.width).toBeGreaterThan(0);
          expect(asset.width! * asset.height!).toBeGreaterThan(0);
          // The shown name is kept as text; the file is stored by its hash, inside media/.
          expect(asset.original_name).toBe(c.originalName ?? path.basename(source));
          const stored = Object.keys(fingerprint(library.media.dir)).filter((f) =>
            f.endsWith(`.${asset.ext}`),
          );
          expect(stored.map((f) => path.basename(f, `.${asset.ext}`))).toContain(asset.sha256);
        } else {
          const err = await run.then(
            () => {
              throw new Error('the file was imported');
            },
            (e: unknown) => e,
          );
          expect(err).toMatchObject({
            code: 'MEDIA_INVALID',
            messageKey: `videos:errors.${c.expected.rejected}`,
          });
          expect(isReadableRefusal(err)).toBe(true);
          expect(state(library)).toEqual(before);
        }
        // Whatever happened, nothing beside the library was written or removed.
        expect(fingerprint(inputs)).toEqual(inputsBefore);
        expect(
          Object.keys(fingerprint(dir)).filter((f) => !f.startsWith('in') && !f.startsWith('lib')),
        ).toEqual([]);
      } finally {
        library.close();
      }
    });
  }

  it('`kotae media add` refuses them too: exit 1 and the message, never a crash (exit 2)', async () => {
    const tools = await testTools();
    const dir = tempDir();
    const lib = path.join(dir, 'lib');
    createLibrary(lib).close();
    const picked = videoCorpus.filter(
      (c) =>
        c.expected !== 'imported' && /random|text file|playlist|ffconcat|FIFO named|not exist/.test(c.name),
    );
    expect(picked.length).toBeGreaterThanOrEqual(6);
    for (const [i, c] of picked.entries()) {
      const inputs = path.join(dir, `in${i}`);
      mkdirSync(inputs);
      const run = spawnSync(
        process.execPath,
        [path.join(root, 'bin/kotae.mjs'), 'media', 'add', '--library', lib, c.make(inputs, tools)],
        {
          encoding: 'utf8',
          env: { ...process.env, LANG: 'C', KOTAE_LANG: 'en' },
        },
      );
      expect(run.status, `${c.name}: ${run.stderr}`).toBe(1);
      const reason = (c.expected as { rejected: string }).rejected;
      // The longest fixed part of the message (names are filled in between).
      const parts = messageText(`videos:errors.${reason}`, 'en').split(/\{\{\w+\}\}/);
      const headline = parts
        .reduce((a, b) => (b.length > a.length ? b : a))
        .trim()
        .slice(0, 30);
      expect(headline.length).toBeGreaterThan(10);
      expect(run.stderr, c.name).toContain(headline);
    }
    // Six CLI processes one after another (each starts tsx and probes): slow on a loaded 2-core
    // machine, so a generous limit; it is a safety net against a hang, not a speed check.
  }, 240_000);
});
