import { useCallback, useEffect, useState } from 'react';
import type { JobState } from '@shared/domain/job';
import { call, onEvent } from '../../api/client';
import { useApi } from '../../api/hooks';

/**
 * The publication job of this window: started here, or found running when the screen opens (the
 * job outlives the screen). Follows its progress through job:update events.
 */
export function usePublishJob() {
  const jobs = useApi('jobs:list', {});
  const [job, setJob] = useState<JobState | null>(null);
  const [startError, setStartError] = useState<unknown>(null);

  const running = jobs.data?.find((j) => j.kind === 'publish' && j.status === 'running') ?? null;
  const current = job ?? running;
  const currentId = current?.id ?? null;

  useEffect(
    () =>
      onEvent('job:update', (update) => {
        if (update.kind !== 'publish') return;
        if (currentId === null || update.id === currentId) setJob(update);
      }),
    [currentId],
  );

  const start = useCallback(async () => {
    setStartError(null);
    try {
      const { jobId } = await call('faq:publish', {});
      setJob((prev) =>
        prev?.id === jobId ? prev : { ...placeholder, id: jobId, startedAt: new Date().toISOString() },
      );
    } catch (err) {
      setStartError(err);
    }
  }, []);

  const cancel = useCallback(async () => {
    if (current) await call('jobs:cancel', { id: current.id });
  }, [current]);

  const dismiss = useCallback(() => {
    setJob(null);
    setStartError(null);
  }, []);

  return { job: current, start, cancel, dismiss, startError };
}

const placeholder: JobState = {
  id: '',
  kind: 'publish',
  phase: 'collect',
  progress: 0,
  status: 'running',
  startedAt: '',
  finishedAt: null,
  etaS: null,
  error: null,
};

/** The figures a finished publication job reports (PublishResult of the core). */
export function publishResultOf(job: JobState | null): {
  outDir: string;
  stats: { answers: number; written: number; removed: number; unchanged: number };
} | null {
  const r = job?.result as { outDir?: unknown; stats?: Record<string, unknown> } | undefined;
  if (!r || typeof r.outDir !== 'string' || !r.stats) return null;
  const n = (k: string) => (typeof r.stats![k] === 'number' ? (r.stats![k] as number) : 0);
  return {
    outDir: r.outDir,
    stats: { answers: n('answers'), written: n('written'), removed: n('removed'), unchanged: n('unchanged') },
  };
}
