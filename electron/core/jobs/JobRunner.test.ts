import { describe, expect, it } from 'vitest';
import { jobResultOf } from '../../../shared/api/jobResults';
import type { JobState } from '../../../shared/domain/job';
import { KotaeError } from '../../../shared/errors';
import { JobRunner } from './JobRunner';

describe('JobRunner', () => {
  it('reports progress and the result', async () => {
    const runner = new JobRunner();
    const updates: JobState[] = [];
    runner.onUpdate((s) => updates.push(s));
    const { done, id } = runner.start('render', async (ctx) => {
      for (let i = 1; i <= 4; i++) {
        ctx.progress(i / 4, 'jobs:phase.reading');
        await new Promise((r) => setTimeout(r, 5));
      }
      return { clipId: 4, assetId: 2 };
    });
    await expect(done).resolves.toEqual({ clipId: 4, assetId: 2 });
    expect(runner.get(id)).toMatchObject({ status: 'done', progress: 1, result: { clipId: 4, assetId: 2 } });
    expect(updates.some((u) => u.phase === 'jobs:phase.reading' && u.progress > 0)).toBe(true);
    expect(updates.at(-1)?.status).toBe('done');
  });

  it('cancels a running job: its signal aborts and it ends as cancelled', async () => {
    const runner = new JobRunner();
    let sawAbort = false;
    const { done, id } = runner.start('render', async (ctx) => {
      while (!ctx.signal.aborted) await new Promise((r) => setTimeout(r, 2));
      sawAbort = true;
      ctx.throwIfCancelled();
      return { clipId: 1, assetId: null };
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(runner.cancel(id)).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(sawAbort).toBe(true);
    expect(runner.get(id)).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(runner.cancel(id)).toBe(false);
  });

  it('reports a failure as a value and keeps running other jobs', async () => {
    const runner = new JobRunner();
    const failed = runner.start('integrity', async () => {
      throw new KotaeError('DISK_FULL');
    });
    const ok = runner.start('integrity', async () => 'ok');
    await expect(failed.done).rejects.toBeInstanceOf(KotaeError);
    await expect(ok.done).resolves.toBe('ok');
    expect(runner.get(failed.id)).toMatchObject({ status: 'failed', error: { code: 'DISK_FULL' } });
  });

  it('writes start and end to the journal', async () => {
    const events: string[] = [];
    const runner = new JobRunner(() => ({
      started: (s) => events.push(`start ${s.kind}`),
      finished: (s) => events.push(`end ${s.status}`),
    }));
    await runner.start('integrity', async () => 'ok').done;
    expect(events).toEqual(['start integrity', 'end done']);
  });

  it("fails a job whose result is not its kind's shape, before a listener sees it as done", async () => {
    const runner = new JobRunner();
    const updates: JobState[] = [];
    runner.onUpdate((s) => updates.push(s));
    // As a core change that returned the wrong thing would, past the type checker.
    const wrong = runner.start('render', async () => ({ clipId: 'four' }) as unknown as { clipId: number; assetId: null });
    await expect(wrong.done).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(runner.get(wrong.id)).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(updates.some((u) => u.status === 'done')).toBe(false);
  });

  it('hands the window the result as its schema reads it', async () => {
    const runner = new JobRunner();
    const { id, done } = runner.start('publish', async () => ({
      publicationId: 3,
      outDir: '/tmp/site',
      stats: { answers: 2, written: 2 },
    }));
    await done;
    const state = runner.get(id)!;
    expect(jobResultOf('publish', state)).toMatchObject({ outDir: '/tmp/site', stats: { answers: 2, removed: 0 } });
    expect(jobResultOf('backup', state)).toBeNull();
  });
});
