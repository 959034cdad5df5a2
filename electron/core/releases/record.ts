import type { Database } from 'better-sqlite3';
import type { AnswerDocument } from '../../../shared/answers/document';
import type { RecheckItem, RecordReleaseInput, Release } from '../../../shared/domain/release';
import { KotaeError } from '../../../shared/errors';
import { verifiedBefore } from '../../../shared/releases/recheck';
import { compareVersions } from '../../../shared/releases/version';
import { ensureProduct } from '../capabilities';
import type { Library } from '../library';
import { getRelease, releaseRechecks } from './queries';
import { answerCapabilities, capabilityTree, matchingChanges } from './touches';

// Recording a release (Settings → Releases, issue 22): the version, its date, the capabilities it
// changed and a note; then, in the same transaction, every answer whose steps were verified with
// an older version and that touches a changed capability goes on the list to re-check, and the
// work log of each question such an answer serves says so.

interface AnswerRow {
  id: number;
  title: string;
  doc: string;
}

function listAnswersToRecheck(
  db: Database,
  version: string,
  changed: Map<number, string>,
): { answer: AnswerRow; capabilities: string[] }[] {
  if (!changed.size) return [];
  const tree = capabilityTree(db);
  const ids = new Set(changed.keys());
  const out: { answer: AnswerRow; capabilities: string[] }[] = [];
  for (const answer of db
    .prepare('SELECT id, title, doc FROM answers ORDER BY id')
    .iterate() as Iterable<AnswerRow>) {
    let doc: AnswerDocument;
    try {
      doc = JSON.parse(answer.doc) as AnswerDocument;
    } catch {
      continue;
    }
    if (!verifiedBefore(doc, version)) continue;
    const hits = matchingChanges(tree, answerCapabilities(db, answer.id, doc), ids);
    if (hits.length) out.push({ answer, capabilities: hits.map((id) => changed.get(id)!) });
  }
  return out;
}

export function recordRelease(
  library: Library,
  input: RecordReleaseInput,
): { release: Release; rechecks: RecheckItem[] } {
  const db = library.db;
  const now = library.now();
  const versionId = db.transaction(() => {
    const productId = ensureProduct(db, now);
    const existing = db
      .prepare('SELECT id, recorded_at FROM product_versions WHERE product_id = ? AND version = ?')
      .get(productId, input.version) as { id: number; recorded_at: string | null } | undefined;
    if (existing?.recorded_at)
      throw new KotaeError(
        'CONFLICT',
        { version: input.version },
        'release already recorded',
        'followUp:errors.releaseExists',
      );
    const changed = new Map<number, string>();
    const title = db.prepare('SELECT title FROM capabilities WHERE id = ?').pluck();
    for (const id of input.capabilityIds) {
      const t = title.get(id) as string | undefined;
      if (t === undefined) throw new KotaeError('NOT_FOUND', { id }, `capability ${id}`);
      changed.set(id, t);
    }
    // A version the library knew by name only (the demo's, or one picked when verifying a step)
    // becomes this release; otherwise it is added.
    const id = existing
      ? existing.id
      : Number(
          db
            .prepare('INSERT INTO product_versions (product_id, version) VALUES (?, ?)')
            .run(productId, input.version).lastInsertRowid,
        );
    db.prepare('UPDATE product_versions SET released_on = ?, note = ?, recorded_at = ? WHERE id = ?').run(
      input.releasedOn,
      input.note,
      now,
      id,
    );
    const addCapability = db.prepare(
      'INSERT INTO release_capabilities (version_id, capability_id, title) VALUES (?, ?, ?)',
    );
    for (const [capabilityId, t] of changed) addCapability.run(id, capabilityId, t);
    // The newest release is what the vendor now verifies with (reproduction mode's default).
    const current = db
      .prepare('SELECT current_version FROM products WHERE id = ?')
      .pluck()
      .get(productId) as string;
    if (!current || compareVersions(input.version, current) > 0)
      db.prepare('UPDATE products SET current_version = ? WHERE id = ?').run(input.version, productId);

    const listed = listAnswersToRecheck(db, input.version, changed);
    const addRecheck = db.prepare(
      'INSERT INTO answer_rechecks (answer_id, version_id, capabilities, listed_at) VALUES (?, ?, ?, ?)',
    );
    const served = db.prepare(
      `SELECT q.id, q.customer_id FROM answer_questions aq JOIN questions q ON q.id = aq.question_id
       WHERE aq.answer_id = ? ORDER BY q.id`,
    );
    for (const { answer, capabilities } of listed) {
      addRecheck.run(answer.id, id, JSON.stringify(capabilities), now);
      const questions = served.all(answer.id) as { id: number; customer_id: number | null }[];
      // One entry per question the answer serves, so each question's and customer's log shows it.
      for (const q of questions.length ? questions : [{ id: null, customer_id: null }])
        library.writeLog({
          action: 'answer.recheck_listed',
          entity: 'answer',
          entityId: answer.id,
          answerId: answer.id,
          questionId: q.id,
          customerId: q.customer_id,
          summary: `${answer.title}: ${input.version}`,
          detail: { releaseId: id, version: input.version, title: answer.title, capabilities },
        });
    }
    library.writeLog({
      action: 'release.recorded',
      entity: 'release',
      entityId: id,
      summary: input.version,
      detail: {
        version: input.version,
        releasedOn: input.releasedOn,
        capabilities: [...changed.values()],
        note: input.note,
        rechecks: listed.length,
      },
    });
    return id;
  }).immediate();
  return { release: getRelease(db, versionId)!, rechecks: releaseRechecks(db, versionId) };
}

/** A release recorded by mistake: gone, with its re-checks (done ones too: they were about it). */
export function deleteRelease(library: Library, id: number): { deleted: boolean } {
  const release = getRelease(library.db, id);
  if (!release?.recordedAt) throw new KotaeError('NOT_FOUND', { id });
  library.mutate(
    {
      action: 'release.deleted',
      entity: 'release',
      entityId: id,
      summary: release.version,
      detail: { version: release.version, open: release.open },
    },
    (db) => {
      const productId = db
        .prepare('SELECT product_id FROM product_versions WHERE id = ?')
        .pluck()
        .get(id) as number;
      db.prepare('DELETE FROM product_versions WHERE id = ?').run(id);
      // The product's current version falls back to the newest one left.
      const current = db.prepare('SELECT current_version FROM products WHERE id = ?').pluck().get(productId);
      if (current === release.version) {
        const left = db
          .prepare('SELECT version FROM product_versions WHERE product_id = ?')
          .pluck()
          .all(productId) as string[];
        const newest = left.sort((a, b) => compareVersions(b, a))[0] ?? '';
        db.prepare('UPDATE products SET current_version = ? WHERE id = ?').run(newest, productId);
      }
    },
  );
  return { deleted: true };
}
