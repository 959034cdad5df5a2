import type { JobState } from '@shared/domain/job';
import { call, onEvent } from '../api/client';

// Every job's latest state in this window, from one subscription to job:update that starts before
// the first job of the window (the shell follows jobs from boot, and `followJobs` is called again
// before any job is started). A job that ends before the call that started it returns (a render of
// a one-second clip; IPC replies and events travel separately) is therefore already here when its
// id arrives: no screen can miss a job's end by subscribing too late (issue 17).

/** Finished jobs kept for late readers; running ones are always kept. */
const KEEP_FINISHED = 50;

const jobs = new Map<string, JobState>();
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;
let snapshot: JobState[] = [];

function changed(): void {
  snapshot = [...jobs.values()];
  for (const listener of listeners) listener();
}

function prune(): void {
  const finished = [...jobs.values()].filter((j) => j.status !== 'running');
  for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(old.id);
}

/** A newer state never gives way to an older one: a finished job does not go back to running. */
function remember(job: JobState): boolean {
  const known = jobs.get(job.id);
  if (known && known.status !== 'running' && job.status === 'running') return false;
  // A known job keeps its place: the map's order is the order jobs were first heard of.
  jobs.set(job.id, job);
  return true;
}

/** Starts listening to job events, once per window. Call before starting a job. */
export function followJobs(): void {
  if (unsubscribe) return;
  unsubscribe = onEvent('job:update', (job) => {
    remember(job);
    prune();
    changed();
  });
}

export function subscribeJobs(listener: () => void): () => void {
  followJobs();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function jobById(id: string): JobState | undefined {
  return jobs.get(id);
}

/** Every job this window knows of, in the order first heard of (a stable array per change). */
export function knownJobs(): JobState[] {
  return snapshot;
}

/**
 * Asks the core for its jobs and keeps what is newer than what events brought: a job that ran
 * before this window listened (the publication still running when its screen opens).
 */
export async function refreshJobs(): Promise<JobState[]> {
  const list = await call('jobs:list', {});
  let any = false;
  for (const job of list) any = remember(job) || any;
  if (any) {
    prune();
    changed();
  }
  return list;
}
