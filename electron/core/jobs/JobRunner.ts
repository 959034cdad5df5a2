import { randomUUID } from 'node:crypto';
import { jobResults, type JobKind, type JobResultInput } from '../../../shared/api/jobResults';
import type { JobState } from '../../../shared/domain/job';
import { KotaeError, toAppError } from '../../../shared/errors';

export interface JobContext {
  signal: AbortSignal;
  /** fraction 0–1 of the whole job; phase is an i18n key or a short label. */
  progress(fraction: number, phase?: string): void;
  /** Throws CANCELLED if the job was cancelled: call between units of work. */
  throwIfCancelled(): void;
}

export type JobWork<T> = (ctx: JobContext) => Promise<T>;

/** Where job states go besides the listeners: the library's jobs table, so a crash shows up later. */
export interface JobJournal {
  started(state: JobState): void;
  finished(state: JobState): void;
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * Runs long work (import, render, export, publish) off the request path: progress (0–1 and a
 * phase), an ETA, cancellation, and failure reported as a value rather than a crash.
 */
export class JobRunner {
  private readonly jobs = new Map<
    string,
    { state: JobState; controller: AbortController; done: Promise<unknown> }
  >();
  private readonly listeners = new Set<(state: JobState) => void>();

  constructor(private readonly journal?: () => JobJournal | null) {}

  onUpdate(listener: (state: JobState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(state: JobState): void {
    for (const listener of this.listeners) listener({ ...state });
  }

  /**
   * Starts a job of a kind named in shared/api/jobResults.ts: its work returns that kind's result,
   * which is checked against the kind's schema before any listener sees it.
   */
  start<K extends JobKind, T extends JobResultInput<K>>(
    kind: K,
    work: JobWork<T>,
    phase = '',
  ): { id: string; done: Promise<T> } {
    const id = randomUUID();
    const controller = new AbortController();
    const startedAt = Date.now();
    const state: JobState = {
      id,
      kind,
      phase,
      progress: 0,
      status: 'running',
      startedAt: new Date(startedAt).toISOString(),
      finishedAt: null,
      etaS: null,
      error: null,
    };
    let lastEmit = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (fraction, nextPhase) => {
        state.progress = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
        if (nextPhase !== undefined) state.phase = nextPhase;
        const elapsed = (Date.now() - startedAt) / 1000;
        state.etaS =
          state.progress > 0.02 && elapsed > 1
            ? Math.round((elapsed / state.progress) * (1 - state.progress))
            : null;
        const now = Date.now();
        if (now - lastEmit >= PROGRESS_INTERVAL_MS || nextPhase !== undefined) {
          lastEmit = now;
          this.emit(state);
        }
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new KotaeError('CANCELLED');
      },
    };
    this.journal?.()?.started({ ...state });
    const done = (async () => {
      try {
        const result = await work(ctx);
        if (controller.signal.aborted) throw new KotaeError('CANCELLED');
        // The window reads the result through the same schema: a wrong shape is this job's failure,
        // told at once, not a blank where the screen expected figures.
        const checked = jobResults[kind].safeParse(result);
        if (!checked.success) {
          throw new KotaeError('INTERNAL', { kind }, `the ${kind} job's result is not its shape: ${checked.error.message}`);
        }
        Object.assign(state, { status: 'done', progress: 1, result: checked.data, etaS: 0 });
        return result;
      } catch (err) {
        const error = controller.signal.aborted ? toAppError(new KotaeError('CANCELLED')) : toAppError(err);
        Object.assign(state, {
          status: error.code === 'CANCELLED' ? 'cancelled' : 'failed',
          error,
          etaS: null,
        });
        throw err instanceof KotaeError || !controller.signal.aborted ? err : new KotaeError('CANCELLED');
      } finally {
        state.finishedAt = new Date().toISOString();
        try {
          this.journal?.()?.finished({ ...state });
        } catch {
          /* the journal is best effort: a closed library must not turn success into failure */
        }
        this.emit(state);
      }
    })();
    // Callers that only watch events must not cause an unhandled rejection.
    done.catch(() => undefined);
    this.jobs.set(id, { state, controller, done });
    this.emit(state);
    return { id, done };
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.state.status !== 'running') return false;
    job.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const id of this.jobs.keys()) this.cancel(id);
  }

  /** Waits for every running job to settle (used on quit, after cancelAll). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.jobs.values()].map((j) => j.done));
  }

  list(): JobState[] {
    return [...this.jobs.values()]
      .map((j) => ({ ...j.state }))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  get(id: string): JobState | undefined {
    const job = this.jobs.get(id);
    return job ? { ...job.state } : undefined;
  }
}
