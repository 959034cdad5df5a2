import type { Database } from 'better-sqlite3';
import { KIND_OF_CODE, loadDocuments } from '../documents';
import { ImpactCounter } from '../impacts';
import { prepared, readStats, setStats } from '../indexTables';
import { TopTracker } from '../postings/best';
import { BLOCK_SIZE, decodeBlock, encodeBlock, encodeTop, TOP_MIN, TOP_SIZE } from '../postings/codec';
import { PostingChunk } from './postingChunk';
import { shortKey, ShortTermIds } from './shortTermIds';

// A whole index built at once: an old library's first (migration 0140), a repair, or a backlog so
// long that appending it document by document would cost more. Every document is read and
// tokenised in chunks (each step a bounded piece of work, so the worker stays responsive and a
// cancel is heard), its postings gathered per term in memory and cut into full blocks as they fill;
// then the blocks are written, term by term, into tables beside the live ones, and one short
// transaction swaps them in. Searches use the old index (or the direct scan) until then.
//
// What the build read may be older than what is in the library when it ends: at the start it
// notes the version of every queued document, and the swap takes off the queue only those still
// at that version, so anything changed meanwhile is indexed again afterwards.

const KINDS: readonly [number, string][] = [
  [0, 'questions'],
  [1, 'answers'],
  [2, 'customers'],
  [3, 'capabilities'],
];
/** Documents read and tokenised per step. */
const READ_CHUNK = 2000;
/** Blocks written per transaction (~10 ms of the library's write lock). */
const WRITE_CHUNK = 2000;

interface Block {
  last: number;
  max: number;
  n: number;
  data: Buffer;
}

/** The postings of one term in one kind: the block being filled, and the full ones before it. */
class Accumulator {
  docnos = new Int32Array(4);
  impacts = new Uint8Array(4);
  n = 0;
  total = 0;
  blocks: Block[] = [];
  /** From TOP_MIN / 2 postings on: the term's best postings so far, for its top list. */
  top: TopTracker | null = null;

  push(docno: number, impact: number): void {
    if (this.n === this.docnos.length) {
      // 4, 16, 64, 128: a rare term stays small, a common one reuses its arrays block after block.
      const size = Math.min(BLOCK_SIZE, this.n * 4);
      const docnos = new Int32Array(size);
      docnos.set(this.docnos);
      this.docnos = docnos;
      const impacts = new Uint8Array(size);
      impacts.set(this.impacts);
      this.impacts = impacts;
    }
    this.docnos[this.n] = docno;
    this.impacts[this.n++] = impact;
    this.total++;
    if (this.n === BLOCK_SIZE) this.cut();
  }

  cut(): void {
    let max = 0;
    for (let i = 0; i < this.n; i++) if (this.impacts[i]! > max) max = this.impacts[i]!;
    this.blocks.push({
      last: this.docnos[this.n - 1]!,
      max,
      n: this.n,
      data: encodeBlock(this.docnos, this.impacts, 0, this.n),
    });
    if (this.top) for (let i = 0; i < this.n; i++) this.top.add(this.docnos[i]!, this.impacts[i]!);
    else if (this.total >= TOP_MIN / 2) {
      // Common from now on: what is already in blocks goes in once.
      this.top = new TopTracker(TOP_SIZE);
      for (const b of this.blocks) {
        const { docnos, impacts } = decodeBlock(b.data, b.n);
        for (let i = 0; i < b.n; i++) this.top.add(docnos[i]!, impacts[i]!);
      }
    }
    this.n = 0;
  }
}

export interface RebuildProgress {
  done: number;
  total: number;
}

export class Rebuild {
  private readonly pending: { kind: number; ids: number[] }[];
  private readonly total: number;
  private read = 0;
  private readonly firstDocno: number;
  private nextDocno: number;
  private readonly termIds = new Map<string, number>();
  private nextTermId: number;
  /** Indexed by term id × 4 + kind (grown by push: a sparse array would fall back to a dictionary). */
  private readonly postings: (Accumulator | undefined)[] = [];
  /** The document being read, for add(). */
  private kind = 0;
  private docno = 0;
  private readonly addPosting = (termId: number, impact: number) => this.add(termId, impact);
  /** The postings of the chunk being read, in reading order, until they go to their terms. */
  private readonly chunk = new PostingChunk();
  private df = new Int32Array(1 << 16);
  /** Ids of one- and two-unit terms by their char codes. */
  private readonly shortIds = new ShortTermIds();
  /** Terms first seen in the step under way: written to search_terms with its transaction. */
  private readonly newTerms: [number, string][] = [];
  private readonly counter = new ImpactCounter((normal, from, to) => this.idOf(normal, from, to));
  private postingCount = 0;
  private written: number[] | null = null;
  private writeAt = 0;

