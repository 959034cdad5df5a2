import type { JobState } from '../../../shared/domain/job';
import type { Library } from '../library';
import type { JobJournal } from './JobRunner';

/** Records jobs in the library so a job cut short by a crash shows as interrupted on next start. */
export function libraryJournal(library: Library): JobJournal {
  return {
    started(state: JobState) {
      library.db
        .prepare('INSERT INTO jobs (id, kind, status, phase, progress, started_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(state.id, state.kind, state.status, state.phase, state.progress, state.startedAt);
    },
    finished(state: JobState) {
      library.db
        .prepare(
          'UPDATE jobs SET status = ?, phase = ?, progress = ?, finished_at = ?, error = ? WHERE id = ?',
        )
        .run(
          state.status,
          state.phase,
          state.progress,
          state.finishedAt,
          state.error ? JSON.stringify(state.error) : null,
          state.id,
        );
    },
  };
}

/** On open: any job still marked running belonged to a process that died. */
export function markInterruptedJobs(library: Library): number {
  return library.db
    .prepare("UPDATE jobs SET status = 'interrupted', finished_at = ? WHERE status = 'running'")
    .run(library.now()).changes;
}

export function recentJobs(library: Library, limit = 50): JobState[] {
  const rows = library.db
    .prepare(
      'SELECT id, kind, status, phase, progress, started_at, finished_at, error FROM jobs ORDER BY started_at DESC LIMIT ?',
    )
    .all(limit) as {
    id: string;
    kind: string;
    status: JobState['status'];
    phase: string;
    progress: number;
    started_at: string;
    finished_at: string | null;
    error: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    phase: r.phase,
    progress: r.progress,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    etaS: null,
    error: r.error ? JSON.parse(r.error) : null,
  }));
}
