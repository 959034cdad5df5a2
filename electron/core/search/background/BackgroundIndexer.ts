import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IndexerProgress } from '../indexing/indexer';
import type { FromWorker, ToWorker, WorkerStart } from './protocol';

// The app's side of the index worker: starts it on a library, tells it when something was written,
// pauses and stops it, and passes on what it reports. One per open library.

export interface BackgroundIndexerEvents {
  progress?: (progress: IndexerProgress) => void;
  idle?: () => void;
  error?: (message: string) => void;
}

/**
 * Where the worker's code is: beside the bundled main process (electron-vite builds it as its own
 * entry, out/main/searchIndexWorker.js), else the TypeScript source run through tsx (the harness,
 * the CLI, tests). The names are variables so that no bundler rewrites them.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const built = ['./searchIndexWorker.js', '../searchIndexWorker.js'];
  for (const name of built) {
    const url = new URL(name, import.meta.url);
    if (import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url))) return { url, execArgv: [] };
  }
  const source = './indexWorker.ts';
  return { url: new URL(source, import.meta.url), execArgv: ['--import', 'tsx'] };
}

export class BackgroundIndexer {
  private readonly worker: Worker;
  private exited: Promise<void>;
  private stopped = false;
  private readonly waitingForHeld: (() => void)[] = [];
  paused = false;

  constructor(dbPath: string, events: BackgroundIndexerEvents = {}) {
    const { url, execArgv } = workerEntry();
    this.worker = new Worker(url, { workerData: { dbPath } satisfies WorkerStart, execArgv });
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') events.progress?.(message.progress);
      else if (message.type === 'idle') events.idle?.();
      else if (message.type === 'held') for (const resolve of this.waitingForHeld.splice(0)) resolve();
      else events.error?.(message.message);
    });
    this.worker.on('error', (err) => events.error?.(err.message));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        for (const resolve of this.waitingForHeld.splice(0)) resolve();
        resolve();
      }),
    );
    // The app may quit while the worker sleeps: it must not keep the process alive.
    this.worker.unref();
  }

  private send(message: ToWorker): void {
    if (!this.stopped) this.worker.postMessage(message);
  }

  /** Something was written: index it now. */
  kick(): void {
    this.send({ type: 'kick' });
  }

  /** Stops the work in hand (a rebuild is dropped) until resume(). */
  pause(): void {
    this.paused = true;
    this.send({ type: 'pause' });
  }

  resume(): void {
    this.paused = false;
    this.send({ type: 'resume' });
  }

  /**
   * Stops the worker writing until release(), without giving up its work; resolves once it is
   * between two steps (it finishes the one in hand, a few milliseconds).
   */
  hold(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    // Waiting for its answer, the worker keeps the process alive (a CLI or a script has nothing
    // else that does: unref'd, the process would end in the middle of a backup).
    this.worker.ref();
    const held = new Promise<void>((resolve) => this.waitingForHeld.push(resolve)).finally(() => {
      if (!this.stopped) this.worker.unref();
    });
    this.send({ type: 'hold' });
    return held;
  }

  release(): void {
    this.send({ type: 'release' });
  }

  /** Lets the worker finish its step and close its connection; resolves when it has exited. */
  stop(): Promise<void> {
    this.send({ type: 'stop' });
    this.stopped = true;
    // Until it has exited (its connection closed), as for hold().
    this.worker.ref();
    return this.exited;
  }
}