  /** Notes the queue and the documents to read; creates the tables the build writes into. */
  constructor(private readonly db: Database) {
    // The claim and what the build will need at the end live in this connection's temp database:
    // writing there takes no lock on the library.
    db.exec(`
      DROP TABLE IF EXISTS temp.search_claim;
      CREATE TEMP TABLE search_claim (kind INTEGER, doc_id INTEGER, version INTEGER) STRICT;
      DROP TABLE IF EXISTS temp.search_df_next;
      CREATE TEMP TABLE search_df_next (term_id INTEGER PRIMARY KEY, df INTEGER NOT NULL) STRICT;`);
    // One snapshot, read only: the queue as it is, then the documents to read (a document queued
    // after this is not claimed, so it stays queued whatever the build reads of it).
    const start = db.transaction(() => {
      db.exec('INSERT INTO temp.search_claim SELECT kind, doc_id, version FROM search_queue');
      for (const [id, term] of db.prepare('SELECT id, term FROM search_terms').raw().all() as [
        number,
        string,
      ][])
        this.termIds.set(term, id);
      return {
        pending: KINDS.map(([kind, table]) => ({
          kind,
          ids: db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[],
        })).filter((p) => p.ids.length),
        firstDocno: readStats(db).next_docno,
        nextTermId:
          ((db.prepare('SELECT max(id) FROM search_terms').pluck().get() as number | null) ?? 0) + 1,
      };
    })();
    db.transaction(() =>
      db.exec(`
        DROP TABLE IF EXISTS search_blocks_next;
        DROP TABLE IF EXISTS search_docs_next;
        DROP TABLE IF EXISTS search_top_next;
        CREATE TABLE search_top_next (key INTEGER PRIMARY KEY, n INTEGER NOT NULL, data BLOB NOT NULL) STRICT;
        CREATE TABLE search_blocks_next (
          term_id INTEGER NOT NULL, kind INTEGER NOT NULL, last_docno INTEGER NOT NULL,
          max_impact INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL,
          PRIMARY KEY (term_id, kind, last_docno)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE search_docs_next (
          docno INTEGER PRIMARY KEY, kind INTEGER NOT NULL, doc_id INTEGER NOT NULL, terms INTEGER NOT NULL
        ) STRICT;`),
    ).immediate();
    this.pending = start.pending;
    this.firstDocno = this.nextDocno = start.firstDocno;
    this.nextTermId = start.nextTermId;
    this.total = this.pending.reduce((n, p) => n + p.ids.length, 0);
  }

  progress(): RebuildProgress {
    // Reading is most of the work; writing and the swap count as the last documents.
    return {
      done: this.written ? Math.min(this.total, this.read) : Math.max(0, this.read - 1),
      total: this.total,
    };
  }

  /** One bounded piece of work; true when the new index is in place. */
  step(): boolean {
    if (!this.written) {
      this.readChunk();
      if (this.pending.length) return false;
      this.flushPartials();
      // One statement for all the counts (into this connection's temp database: no lock).
      const counts: [number, number][] = [];
      this.df.forEach((count, termId) => count && counts.push([termId, count]));
      prepared(
        this.db,
        'INSERT INTO temp.search_df_next (term_id, df) SELECT value ->> 0, value ->> 1 FROM json_each(?)',
      ).run(JSON.stringify(counts));
      this.written = [];
      this.postings.forEach((acc, key) => acc && this.written!.push(key));
      return false;
    }
    if (this.writeAt < this.written.length) {
      this.writeChunk();
      return false;
    }
    this.swap();
    return true;
  }

  /** Drops what was built; the live index and the queue are as they were. */
  cancel(): void {
    this.db.exec(`DROP TABLE IF EXISTS search_blocks_next; DROP TABLE IF EXISTS search_docs_next;
      DROP TABLE IF EXISTS search_top_next; DROP TABLE IF EXISTS temp.search_claim;
      DROP TABLE IF EXISTS temp.search_df_next;`);
  }

