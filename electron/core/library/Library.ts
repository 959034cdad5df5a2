import type { Database } from 'better-sqlite3';
import { LibraryCounts } from '../../../shared/domain/library';
import type { IntegrityState, LibraryInfo } from '../../../shared/domain/library';
import type { LibraryLock } from './lock';
import { MediaStore } from './mediaStore';
import { plainSealer, type SecretSealer } from './secretSealer';
import { schemaVersion } from './migrations/runner';

/** What a mutation writes into the work log, in the same transaction as the change itself. */
export interface LogInput {
  action: string;
  entity: string;
  entityId?: number | bigint | null;
  questionId?: number | null;
  customerId?: number | null;
  answerId?: number | null;
  summary?: string;
  detail?: Record<string, unknown>;
  /** Defaults to now; set only when recording something that happened earlier (imports, demo). */
  at?: string;
}

export type Clock = () => Date;

export interface LibraryOptions {
  root: string;
  db: Database;
  lock: LibraryLock | null;
  readOnly: boolean;
  integrity: IntegrityState;
  /** Who is acting, for the work log: 'vendor' in the app, 'cli' from the command line. */
  actor: string;
  clock?: Clock;
  /** How the library's secrets (the vendor's signing key) are kept at rest; plain by default. */
  sealer?: SecretSealer | undefined;
}

/**
 * An open library: the SQLite database and the media folder. Reads go straight to `db`; every
 * change goes through `mutate`, which writes the work-log entry in the same transaction.
 */
export class Library {
  readonly root: string;
  readonly db: Database;
  readonly media: MediaStore;
  readonly readOnly: boolean;
  /** What the checks found so far (integrity.ts); the app's background check updates it. */
  integrity: IntegrityState;
  readonly sealer: SecretSealer;
  actor: string;
  private readonly lock: LibraryLock | null;
  private readonly clock: Clock;
  private closed = false;

  constructor(options: LibraryOptions) {
    this.root = options.root;
    this.db = options.db;
    this.lock = options.lock;
    this.readOnly = options.readOnly;
    this.integrity = options.integrity;
    this.actor = options.actor;
    this.clock = options.clock ?? (() => new Date());
    this.sealer = options.sealer ?? plainSealer;
    this.media = new MediaStore(`${options.root}/media`);
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** Today in the local time zone, as YYYY-MM-DD (checkpoints are calendar days). */
  today(): string {
    const d = this.clock();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  /**
   * Runs `change` in a transaction and logs it there too: both land or neither does. IMMEDIATE:
   * the search index worker writes through a connection of its own, and a deferred transaction that
   * reads before it writes fails at once with "database is locked" (SQLITE_BUSY, no wait) when the
   * worker wrote in between; an immediate one waits its turn (busy_timeout). Every write
   * transaction on the library's connection is immediate for that reason.
   */
  mutate<T>(log: LogInput | ((result: T) => LogInput), change: (db: Database) => T): T {
    return this.db.transaction(() => {
      const result = change(this.db);
      this.writeLog(typeof log === 'function' ? log(result) : log);
      return result;
    }).immediate();
  }

  writeLog(entry: LogInput): void {
    this.db
      .prepare(
        `INSERT INTO log_entries (at, actor, action, entity, entity_id, question_id, customer_id, answer_id, summary, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.at ?? this.now(),
        this.actor,
        entry.action,
        entry.entity,
        entry.entityId === undefined || entry.entityId === null ? null : Number(entry.entityId),
        entry.questionId ?? null,
        entry.customerId ?? null,
        entry.answerId ?? null,
        entry.summary ?? '',
        JSON.stringify(entry.detail ?? {}),
      );
  }

  getSetting<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM library_settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  counts(): LibraryCounts {
    const tables = Object.keys(LibraryCounts.shape) as (keyof LibraryCounts)[];
    const out = {} as LibraryCounts;
    for (const table of tables) {
      out[table] = (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return out;
  }

  info(): LibraryInfo {
    return {
      path: this.root,
      name: this.root.split(/[\\/]/).filter(Boolean).pop() ?? this.root,
      schemaVersion: schemaVersion(this.db),
      integrity: this.integrity,
      readOnly: this.readOnly,
    };
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      // Leave a closed library as one self-contained file: copied to a backup drive or a read-only
      // share it still opens (a WAL database cannot be opened read-only without its -shm file).
      if (!this.readOnly) this.db.pragma('journal_mode = DELETE');
    } catch {
      /* another connection (a CLI reader) still has it open: the WAL is replayed on next open */
    }
    this.db.close();
    this.lock?.release();
  }
}
