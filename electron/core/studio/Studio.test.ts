import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, seedDemo } from '../library';
import { makeIndexStale, useTempDir, testDialogs } from '../testing';
import { DEFAULT_LIBRARY_DIR, Studio } from './Studio';

const tempDir = useTempDir();
const dialogs = testDialogs();
const make = (userDataDir: string, systemLocale = 'en-US') =>
  new Studio({
    userDataDir,
    systemLocale,
    shell: 'harness',
    appVersion: '0.0.0',
    platform: 'linux',
    dialogs,
  });

describe('Studio', () => {
  it('on first run creates a demo library in the user-data folder and remembers it', async () => {
    const userData = tempDir();
    const studio = make(userData);
    const state = studio.start();
    expect(state.status).toBe('open');
    if (state.status === 'open') {
      expect(state.info.path).toBe(path.join(userData, DEFAULT_LIBRARY_DIR));
      expect(studio.library().counts().questions).toBe(12);
    }
    await studio.close();
    const again = make(userData);
    expect(again.start()).toMatchObject({
      status: 'open',
      info: { path: path.join(userData, DEFAULT_LIBRARY_DIR) },
    });
    await again.close();
  });

  it('makes the first-run demo in the UI language: English system, English demo (issue 18)', async () => {
    for (const [locale, product] of [
      ['en-US', 'Sirius Site Builder'],
      ['ja-JP', 'Sirius サイトビルダー'],
    ] as const) {
      const studio = make(tempDir(), locale);
      studio.start();
      expect(studio.library().db.prepare('SELECT name FROM products').pluck().get(), locale).toBe(product);
      await studio.close();
    }
  });

  it('reports a last library that can no longer be opened, instead of failing to start', async () => {
    const userData = tempDir();
    const first = make(userData);
    first.start();
    await first.close();
    writeFileSync(path.join(userData, DEFAULT_LIBRARY_DIR, 'library.sqlite'), 'garbage garbage garbage');
    const studio = make(userData);
    expect(studio.start()).toMatchObject({ status: 'error', error: { code: 'LIBRARY_CORRUPT' } });
    expect(() => studio.library()).toThrow(/NO_LIBRARY/);
    await studio.close();
  });

  it('switches libraries and announces it', async () => {
    const studio = make(tempDir());
    studio.start();
    const other = path.join(tempDir(), 'other');
    createLibrary(other).close();
    const events: string[] = [];
    studio.on((event) => events.push(event));
    studio.openLibrary(other);
    expect(studio.library().counts().questions).toBe(0);
    expect(events).toContain('library:changed');
    expect(studio.settings.get().recentLibraries[0]).toBe(other);
    await studio.close();
  });

  it('opens with the quick checks, then checks the whole file in the background and says so', async () => {
    const studio = make(tempDir());
    const integrity: string[] = [];
    studio.on((event, payload) => {
      if (event === 'library:integrity') integrity.push((payload as { status: string }).status);
    });
    const state = studio.start();
    expect(state).toMatchObject({
      status: 'open',
      info: { integrity: { checked: 'open', status: 'checking' } },
    });
    await studio.integritySettled();
    expect(integrity).toEqual(['checking', 'ok']);
    expect(studio.getState()).toMatchObject({ info: { integrity: { checked: 'full', status: 'ok' } } });
    expect(studio.jobs.list().find((j) => j.kind === 'integrity')?.status).toBe('done');
    await studio.close();
  });

  it('a problem found in the background stops changes to the library, and says what to do', async () => {
    const root = path.join(tempDir(), 'damaged');
    createLibrary(root, { seed: seedDemo }).close();
    makeIndexStale(root);
    const studio = make(tempDir());
    studio.start();
    // Opening passes: the checks at open cannot see an index that disagrees with its table.
    expect(studio.openLibrary(root).integrity.status).toBe('checking');
    await studio.integritySettled();
    expect(studio.getState()).toMatchObject({
      info: {
        integrity: {
          checked: 'full',
          status: 'problem',
          detail: expect.stringMatching(/questions_customer/),
        },
      },
    });
    expect(() => studio.writableLibrary()).toThrow(
      expect.objectContaining({ code: 'LIBRARY_CORRUPT', messageKey: 'library:damaged' }),
    );
    // What is there can still be read.
    expect(studio.library().counts().questions).toBe(12);
    await studio.close();
  });
});
