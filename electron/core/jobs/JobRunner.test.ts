import { describe, expect, it } from 'vitest';
import type { JobState } from '../../../shared/domain/job';
import { KotaeError } from '../../../shared/errors';
import { JobRunner } from './JobRunner';

describe('JobRunner', () => {
  it('reports progress and the result', async () => {
    const runner = new JobRunner();
    const updates: JobState[] = [];
    runner.onUpdate((s) => updates.push(s));
    const { done, id } = runner.start('import', async (ctx) => {
      for (let i = 1; i <= 4; i++) {
        ctx.progress(i / 4, 'jobs:phase.reading');
        await new Promise((r) => setTimeout(r, 5));
      }
      return 42;
    });
    await expect(done).resolves.toBe(42);
    expect(runner.get(id)).toMatchObject({ status: 'done', progress: 1 });
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
      return 'never';
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
    const failed = runner.start('export', async () => {
      throw new KotaeError('DISK_FULL');
    });
    const ok = runner.start('export', async () => 'fine');
    await expect(failed.done).rejects.toBeInstanceOf(KotaeError);
    await expect(ok.done).resolves.toBe('fine');
    expect(runner.get(failed.id)).toMatchObject({ status: 'failed', error: { code: 'DISK_FULL' } });
  });

  it('writes start and end to the journal', async () => {
    const events: string[] = [];
    const runner = new JobRunner(() => ({
      started: (s) => events.push(`start ${s.kind}`),
      finished: (s) => events.push(`end ${s.status}`),
    }));
    await runner.start('publish', async () => 1).done;
    expect(events).toEqual(['start publish', 'end done']);
  });
});
