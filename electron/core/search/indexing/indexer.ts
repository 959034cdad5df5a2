import type { Database } from 'better-sqlite3';
import { documentCount, readStats, TermTable } from '../indexTables';
import { applyDocuments, readQueued } from './apply';
import { Compaction } from './compact';
import { mergeFreshChunk } from './merge';
import { nextQueued, queuedCount } from './queue';
import { Rebuild } from './rebuild';

// The one driver of index maintenance, in small steps so whoever runs it stays responsive: the
// background worker of the app (a step, then a turn of its event loop), and the CLI, tests and
// benchmarks (steps until idle). Each step is one of, in this order:
// - a piece of a rebuild in progress;
// - starting a rebuild, when the queue is long (a library's first index, a migrated library, a
//   repair, a backlog of a fifth of the library or more): building anew is ~10× faster per
//   document than appending, and nothing is searched from a half-built index;
// - indexing the next few queued documents (search_fresh);
// - merging fresh postings into blocks, once there are many;
// - compacting, once a quarter of the postings belong to retired versions.

export interface IndexerOptions {
  /** Documents indexed per transaction in the incremental path. */
  batch?: number;
  /** Queue length from which a rebuild beats appending (at least this, and a fifth of the library). */
  rebuildAt?: number;
  /** Fresh postings from which they are merged into blocks. */
  mergeAt?: number;
}

export type IndexerPhase = 'idle' | 'indexing' | 'rebuilding' | 'merging' | 'compacting';

export interface IndexerProgress {
  phase: IndexerPhase;
  /** Documents done and to do in this run (a rebuild: documents read; a backlog: documents indexed). */
  done: number;
  total: number;
}

const BATCH = 64;
const REBUILD_AT = 500;
const MERGE_AT = 100_000;
/** Dead postings before a compaction is worth it (and at least a quarter of all postings). */
const COMPACT_AT = 50_000;

export class SearchIndexer {
  private rebuild: Rebuild | null = null;
  private compaction: Compaction | null = null;
  /** The backlog of the current run: set when a run starts, for progress. */
  private run: { done: number; total: number } | null = null;
  private readonly batch: number;
  private readonly rebuildAt: number;
  private readonly mergeAt: number;
  private readonly terms: TermTable;

  constructor(
    private readonly db: Database,
    options: IndexerOptions = {},
  ) {
    this.batch = options.batch ?? BATCH;
    this.rebuildAt = options.rebuildAt ?? REBUILD_AT;
    this.mergeAt = options.mergeAt ?? MERGE_AT;
    this.terms = new TermTable(db);
    // A build cut short by a crash left its tables behind.
    db.exec(
      'DROP TABLE IF EXISTS search_blocks_next; DROP TABLE IF EXISTS search_docs_next; DROP TABLE IF EXISTS search_top_next;',
    );
  }

  progress(): IndexerProgress {
    if (this.rebuild) return { phase: 'rebuilding', ...this.rebuild.progress() };
    if (this.run) return { phase: 'indexing', ...this.run };
    if (this.compaction) return { phase: 'compacting', done: 0, total: 0 };
    return { phase: 'idle', done: 0, total: 0 };
  }

  /** One bounded piece of work; false when there was nothing to do. */
  step(): boolean {
    if (this.rebuild) {
      if (this.rebuild.step()) this.rebuild = null;
      return true;
    }
    if (!this.run) {
      const total = queuedCount(this.db);
      if (total) {
        const indexed = documentCount(this.db);
        if (
          total >= Math.max(this.rebuildAt, indexed / 5) ||
          (indexed === 0 && readStats(this.db).postings === 0)
        ) {
          this.rebuild = new Rebuild(this.db);
          return true;
        }
        this.run = { done: 0, total };
      }
    }
    if (this.run) {
      const queued = nextQueued(this.db, this.batch);
      if (queued.length) {
        this.run.done += applyDocuments(this.db, readQueued(this.db, queued), this.terms);
        // Changes made meanwhile join the run.
        this.run.total = Math.max(this.run.total, this.run.done + queued.length);
        return true;
      }
      this.run = null;
    }
    const stats = readStats(this.db);
    if (stats.fresh_postings >= this.mergeAt || (this.compaction && stats.fresh_postings > 0)) {
      mergeFreshChunk(this.db);
      return true;
    }
    if (this.compaction) {
      if (this.compaction.step(this.db)) this.compaction = null;
      return true;
    }
    if (stats.dead_postings >= Math.max(COMPACT_AT, stats.postings / 4)) {
      this.compaction = new Compaction();
      return true;
    }
    return false;
  }

  /** Steps until there is nothing left to do; returns how many steps that took. */
  runUntilIdle(signal?: AbortSignal): number {
    let steps = 0;
    while (!signal?.aborted && this.step()) steps++;
    return steps;
  }

  /** Gives up a rebuild in progress (its tables are dropped; the queue still holds its documents). */
  cancel(): void {
    this.rebuild?.cancel();
    this.rebuild = null;
    this.run = null;
  }
}

/** Brings the index up to date, synchronously: the CLI after its writes, tests, benchmarks. */
export function refreshSearchIndex(db: Database, options: IndexerOptions = {}): number {
  return new SearchIndexer(db, options).runUntilIdle();
}

/** Merges every fresh posting into blocks (a test's or benchmark's way to reach the steady state). */
export function mergeAllFresh(db: Database): void {
  while (mergeFreshChunk(db) > 0);
}
