import type { Database } from 'better-sqlite3';
import { findNodes, type AnswerDocument } from '../../../shared/answers/document';
import type { AnswerRecheck, RecheckItem, Release } from '../../../shared/domain/release';
import { compareVersions, oldestVersion } from '../../../shared/releases/version';

// Reading releases and the answers to re-check.

interface ReleaseRow {
  id: number;
  version: string;
  released_on: string | null;
  note: string;
  recorded_at: string | null;
  listed: number;
  open: number;
}

/** The product's releases, newest version first (the product is the library's first, as elsewhere). */
export function listReleases(db: Database): Release[] {
  const rows = db
    .prepare(
      `SELECT v.id, v.version, v.released_on, v.note, v.recorded_at,
              (SELECT count(*) FROM answer_rechecks r WHERE r.version_id = v.id) AS listed,
              (SELECT count(*) FROM answer_rechecks r WHERE r.version_id = v.id AND r.done_at IS NULL) AS open
       FROM product_versions v WHERE v.product_id = (SELECT id FROM products ORDER BY id LIMIT 1)`,
    )
    .all() as ReleaseRow[];
  const capabilities = db.prepare(
    `SELECT capability_id AS id, title FROM release_capabilities WHERE version_id = ? ORDER BY rowid`,
  );
  return rows
    .map((r) => ({
      id: r.id,
      version: r.version,
      releasedOn: r.released_on,
      note: r.note,
      capabilities: capabilities.all(r.id) as { id: number; title: string }[],
      recordedAt: r.recorded_at,
      listed: r.listed,
      open: r.open,
    }))
    .sort((a, b) => compareVersions(b.version, a.version) || b.id - a.id);
}

export function getRelease(db: Database, id: number): Release | null {
  return listReleases(db).find((r) => r.id === id) ?? null;
}

interface RecheckRow {
  answer_id: number;
  title: string;
  is_public: number;
  doc: string;
  sent: number;
  version_id: number;
  version: string;
  capabilities: string;
  listed_at: string;
  updated_at: string;
}

function checkedWith(docJson: string): string | null {
  try {
    const steps = findNodes(JSON.parse(docJson) as AnswerDocument, 'kotae-step');
    return oldestVersion(steps.flatMap((s) => (s.verified ? [s.verified.version] : [])));
  } catch {
    return null;
  }
}

function titles(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Most read first: public answers (the FAQ's readers), then those sent to customers most often. */
function mostReadFirst(a: RecheckItem & { updatedAt: string }, b: RecheckItem & { updatedAt: string }) {
  return (
    Number(b.isPublic) - Number(a.isPublic) ||
    b.sent - a.sent ||
    b.updatedAt.localeCompare(a.updatedAt) ||
    a.answerId - b.answerId
  );
}

function openRechecks(
  db: Database,
  where: string,
  ...params: number[]
): (RecheckItem & { updatedAt: string })[] {
  const rows = db
    .prepare(
      `SELECT r.answer_id, a.title, a.is_public, a.doc, a.updated_at, r.version_id, v.version, r.capabilities, r.listed_at,
              (SELECT count(*) FROM bundles b WHERE b.answer_id = a.id AND b.customer_id IS NOT NULL) AS sent
       FROM answer_rechecks r JOIN answers a ON a.id = r.answer_id JOIN product_versions v ON v.id = r.version_id
       WHERE r.done_at IS NULL ${where}`,
    )
    .all(...params) as RecheckRow[];
  // One line per answer: the newest release it is listed for (walking it for that one clears the
  // older ones too), with every changed capability that put it there.
  const byAnswer = new Map<number, RecheckItem & { updatedAt: string }>();
  for (const r of rows) {
    const known = byAnswer.get(r.answer_id);
    const caps = titles(r.capabilities);
    if (known) {
      known.capabilities = [...new Set([...known.capabilities, ...caps])];
      if (compareVersions(r.version, known.version) > 0) {
        known.version = r.version;
        known.releaseId = r.version_id;
        known.listedAt = r.listed_at;
      }
      continue;
    }
    byAnswer.set(r.answer_id, {
      answerId: r.answer_id,
      title: r.title,
      isPublic: r.is_public === 1,
      sent: r.sent,
      releaseId: r.version_id,
      version: r.version,
      capabilities: caps,
      checkedWith: checkedWith(r.doc),
      listedAt: r.listed_at,
      updatedAt: r.updated_at,
    });
  }
  return [...byAnswer.values()].sort(mostReadFirst);
}

const strip = ({ updatedAt: _u, ...item }: RecheckItem & { updatedAt: string }): RecheckItem => item;

/** Every answer still to re-check, most read first. */
export function staleAnswers(db: Database): RecheckItem[] {
  return openRechecks(db, '').map(strip);
}

/** The answers one release listed that are still to re-check, most read first. */
export function releaseRechecks(db: Database, releaseId: number): RecheckItem[] {
  return openRechecks(db, 'AND r.version_id = ?', releaseId).map(strip);
}

/** The re-checks one answer still needs, newest release first. */
export function answerRechecks(db: Database, answerId: number): AnswerRecheck[] {
  const rows = db
    .prepare(
      `SELECT r.version_id, v.version, v.released_on, v.note, r.capabilities, r.listed_at
       FROM answer_rechecks r JOIN product_versions v ON v.id = r.version_id
       WHERE r.answer_id = ? AND r.done_at IS NULL`,
    )
    .all(answerId) as {
    version_id: number;
    version: string;
    released_on: string | null;
    note: string;
    capabilities: string;
    listed_at: string;
  }[];
  return rows
    .map((r) => ({
      releaseId: r.version_id,
      version: r.version,
      releasedOn: r.released_on,
      capabilities: titles(r.capabilities),
      note: r.note,
      listedAt: r.listed_at,
    }))
    .sort((a, b) => compareVersions(b.version, a.version));
}

/** Ids of the answers still to re-check (the Publish screen's warning). */
export function staleAnswerIds(db: Database): Set<number> {
  return new Set(
    db
      .prepare('SELECT DISTINCT answer_id FROM answer_rechecks WHERE done_at IS NULL')
      .pluck()
      .all() as number[],
  );
}
