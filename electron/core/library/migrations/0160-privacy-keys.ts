import type { Database } from 'better-sqlite3';
import { findingKey } from '../../../../shared/privacy/key';
import { privacyKinds, type PrivacyKind } from '../../../../shared/privacy/types';

// The privacy scanner (issue 16) keys a decision on a finer fold of the text: format characters
// removed, katakana as hiragana, variant kanji of names, and no punctuation in names and numbers
// (so 田中様 with a zero-width space inside and 田中様, ミドリ珈琲 and みどり珈琲, 03-1234-5678 and 03 1234 5678 are one decision).
// The old keys (NFKC, lower case, no spaces) fold to the new ones: decisions already taken are
// kept under their new key. When two old keys meet, the later decision wins. The scan cache is
// derived data and is dropped (the scanner's version changed anyway).
export function up(db: Database): void {
  const rows = db
    .prepare('SELECT id, kind, match_key FROM faq_privacy_decisions ORDER BY decided_at DESC, id DESC')
    .all() as { id: number; kind: string; match_key: string }[];
  // Newest first: a key already taken belongs to a later decision, and the older one goes.
  const update = db.prepare('UPDATE OR IGNORE faq_privacy_decisions SET match_key = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM faq_privacy_decisions WHERE id = ?');
  const kinds: readonly string[] = privacyKinds;
  for (const row of rows) {
    const kind = kinds.includes(row.kind) ? (row.kind as PrivacyKind) : undefined;
    const key = findingKey(row.match_key, kind);
    if (key && key !== row.match_key && update.run(key, row.id).changes === 0) remove.run(row.id);
  }
  db.exec('DELETE FROM faq_scan_cache');
}
