import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { inboxGroups, type InboxGroup, type QuestionSummary } from '../../../shared/domain/question';
import { isOpenStatus } from '../../../shared/domain/status';
import { listAnswers } from '../answers';
import { listCustomers } from '../customers';
import { createLibrary, migrations, seedDemo, type Library } from '../library';
import { migrate } from '../library/testing';
import { useTempDir } from '../testing';
import { inboxCounts, listInboxGroup, listQuestions } from './index';
import { inboxGroupCountSql, inboxGroupPageSql } from './list';
import { createQuestionArchive } from './testing';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';

// The lists of issue 20 on a real library of 600 questions made through the intake and tracking
// services: every question is in exactly one part of the Inbox, every window comes in index order
// without a sort step, and every count is the true count.

const NOW = new Date('2026-11-25T03:00:00.000Z');
let dir: string;
let library: Library;
let today: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kotae-lists-'));
  library = createQuestionArchive(path.join(dir, 'lib'), { questions: 600, now: NOW, days: 400 }).library;
  today = library.today();
}, 120_000);
afterAll(() => {
  library.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What each part of the Inbox holds, decided row by row in JS: the reference for the SQL. */
function groupOf(q: QuestionSummary): InboxGroup {
  if (!isOpenStatus(q.status)) return 'closed';
  if (!q.nextCheckpoint) return 'unscheduled';
  if (q.nextCheckpoint < today) return 'overdue';
  if (q.nextCheckpoint === today) return 'today';
  return q.status === 'received' ? 'new' : 'upcoming';
}

function everyWindow<T>(
  fetch: (w: { offset: number; limit: number }) => { items: T[]; total: number },
  limit = 37,
) {
  const items: T[] = [];
  for (;;) {
    const page = fetch({ offset: items.length, limit });
    items.push(...page.items);
    if (page.items.length < limit) return { items, total: page.total };
  }
}

function plan(db: Database.Database, sql: string, params: unknown = {}): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as object) as { detail: string }[]).map(
    (r) => r.detail,
  );
}

/** A page read by walking the whole table, or sorted after reading it, is what issue 20 measured. */
function expectIndexedOrder(steps: string[]): void {
  for (const step of steps) {
    expect(step, steps.join(' | ')).not.toMatch(/TEMP B-TREE/);
    expect(step, steps.join(' | ')).not.toMatch(/^SCAN \w+$/);
  }
}

describe('query plans: a window comes from an index, in its order, without a sort step', () => {
  it.each(inboxGroups)('the Inbox part %s: its window and its count', (group) => {
    const params = { today, limit: 100, offset: 0 };
    const page = plan(library.db, inboxGroupPageSql(group), params);
    expectIndexedOrder(page);
    expect(page.join(' ')).toMatch(/USING COVERING INDEX questions_(open|closed)_order/);
    expectIndexedOrder(plan(library.db, inboxGroupCountSql(group), { today }));
  });

  it('a customer’s questions, all questions newest first, customers and answers', () => {
    const queries = [
      'SELECT q.id FROM questions q WHERE q.customer_id = 3 ORDER BY q.received_at DESC, q.id DESC LIMIT 100 OFFSET 0',
      'SELECT q.id FROM questions q ORDER BY q.received_at DESC, q.id DESC LIMIT 100 OFFSET 0',
      'SELECT c.id FROM customers c ORDER BY c.last_contact_at DESC, c.name, c.id LIMIT 100 OFFSET 0',
      'SELECT a.id FROM answers a ORDER BY a.updated_at DESC, a.id DESC LIMIT 100 OFFSET 0',
    ];
    for (const sql of queries) {
      const steps = plan(library.db, sql);
      expectIndexedOrder(steps);
      expect(steps.join(' ')).toMatch(/COVERING INDEX/);
    }
  });
});

describe('the Inbox', () => {
  it('puts every question in exactly one part, with true counts, in checkpoint order', () => {
    const all = everyWindow((w) => listQuestions(library.db, w), 500).items;
    expect(all).toHaveLength(600);
    const counts = inboxCounts(library.db, today);
    expect(counts.total).toBe(600);
    const seen = new Set<number>();
    for (const group of inboxGroups) {
      const { items, total } = everyWindow((w) => listInboxGroup(library.db, group, today, w));
      const expected = all.filter((q) => groupOf(q) === group);
      expect(total, group).toBe(expected.length);
      expect(counts.groups.find((g) => g.group === group)!.count, group).toBe(expected.length);
      expect(items.map((q) => q.id).sort(), group).toEqual(expected.map((q) => q.id).sort());
      for (const q of items) {
        expect(seen.has(q.id)).toBe(false);
        seen.add(q.id);
      }
      const key = (q: QuestionSummary) =>
        group === 'closed' ? [q.receivedAt] : [q.nextCheckpoint ?? '', q.receivedAt];
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [key(items[i - 1]!), key(items[i]!)];
        // Checkpoints ascending; within one checkpoint (or among closed ones) the newest first.
        if (a.length === 2 && a[0] !== b[0]) expect(a[0]! < b[0]!, group).toBe(true);
        else expect(a[a.length - 1]! >= b[b.length - 1]!, group).toBe(true);
      }
    }
    expect(seen.size).toBe(600);
    expect(counts.open).toBe(all.filter((q) => isOpenStatus(q.status)).length);
    // The test library has something in every part a vendor sees at work.
    for (const group of ['overdue', 'today', 'new', 'upcoming', 'closed'] as const)
      expect(counts.groups.find((g) => g.group === group)!.count, group).toBeGreaterThan(0);
  });

  it('reaches the oldest question at the very end, and a window past the end is empty', () => {
    const closed = listInboxGroup(library.db, 'closed', today, { offset: 0, limit: 1 });
    const last = listInboxGroup(library.db, 'closed', today, { offset: closed.total - 1, limit: 100 });
    expect(last.items).toHaveLength(1);
    expect(last.items[0]!.subject).toBe('スマートフォンで画像が表示されません（No.1）');
    expect(listInboxGroup(library.db, 'closed', today, { offset: closed.total, limit: 100 }).items).toEqual(
      [],
    );
  });

  it('lists one customer’s questions newest first, all of them', () => {
    const customer = listCustomers(library.db, { offset: 0, limit: 1 }).items[0]!;
    const { items, total } = everyWindow(
      (w) => listQuestions(library.db, { customerId: customer.id, ...w }),
      2,
    );
    expect(total).toBe(customer.totalQuestions);
    expect(items).toHaveLength(customer.totalQuestions);
    expect(items.every((q) => q.customerId === customer.id)).toBe(true);
    expect(items.map((q) => q.receivedAt)).toEqual([...items.map((q) => q.receivedAt)].sort().reverse());
  });
});

