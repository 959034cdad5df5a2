import { useEffect, useState } from 'react';
import type { JobState } from '@shared/domain/job';
import { call, onEvent } from '../api/client';

/**
 * The live state of one job. Listens from mount, before the job exists, so a fast job's last update
 * is not missed while its id travels back; jobs:list fills in a job that finished even sooner.
 */
export function useJob(jobId: string | null): JobState | null {
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobState>>(new Map());
  useEffect(() => onEvent('job:update', (job) => setJobs((map) => new Map(map).set(job.id, job))), []);
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    void call('jobs:list', {}).then((list) => {
      const job = list.find((j) => j.id === jobId);
      if (!live || !job) return;
      // An event may already have brought a newer state: never go back from finished to running.
      setJobs((map) =>
        map.get(jobId)?.status !== 'running' && map.has(jobId) ? map : new Map(map).set(jobId, job),
      );
    });
    return () => {
      live = false;
    };
  }, [jobId]);
  return jobId ? (jobs.get(jobId) ?? null) : null;
}
