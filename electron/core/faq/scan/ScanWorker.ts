import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KotaeError } from '../../../../shared/errors';
import type { TextFinding } from '../../../../shared/privacy';
import type { ScanJob, ScanReply, ScannerSpec } from './protocol';

// One worker thread per process for the privacy scan, started when first needed. Requests run one
// after another; cancelling one ends the thread (a scan in progress cannot be interrupted any
// other way) and the next request starts a fresh one. An idle worker does not keep the process
// alive, and ends after a minute.

const IDLE_MS = 60_000;
/**
 * Jobs per message: small enough that a cancel or the progress comes soon, and that the worker
 * starts on the first batch while the caller still reads the next (jobs may be produced lazily),
 * big enough to be cheap. prepare() of 10,000 public answers, worker started (2-core machine
 * shared with other agents): every batch sent after all the documents were parsed, 5.9-6.1 s
 * wall at load 5.8; batches of 500,000 characters sent as they fill, the worker scanning while
 * the main thread parses, 4.9 s at load 3.7. At load 6-7 both took 7-11 s: the overlap needs a
 * free core. The main thread also gets a turn between batches instead of parsing for seconds.
 */
const BATCH_CHARS = 500_000;

/** The worker's script: built beside the main bundle, or the TypeScript source run through tsx. */
function workerScript(): { url: URL; execArgv: string[] } {
  for (const candidate of ['./privacyScanWorker.js', '../privacyScanWorker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { url, execArgv: [] };
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', tsx] };
}

export class ScanWorker {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idle: NodeJS.Timeout | null = null;
  /** Requests sent to a worker so far (what the cache saved shows here). */
  requests = 0;
  /** Requests sent and not answered yet: the worker keeps the process alive while there are any. */
  private outstanding = 0;

  /**
   * The findings of every unit of every job ([job][unit][finding]), scanned in the worker, in
   * batches; `progress` gets the share of jobs done (of `total`, for jobs that are not an array).
   * Jobs may be a lazy iterable: each batch goes to the worker as soon as it is full, so the
   * worker scans while the caller produces the next jobs (reading and parsing documents); the
   * event loop gets a turn between batches.
   */
  scan(
    scanner: ScannerSpec,
    jobs: readonly ScanJob[] | Iterable<ScanJob>,
    options: { signal?: AbortSignal; progress?: (done: number) => void; total?: number } = {},
  ): Promise<TextFinding[][][]> {
    const total = Array.isArray(jobs) ? jobs.length : (options.total ?? 0);
    const run = this.queue.then(async () => {
      const pending: Promise<TextFinding[][][]>[] = [];
      let done = 0;
      let batch: ScanJob[] = [];
      let chars = 0;
      const flush = () => {
        if (!batch.length) return;
        const sent = batch;
        const reply = this.request(scanner, sent, options.signal).then((found) => {
          done += sent.length;
          if (total) options.progress?.(Math.min(1, done / total));
          return found;
        });
        // Handled here so that a batch failing while later ones are produced is not "unhandled";
        // Promise.all below still sees the rejection.
        reply.catch(() => undefined);
        pending.push(reply);
        batch = [];
        chars = 0;
      };
      for (const job of jobs) {
        batch.push(job);
        for (const u of job.units) chars += u.length;
        if (chars >= BATCH_CHARS) {
          flush();
          await new Promise((resolve) => setImmediate(resolve));
          if (options.signal?.aborted) throw new KotaeError('CANCELLED');
        }
      }
      flush();
      const out: TextFinding[][][] = [];
      for (const found of await Promise.all(pending)) for (const f of found) out.push(f);
      return out;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Whether a worker thread is running (idle or scanning). */
  get started(): boolean {
    return this.worker !== null;
  }

  /** Ends the worker now (quitting, or a test's cleanup). */
  terminate(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }

  private start(): Worker {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    if (this.worker) return this.worker;
    const { url, execArgv } = workerScript();
    const worker = new Worker(url, { execArgv });
    worker.on('error', () => {
      if (this.worker === worker) this.worker = null;
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
    });
    return (this.worker = worker);
  }

  private request(scanner: ScannerSpec, jobs: ScanJob[], signal?: AbortSignal): Promise<TextFinding[][][]> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new KotaeError('CANCELLED'));
        return;
      }
      const worker = this.start();
      const requestId = this.nextId++;
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        if (--this.outstanding > 0) return;
        worker.unref();
        if (this.idle) clearTimeout(this.idle);
        this.idle = setTimeout(() => this.terminate(), IDLE_MS);
        this.idle.unref();
      };
      const onMessage = (reply: ScanReply) => {
        if (reply.requestId !== requestId) return;
        done();
        if (reply.ok) resolve(reply.findings);
        else reject(new Error(`privacy scan failed: ${reply.error}`));
      };
      const onError = (err: Error) => {
        done();
        reject(err);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`privacy scan worker exited (${code})`));
      };
      const onAbort = () => {
        done();
        this.terminate();
        reject(new KotaeError('CANCELLED'));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      this.outstanding++;
      this.requests++;
      worker.postMessage({ requestId, scanner, jobs });
    });
  }
}

/** The process's scan worker. */
export const scanWorker = new ScanWorker();
