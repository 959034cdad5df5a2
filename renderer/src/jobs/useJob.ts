import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { jobResultOf, type JobKind, type JobResult } from '@shared/api/jobResults';
import type { JobState } from '@shared/domain/job';
import { call } from '../api/client';
import { followJobs, jobById, knownJobs, refreshJobs, subscribeJobs } from './jobStore';

export interface FollowedJob<K extends JobKind> {
  /** The job's latest state, or null before one is started (or after `reset`). */
  job: JobState | null;
  /** Its result, checked against the kind's schema, once it is done. */
  result: JobResult<K> | null;
  /** Running, or started and its first state not yet here. */
  running: boolean;
  /**
   * Calls `begin` (the channel that starts the job and answers its id, or null when the vendor
   * cancelled a dialog) with job events already followed, then follows that job. Returns what
   * `begin` answered; a refusal is kept in `startError`.
   */
  start: <T extends { jobId: string }>(begin: () => Promise<T | null>) => Promise<T | null>;
  cancel: () => Promise<void>;
  /** Forgets the job and any start error (a dismissed result). */
  reset: () => void;
  startError: unknown;
}

/**
 * One job of one kind, as a screen follows it: started here, or (with `adopt`) found running when
 * the screen opens, since jobs outlive screens. Every screen that follows a job uses this hook.
 */
export function useJob<K extends JobKind>(kind: K, options: { adopt?: boolean } = {}): FollowedJob<K> {
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const adopted = useSyncExternalStore(subscribeJobs, () =>
    options.adopt && jobId === null ? newestRunning(kind) : null,
  );
  const followed = useSyncExternalStore(subscribeJobs, () =>
    jobId === null ? null : (jobById(jobId) ?? null),
  );
  const job = followed ?? adopted;

  const adopt = !!options.adopt;
  useEffect(() => {
    if (adopt) void refreshJobs().catch(() => undefined);
  }, [adopt]);
  // An adopted job is then followed by id, so its end stays on screen after it stops running
  // (state adjusted while rendering, as React advises for state derived from what a render saw).
  if (adopted !== null && jobId === null) setJobId(adopted.id);

  const start = useCallback(async <T extends { jobId: string }>(begin: () => Promise<T | null>) => {
    followJobs();
    setStartError(null);
    try {
      const started = await begin();
      if (!started) return null;
      setJobId(started.jobId);
      // Known from its events already, unless the window's event stream came up after it started.
      if (!jobById(started.jobId)) void refreshJobs().catch(() => undefined);
      return started;
    } catch (err) {
      setStartError(err);
      return null;
    }
  }, []);

  const id = job?.id ?? null;
  const cancel = useCallback(async () => {
    if (id) await call('jobs:cancel', { id });
  }, [id]);
  const reset = useCallback(() => {
    setJobId(null);
    setStartError(null);
  }, []);

  return {
    job,
    result: jobResultOf(kind, job),
    // Started and not yet heard of (its state is on its way) counts as running.
    running: job ? job.status === 'running' : jobId !== null,
    start,
    cancel,
    reset,
    startError,
  };
}

function newestRunning(kind: JobKind): JobState | null {
  const running = knownJobs().filter((j) => j.kind === kind && j.status === 'running');
  return running.at(-1) ?? null;
}
