import path from 'node:path';
import { KotaeError } from '../../../../shared/errors';
import type { JobContext, JobRunner } from '../../jobs';
import type { Library } from '../../library';
import type { IndexerProgress } from '../indexing/indexer';
import { BackgroundIndexer } from './BackgroundIndexer';

// Search indexing in the app (issue 20): the open library's index worker, and a job in the status
// bar while it has real work (a first build, a migrated library, a long import): progress, and a
// cancel that pauses indexing until the library is opened again. Searches never wait for it: they
// read what is indexed and scan what is not (and say so when that is more than a scan reads).

/** Documents from which a backlog shows as a job (a few edits come and go unnoticed). */
const JOB_MIN = 200;

export class SearchIndexing {
  private indexer: BackgroundIndexer | null = null;
  private job: { ctx: JobContext | null; finish: () => void } | null = null;

  constructor(
    private readonly jobs: JobRunner,
    private readonly events: {
      /** A job's worth of documents became searchable through the index: results shown may grow. */
      caughtUp?: () => void;
      error?: (message: string) => void;
    } = {},
  ) {}

  /** Starts indexing the library (a writable one: a read-only library is searched as it is). */
  open(library: Library): void {
    void this.close();
    if (library.readOnly) return;
    this.indexer = new BackgroundIndexer(path.join(library.root, 'library.sqlite'), {
      progress: (p) => this.progress(p),
      idle: () => this.finishJob(),
      error: (message) => this.events.error?.(message),
    });
  }

  /** Something was written: index it now rather than at the worker's next look. */
  kick(): void {
    this.indexer?.kick();
  }

  /**
   * Keeps the index worker from writing while `work` runs (an online backup, which another
   * connection's writes send back to its first page, for ever while indexing goes on).
   */
  async whileHeld<T>(work: () => Promise<T>): Promise<T> {
    const indexer = this.indexer;
    if (!indexer) return work();
    await indexer.hold();
    try {
      return await work();
    } finally {
      indexer.release();
    }
  }

  /** Indexing was stopped by the vendor (cancel): it resumes when the library is opened again. */
  get paused(): boolean {
    return this.indexer?.paused ?? false;
  }

  async close(): Promise<void> {
    const indexer = this.indexer;
    this.indexer = null;
    this.job?.finish();
    this.job = null;
    await indexer?.stop();
  }

  private progress(p: IndexerProgress): void {
    if (p.phase !== 'rebuilding' && !(p.phase === 'indexing' && p.total >= JOB_MIN)) return;
    if (!this.job) this.startJob();
    this.job?.ctx?.progress(p.total ? p.done / p.total : 0);
  }

  private startJob(): void {
    const indexer = this.indexer;
    if (!indexer || indexer.paused) return;
    let finish = () => undefined as void;
    const job: { ctx: JobContext | null; finish: () => void } = { ctx: null, finish: () => finish() };
    this.job = job;
    this.jobs.start('searchIndex', (ctx) => {
      job.ctx = ctx;
      return new Promise<void>((resolve, reject) => {
        finish = resolve;
        ctx.signal.addEventListener('abort', () => {
          indexer.pause();
          if (this.job === job) this.job = null;
          reject(new KotaeError('CANCELLED'));
        });
      });
    });
  }

  private finishJob(): void {
    if (!this.job) return;
    this.job.finish();
    this.job = null;
    this.events.caughtUp?.();
  }
}
