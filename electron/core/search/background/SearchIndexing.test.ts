import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { JobState } from '../../../../shared/domain/job';
import { createBackup } from '../../backup';
import { createLibrary, openLibrary } from '../../library';
import { Studio } from '../../studio';
import { testDialogs, useTempDir } from '../../testing';
import { searchStatus } from '../queuedScan';
import { searchLibrary } from '../search';

// The app's indexer: a worker thread with its own connection indexes what the library queues,
// while the app's own connection keeps answering searches from what is indexed and what is not.

const tempDir = useTempDir();
const AT = '2026-11-20T09:00:00.000Z';
const dialogs = testDialogs();

/** A library with `count` questions, none indexed (as a migrated library or a CLI import leaves it). */
function libraryWith(count: number, padding = ''): string {
  const root = path.join(tempDir(), 'lib');
  const l = createLibrary(root);
  const add = l.db.prepare(
    'INSERT INTO questions (subject, body, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  l.db.transaction(() => {
    for (let i = 0; i < count; i++)
      add.run(
        `質問 ${i} の件名`,
        `本文 ${i}。${i === 0 ? '最初の質問だけの言葉: 蝋燭。' : ''}画像が表示されません。${padding}`,
        AT,
        AT,
        AT,
      );
  })();
  l.close();
  return root;
}

function studioOn(root: string): Studio {
  const studio = new Studio({
    userDataDir: tempDir(),
    systemLocale: 'en-US',
    shell: 'harness',
    appVersion: '0.0.0',
    platform: 'linux',
    dialogs,
  });
  studio.start();
  studio.openLibrary(root);
  return studio;
}

const find = (studio: Studio, query: string) =>
  searchLibrary(studio.library().db, { query, kinds: ['question'], limit: 20 }).map((h) => h.title);

describe('search indexing in the background', () => {
  it('indexes a library opened with nothing indexed, as a job, while searches answer at once', async () => {
    const root = libraryWith(3000);
    const studio = studioOn(root);
    const jobs: JobState[] = [];
    studio.jobs.onUpdate((j) => jobs.push(j));
    try {
      // The first search does not wait: the newest queued questions are read directly, and the
      // status says the rest are still waiting.
      expect(find(studio, '画像')).toHaveLength(20);
      await vi.waitFor(() => expect(searchStatus(studio.library().db, ['question']).queued).toBe(0), {
        timeout: 120_000,
        interval: 100,
      });
      // The oldest question, out of a direct scan's reach, is found once indexed.
      expect(find(studio, '蝋燭')).toEqual(['質問 0 の件名']);
      await vi.waitFor(
        () => expect(jobs.some((j) => j.kind === 'searchIndex' && j.status === 'done')).toBe(true),
        {
          timeout: 30_000,
        },
      );
      // An edit, announced as the app's handlers do, is indexed; the old text is never found.
      studio.library().db.prepare("UPDATE questions SET subject = '蝋燭ではなくランプ' WHERE id = 1").run();
      expect(find(studio, '蝋燭')).toEqual(['蝋燭ではなくランプ']);
      expect(find(studio, '件名').includes('質問 0 の件名')).toBe(false);
      studio.changed('questions');
      await vi.waitFor(() => expect(searchStatus(studio.library().db, ['question']).queued).toBe(0), {
        timeout: 30_000,
        interval: 50,
      });
      expect(find(studio, 'ランプ')).toEqual(['蝋燭ではなくランプ']);
    } finally {
      await studio.close();
    }
    // Closed: no worker holds the file, which is left without a WAL.
    const again = openLibrary(root, { readOnly: true });
    expect(again.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(3000);
    again.close();
  });

  it('pauses on cancel until the library is opened again', async () => {
    const root = libraryWith(20_000);
    const studio = studioOn(root);
    try {
      let job: JobState | undefined;
      await vi.waitFor(
        () => {
          job = studio.jobs.list().find((j) => j.kind === 'searchIndex' && j.status === 'running');
          expect(job).toBeDefined();
        },
        { timeout: 60_000, interval: 20 },
      );
      studio.jobs.cancel(job!.id);
      await vi.waitFor(() => expect(studio.jobs.get(job!.id)?.status).toBe('cancelled'));
      expect(studio.searchIndexing.paused).toBe(true);
      const queued = searchStatus(studio.library().db, ['question']).queued;
      expect(queued).toBeGreaterThan(0);
      studio.changed('questions');
      await new Promise((r) => setTimeout(r, 300));
      expect(searchStatus(studio.library().db, ['question']).queued).toBe(queued);
    } finally {
      await studio.close();
    }
  });

  it('holds its writes while a backup copies the database, and goes on after', async () => {
    // Big enough (~40 MB) that the copy takes many steps, each a turn of the event loop.
    const root = libraryWith(20_000, 'ページの読み込みが遅く、管理画面も開けません。'.repeat(30));
    const studio = studioOn(root);
    try {
      await vi.waitFor(() => expect(searchStatus(studio.library().db, ['question']).queued).toBe(0), {
        timeout: 120_000,
        interval: 100,
      });
      // Edits enough to keep the worker writing every few milliseconds for a while (fewer than a
      // rebuild would take: it indexes them in small transactions).
      studio.library().db.prepare("UPDATE questions SET body = body || ' 追記' WHERE id % 7 = 0").run();
      studio.changed('questions');
      await vi.waitFor(
        () =>
          expect(studio.jobs.list().some((j) => j.kind === 'searchIndex' && j.status === 'running')).toBe(
            true,
          ),
        { timeout: 60_000, interval: 10 },
      );
      // SQLite's online backup starts over whenever another connection writes: without the hold
      // it copies the first pages again and again while the worker indexes.
      const out = path.join(tempDir(), 'backup.zip');
      await createBackup(studio.library(), out, {
        signal: new AbortController().signal,
        appVersion: '0.0.0',
        quiet: (copy) => studio.searchIndexing.whileHeld(copy),
      });
      await vi.waitFor(() => expect(searchStatus(studio.library().db, ['question']).queued).toBe(0), {
        timeout: 120_000,
        interval: 100,
      });
      expect(find(studio, '蝋燭')).toEqual(['質問 0 の件名']);
    } finally {
      await studio.close();
    }
  });
});