  private readChunk(): void {
    const next = this.pending[0];
    if (!next) return;
    const ids = next.ids.splice(0, READ_CHUNK);
    if (!next.ids.length) this.pending.shift();
    const docs = loadDocuments(this.db, KIND_OF_CODE[next.kind]!, ids);
    this.newTerms.length = 0;
    this.kind = next.kind;
    const docRows: number[] = [];
    for (const id of ids) {
      const doc = docs.get(id);
      this.read++;
      if (!doc) continue;
      this.docno = this.nextDocno;
      const distinct = this.counter.count(doc, this.addPosting);
      if (!distinct) continue;
      this.nextDocno++;
      docRows.push(this.docno, this.kind, id, distinct);
    }
    this.flushChunk();
    this.db
      .transaction(() => {
        const term = prepared(this.db, 'INSERT INTO search_terms (id, term, df) VALUES (?, ?, 0)');
        for (const [id, text] of this.newTerms) term.run(id, text);
        const insert = prepared(
          this.db,
          'INSERT INTO search_docs_next (docno, kind, doc_id, terms) VALUES (?, ?, ?, ?)',
        );
        for (let i = 0; i < docRows.length; i += 4)
          insert.run(docRows[i]!, docRows[i + 1]!, docRows[i + 2]!, docRows[i + 3]!);
      })
      .immediate();
  }

  /**
   * A term's id; a new term gets the next one (only the indexer writes search_terms). Short terms,
   * most of them, are found by their char codes, without making the string.
   */
  private idOf(normal: string, from: number, to: number): number {
    if (to - from > 2) return this.idOfString(normal.slice(from, to));
    const key = shortKey(normal, from, to);
    let id = this.shortIds.get(key);
    if (id < 0) {
      id = this.idOfString(normal.slice(from, to));
      this.shortIds.set(key, id);
    }
    return id;
  }

  private idOfString(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.nextTermId++;
      this.termIds.set(term, id);
      this.newTerms.push([id, term]);
    }
    return id;
  }

  private add(termId: number, impact: number): void {
    this.chunk.add(termId * 4 + this.kind, this.docno, impact);
    if (termId >= this.df.length) {
      const grown = new Int32Array(Math.max(termId + 1, this.df.length * 2));
      grown.set(this.df);
      this.df = grown;
    }
    this.df[termId]!++;
    this.postingCount++;
  }

  /** Hands the chunk's postings to their terms' accumulators, a run per term. */
  private flushChunk(): void {
    this.chunk.drain((key, docnos, impacts, from, to) => {
      while (this.postings.length <= key) this.postings.push(undefined);
      let acc = this.postings[key];
      if (!acc) this.postings[key] = acc = new Accumulator();
      for (let i = from; i < to; i++) acc.push(docnos[i]!, impacts[i]!);
    });
  }

  private flushPartials(): void {
    for (const acc of this.postings) if (acc && acc.n) acc.cut();
  }

  private writeChunk(): void {
    const keys = this.written!;
    const insert = prepared(
      this.db,
      'INSERT INTO search_blocks_next (term_id, kind, last_docno, max_impact, n, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const top = prepared(this.db, 'INSERT INTO search_top_next (key, n, data) VALUES (?, ?, ?)');
    const topRow = (acc: Accumulator): [number, Buffer] => {
      const list = acc.top!.result();
      return [list.docnos.length, encodeTop(list)];
    };
    this.db
      .transaction(() => {
        let rows = 0;
        while (this.writeAt < keys.length && rows < WRITE_CHUNK) {
          const key = keys[this.writeAt++]!;
          const acc = this.postings[key]!;
          const termId = Math.floor(key / 4);
          const kind = key - termId * 4;
          for (const b of acc.blocks) insert.run(termId, kind, b.last, b.max, b.n, b.data);
          if (acc.total >= TOP_MIN) top.run(key, ...topRow(acc));
          rows += acc.blocks.length;
          this.postings[key] = undefined;
        }
      })
      .immediate();
  }

  /** One short transaction: the new tables replace the old, and the claimed queue is cleared. */
  private swap(): void {
    const db = this.db;
    db.transaction(() => {
      db.exec(`
        DROP TABLE search_blocks;
        ALTER TABLE search_blocks_next RENAME TO search_blocks;
        DROP TABLE search_docs;
        ALTER TABLE search_docs_next RENAME TO search_docs;
        DROP TABLE search_top;
        ALTER TABLE search_top_next RENAME TO search_top;
        CREATE UNIQUE INDEX search_docs_doc ON search_docs(kind, doc_id);
        DELETE FROM search_fresh;
        UPDATE search_terms SET df = coalesce((SELECT d.df FROM temp.search_df_next d WHERE d.term_id = search_terms.id), 0);
        -- Taken off the queue only if not changed again since the build began.
        DELETE FROM search_queue WHERE (kind, doc_id, version) IN (SELECT kind, doc_id, version FROM temp.search_claim);`);
      setStats(db, {
        doc_count: this.nextDocno - this.firstDocno,
        next_docno: this.nextDocno,
        postings: this.postingCount,
        fresh_postings: 0,
        dead_postings: 0,
      });
    }).immediate();
    db.exec('DROP TABLE temp.search_claim; DROP TABLE temp.search_df_next;');
    this.postings.length = 0;
  }
}
