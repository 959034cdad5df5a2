import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findingKey } from '../../../../shared/privacy';
import { migrations } from './index';
import { migrate } from './runner';

describe('migration 160: privacy decisions keyed on the new fold', () => {
  it('keeps every decision under the key the scanner now gives the same text', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      migrations.filter((m) => m.version < 160),
    );
    const add = db.prepare(
      "INSERT INTO faq_privacy_decisions (subject, subject_id, kind, match_key, decision, decided_at) VALUES ('answer', 1, ?, ?, ?, ?)",
    );
    // Keys as the old scanner made them: NFKC, lower case, no spaces.
    add.run('company', 'ミドリ珈琲', 'redact', '2026-01-01');
    add.run('name', 'mr.miller', 'redact', '2026-01-01');
    add.run('phone', '03-1234-5678', 'not_personal', '2026-01-01');
    add.run('phone', '0312345678', 'redact', '2026-01-02'); // the same number: the later decision wins
    add.run('url', 'tanaka-seitai.example.jp', 'redact', '2026-01-01');
    migrate(db, migrations);
    const rows = db
      .prepare('SELECT kind, match_key, decision FROM faq_privacy_decisions ORDER BY kind')
      .all();
    expect(rows).toEqual([
      { kind: 'company', match_key: 'みどり珈琲', decision: 'redact' },
      { kind: 'name', match_key: 'mrmiller', decision: 'redact' },
      { kind: 'phone', match_key: '0312345678', decision: 'redact' },
      { kind: 'url', match_key: 'tanaka-seitai.example.jp', decision: 'redact' },
    ]);
    // Exactly the keys today's scanner gives these texts.
    expect(findingKey('ミドリ珈琲', 'company')).toBe('みどり珈琲');
    expect(findingKey('Mr. Miller', 'name')).toBe('mrmiller');
    expect(findingKey('03 1234 5678', 'phone')).toBe('0312345678');
  });
});