describe('customers: counts kept by the library itself', () => {
  const recount = (db: Database.Database) =>
    db
      .prepare(
        `SELECT c.id, c.open_questions AS open, c.total_questions AS total, c.last_contact_at AS last,
                (SELECT count(*) FROM questions q WHERE q.customer_id = c.id AND q.status NOT IN ('resolved', 'declined')) AS open2,
                (SELECT count(*) FROM questions q WHERE q.customer_id = c.id) AS total2,
                (SELECT max(updated_at) FROM questions q WHERE q.customer_id = c.id) AS last2
         FROM customers c`,
      )
      .all() as {
      open: number;
      open2: number;
      total: number;
      total2: number;
      last: string | null;
      last2: string | null;
    }[];

  it('match a recount after intake, status changes, a moved and a deleted question', () => {
    for (const r of recount(library.db))
      expect([r.open, r.total, r.last]).toEqual([r.open2, r.total2, r.last2]);
    const db = library.db;
    const [a, b] = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 2').pluck().all() as number[];
    const moved = db
      .prepare('SELECT id FROM questions WHERE customer_id = ? LIMIT 1')
      .pluck()
      .get(a) as number;
    db.prepare('UPDATE questions SET customer_id = ? WHERE id = ?').run(b, moved);
    db.prepare(
      "UPDATE questions SET status = 'answered', updated_at = '2099-01-01T00:00:00.000Z' WHERE customer_id = ?",
    ).run(b);
    db.prepare('DELETE FROM questions WHERE id = (SELECT max(id) FROM questions WHERE customer_id = ?)').run(
      a,
    );
    db.prepare(
      'UPDATE questions SET customer_id = NULL WHERE id = (SELECT min(id) FROM questions WHERE customer_id = ?)',
    ).run(a);
    for (const r of recount(db)) expect([r.open, r.total, r.last]).toEqual([r.open2, r.total2, r.last2]);
  });

  it('are listed latest contact first, every customer once, with the true total', () => {
    const { items, total } = everyWindow((w) => listCustomers(library.db, w));
    expect(total).toBe(library.db.prepare('SELECT count(*) FROM customers').pluck().get());
    expect(new Set(items.map((c) => c.id)).size).toBe(total);
    const lasts = items.map((c) => c.lastContactAt ?? '');
    expect(lasts).toEqual([...lasts].sort().reverse());
  });

  it('are filled in when a library from before is upgraded', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      migrations.filter((m) => m.version < 180),
    );
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO customers (id, name, created_at, updated_at) VALUES (1, 'A', ?, ?), (2, 'B', ?, ?)`,
    ).run(at, at, at, at);
    const q = db.prepare(
      'INSERT INTO questions (customer_id, subject, status, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    q.run(1, 'x', 'received', at, at, '2026-02-01T00:00:00.000Z');
    q.run(1, 'y', 'resolved', at, at, '2026-03-01T00:00:00.000Z');
    migrate(db, migrations);
    expect(
      db
        .prepare('SELECT id, open_questions, total_questions, last_contact_at FROM customers ORDER BY id')
        .all(),
    ).toEqual([
      { id: 1, open_questions: 1, total_questions: 2, last_contact_at: '2026-03-01T00:00:00.000Z' },
      { id: 2, open_questions: 0, total_questions: 0, last_contact_at: null },
    ]);
    db.close();
  });
});

describe('answers', () => {
  const tempDir = useTempDir();
  it('are listed latest change first, a window at a time, with the true total', () => {
    const demo = createLibrary(path.join(tempDir(), 'demo'), { seed: seedDemo });
    const { items, total } = everyWindow((w) => listAnswers(demo.db, w), 4);
    expect(total).toBe(demo.counts().answers);
    expect(items).toHaveLength(total);
    const updated = items.map((a) => a.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    demo.close();
  });
});
