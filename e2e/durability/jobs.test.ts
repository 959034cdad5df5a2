import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/core/api';
import { createBackup } from '../../electron/core/backup';
import { makeBundleFixture, makeTestVideo } from '../../electron/core/bundles/testing';
import { updateFaqSettings } from '../../electron/core/faq';
import { decideAll } from '../../electron/core/faq/testing';
import { testMail, testMbox } from '../../electron/core/intake/testing';
import { createLibrary, openLibrary } from '../../electron/core/library';
import { Studio } from '../../electron/core/studio';
import { snapshotFiles, useTempDir, testDialogs } from '../../electron/core/testing';
import type { JobState } from '../../shared/domain/job';
import { runJobChild, unknownMediaFiles, visibleFiles } from './jobRun';

// Kill -9 in the middle of a render, an export, a publication, a backup, a restore and a mail import: the originals keep
// their bytes, no partial output is visible, and on the next start the job shows as interrupted.

const tempDir = useTempDir('kotae-killjob-');

async function fixture() {
  const dir = tempDir();
  const video = path.join(dir, 'long.mp4');
  makeTestVideo(video, 20, '1280x720');
  const fx = await makeBundleFixture(path.join(dir, 'lib'), dir, { videoFile: video, videoDurationS: 20 });
  await decideAll(fx.library);
  fx.library.close();
  return { dir, lib: path.join(dir, 'lib'), userData: path.join(dir, 'user'), ...fx };
}

function makeStudio(userData: string): Studio {
  return new Studio({
    userDataDir: userData,
    systemLocale: 'en-US',
    shell: 'harness',
    appVersion: '0.0.0',
    platform: process.platform,
    dialogs: testDialogs(),
  });
}

/** What the app shows after a restart: the jobs the library remembers. */
async function jobsAfterRestart(userData: string): Promise<JobState[]> {
  const studio = makeStudio(userData);
  studio.start();
  const result = await dispatch(createHandlers(studio), 'jobs:list', {});
  await studio.close();
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as JobState[];
}

const progressAtLeast = (min: number) => (line: string) => {
  const m = /^job running ([\d.]+)/.exec(line);
  return !!m && Number(m[1]) >= min;
};

