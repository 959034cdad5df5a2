import type { IndexerProgress } from '../indexing/indexer';

// Messages between the app and its index worker (worker_threads). Plain data, no functions.

export interface WorkerStart {
  /** library.sqlite of the open library. */
  dbPath: string;
}

export type ToWorker =
  /** Something was written: look at the queue now rather than at the next poll. */
  | { type: 'kick' }
  /** Stop the work in hand (a rebuild is dropped) and wait for resume or stop. */
  | { type: 'pause' }
  | { type: 'resume' }
  /**
   * Write nothing until release, keeping the work in hand: an online backup of the library
   * restarts from its first page whenever another connection writes (SQLite's backup API).
   */
  | { type: 'hold' }
  | { type: 'release' }
  /** Finish the step in hand, close the connection, exit. */
  | { type: 'stop' };

export type FromWorker =
  | { type: 'progress'; progress: IndexerProgress }
  /** Nothing left to do (the queue is empty, nothing to merge or compact). */
  | { type: 'idle' }
  /** Between two steps, holding: nothing more is written until release. */
  | { type: 'held' }
  | { type: 'error'; message: string };