// Each case makes a library with a 20-second video, starts two or three processes under tsx and
// waits for their jobs: minutes on a busy two-core machine, so a longer limit than vitest's 60 s.
describe('kill -9 during a job', { timeout: 300_000 }, () => {
  it('render: the source video keeps its bytes, no stray media file, the job is interrupted', async () => {
    // Imported the way the app imports (probe and frame index), into the studio's own library.
    const dir = tempDir();
    const userData = path.join(dir, 'user');
    const video = path.join(dir, 'long.mp4');
    makeTestVideo(video, 20, '1280x720');
    const studio = makeStudio(userData);
    studio.start();
    const lib = studio.library().root;
    const imported = await dispatch(createHandlers(studio), 'media:import', { paths: [video] });
    await studio.close();
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    const clipId = (imported.value as { imported: { clipId: number }[] }).imported[0]!.clipId;
    const before = snapshotFiles(path.join(lib, 'media'));
    const run = await runJobChild(
      'render',
      { userData, library: lib, out: '', input: { id: clipId } },
      progressAtLeast(0.05),
    );
    expect(run.killed, run.lines.join('\n')).toBe(true);
    const jobs = await jobsAfterRestart(userData);
    expect(jobs.find((j) => j.kind === 'render')).toMatchObject({ status: 'interrupted' });
    const after = snapshotFiles(path.join(lib, 'media'));
    expect(after).toEqual(before);
    const library = openLibrary(lib, { readOnly: true });
    expect(unknownMediaFiles(library)).toEqual([]);
    // The killed render's scratch folder was removed when the library was opened again.
    expect(visibleFiles(path.join(lib, 'tmp'))).toEqual([]);
    library.close();
  });

  it('export: no zip appears under its name, the library media are intact, the job is interrupted', async () => {
    const fx = await fixture();
    const out = path.join(fx.dir, 'exports', 'answer.zip');
    mkdirSync(path.dirname(out), { recursive: true });
    const before = snapshotFiles(path.join(fx.lib, 'media'));
    const run = await runJobChild(
      'export',
      {
        userData: fx.userData,
        library: fx.lib,
        out,
        input: {
          answerId: fx.answerId,
          customerId: fx.customerId,
          questionId: null,
          personalised: true,
          videoRendition: 'original',
          zip: true,
          folder: false,
        },
      },
      progressAtLeast(0),
    );
    expect(run.killed, run.lines.join('\n')).toBe(true);
    expect(visibleFiles(path.dirname(out))).toEqual([]);
    expect((await jobsAfterRestart(fx.userData)).find((j) => j.kind === 'export')).toMatchObject({
      status: 'interrupted',
    });
    expect(snapshotFiles(path.join(fx.lib, 'media'))).toEqual(before);
  });

  it('publish: no page of a half-written site is visible, the job is interrupted, the next run completes', async () => {
    const fx = await fixture();
    const site = path.join(fx.dir, 'site');
    const library = openLibrary(fx.lib);
    updateFaqSettings(library, { outDir: site });
    library.close();
    const run = await runJobChild(
      'publish',
      { userData: fx.userData, library: fx.lib, out: site, input: {} },
      progressAtLeast(0),
    );
    expect(run.killed, run.lines.join('\n')).toBe(true);
    expect(visibleFiles(site)).toEqual([]);
    expect((await jobsAfterRestart(fx.userData)).find((j) => j.kind === 'publish')).toMatchObject({
      status: 'interrupted',
    });
    // The next publication cleans the staging the killed one left and writes the whole site.
    const again = await runJobChild(
      'publish',
      { userData: fx.userData, library: fx.lib, out: site, input: {} },
      () => false,
    );
    expect(again.lines.at(-1)).toBe('done done');
    expect(visibleFiles(site)).toContain('index.html');
  });

  it('backup: the previous backup keeps its bytes, no partial zip, the job is interrupted', async () => {
    const fx = await fixture();
    const out = path.join(fx.dir, 'backups', 'lib.zip');
    mkdirSync(path.dirname(out), { recursive: true });
    // Enough bytes that the second backup is still writing when the kill lands.
    const library = openLibrary(fx.lib);
    await library.media.addBuffer(randomBytes(96 * 1024 * 1024), 'bin');
    library.close();
    const first = await runJobChild(
      'backup',
      { userData: fx.userData, library: fx.lib, out, input: {} },
      () => false,
    );
    expect(first.lines.at(-1)).toBe('done done');
    const before = snapshotFiles(path.dirname(out));
    const run = await runJobChild(
      'backup',
      { userData: fx.userData, library: fx.lib, out, input: {} },
      progressAtLeast(0.05),
    );
    expect(run.killed, run.lines.join('\n')).toBe(true);
    expect(visibleFiles(path.dirname(out))).toEqual(['lib.zip']);
    expect(snapshotFiles(path.dirname(out))['lib.zip']).toBe(before['lib.zip']);
    expect(
      (await jobsAfterRestart(fx.userData))
        .filter((j) => j.kind === 'backup')
        .map((j) => j.status)
        .sort(),
    ).toEqual(['done', 'interrupted']);
  });

  it('restore: no library appears at the target, the backup keeps its bytes, the job is interrupted', async () => {
    const fx = await fixture();
    const zip = path.join(fx.dir, 'lib.zip');
    const library = openLibrary(fx.lib);
    await library.media.addBuffer(randomBytes(96 * 1024 * 1024), 'bin');
    await createBackup(library, zip, { signal: new AbortController().signal, appVersion: 'test' });
    library.close();
    const zipBefore = snapshotFiles(fx.dir)['lib.zip'];
    const target = path.join(fx.dir, 'restored', 'lib');
    const run = await runJobChild(
      'restore',
      { userData: fx.userData, library: fx.lib, out: target, input: { file: zip } },
      progressAtLeast(0.05),
    );
    expect(run.killed, run.lines.join('\n')).toBe(true);
    expect(visibleFiles(path.dirname(target))).toEqual([]);
    expect(snapshotFiles(fx.dir)['lib.zip']).toBe(zipBefore);
    expect((await jobsAfterRestart(fx.userData)).find((j) => j.kind === 'restore')).toMatchObject({
      status: 'interrupted',
    });
    // The same target can be restored into afterwards.
    const again = await runJobChild(
      'restore',
      { userData: fx.userData, library: fx.lib, out: target, input: { file: zip } },
      () => false,
    );
    expect(again.lines.at(-1)).toBe('done done');
    expect(visibleFiles(target)).toContain('library.sqlite');
    // …which also removed the hidden unpacking folder the killed restore left beside it.
    expect(readdirSync(path.dirname(target))).toEqual(['lib']);
  });

  it('import (mail): the mailbox keeps its bytes, only whole messages are in, the job is interrupted, a re-run completes', async () => {
    const dir = tempDir();
    const userData = path.join(dir, 'user');
    const lib = path.join(dir, 'lib');
    createLibrary(lib).close();
    // 3,000 mails, one thread per customer with an attachment each: long enough to be killed midway.
    const mails = Array.from({ length: 3000 }, (_, i) =>
      testMail({
        from: `Customer ${i % 500} <c${i % 500}@example.jp>`,
        subject: `Question ${i}`,
        messageId: `<m${i}@example.jp>`,
        text: `Body ${i} ${randomBytes(64).toString('hex')}`,
        attachments: [{ name: `log-${i}.txt`, type: 'text/plain', data: randomBytes(256) }],
      }),
    );
    const mbox = path.join(dir, 'support.mbox');
    writeFileSync(mbox, testMbox(mails));
    const mboxBefore = snapshotFiles(dir)['support.mbox'];
    const run = await runJobChild(
      'import',
      { userData, library: lib, out: '', input: { paths: [mbox] } },
      progressAtLeast(0.2),
    );
    expect(run.killed, run.lines.join('\n')).toBe(true);
    expect(snapshotFiles(dir)['support.mbox']).toBe(mboxBefore);
    expect((await jobsAfterRestart(userData)).find((j) => j.kind === 'import')).toMatchObject({
      status: 'interrupted',
    });

    const library = openLibrary(lib, { readOnly: true });
    const count = (sql: string) => library.db.prepare(sql).pluck().get() as number;
    expect(library.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const imported = count('SELECT count(*) FROM messages');
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(mails.length);
    // Whole messages only: each has its question, customer, attachment and log entry.
    expect(
      count(
        'SELECT count(*) FROM questions q WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.question_id = q.id)',
      ),
    ).toBe(0);
    expect(
      count(
        'SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM message_attachments a WHERE a.message_id = m.id)',
      ),
    ).toBe(0);
    expect(count('SELECT count(*) FROM questions WHERE customer_id IS NULL')).toBe(0);
    expect(unknownMediaFiles(library)).toEqual([]);
    library.close();

    const again = await runJobChild(
      'import',
      { userData, library: lib, out: '', input: { paths: [mbox] } },
      () => false,
    );
    expect(again.lines.at(-1)).toBe('done done');
    const after = openLibrary(lib, { readOnly: true });
    expect(after.db.prepare('SELECT count(*) FROM messages').pluck().get(), again.lines.join('\n')).toBe(
      mails.length,
    );
    after.close();
  });
});
