import type { Database } from 'better-sqlite3';
import { stepCapabilityIds } from '../../../shared/releases/recheck';
import type { AnswerDocument } from '../../../shared/answers/document';

// Which changed capabilities an answer touches. The catalogue is a tree (areas → operations): a
// changed area covers every operation in it, and an answer about an area in general may describe
// any of its operations, so a capability matches a changed one when they are the same, or one
// contains the other.

export interface CapabilityTree {
  parentOf: Map<number, number | null>;
}

export function capabilityTree(db: Database): CapabilityTree {
  const rows = db.prepare('SELECT id, parent_id FROM capabilities').all() as {
    id: number;
    parent_id: number | null;
  }[];
  return { parentOf: new Map(rows.map((r) => [r.id, r.parent_id])) };
}

function lineage(tree: CapabilityTree, id: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let at: number | null | undefined = id; at != null && !seen.has(at); at = tree.parentOf.get(at)) {
    seen.add(at);
    out.push(at);
  }
  return out;
}

/** The changed capabilities (ids) that one of `answerCapabilities` is, contains or lies inside. */
export function matchingChanges(
  tree: CapabilityTree,
  answerCapabilities: readonly number[],
  changed: ReadonlySet<number>,
): number[] {
  const hits = new Set<number>();
  for (const id of answerCapabilities) {
    // The capability itself and its ancestors: a changed area contains this operation.
    for (const up of lineage(tree, id)) if (changed.has(up)) hits.add(up);
    // Changed operations inside this area.
    for (const c of changed) if (lineage(tree, c).includes(id)) hits.add(c);
  }
  return [...hits];
}

/** The capabilities an answer touches: its steps' own links and those of the questions it serves. */
export function answerCapabilities(db: Database, answerId: number, doc: AnswerDocument): number[] {
  const fromQuestions = db
    .prepare(
      `SELECT DISTINCT qc.capability_id FROM answer_questions aq
       JOIN question_capabilities qc ON qc.question_id = aq.question_id WHERE aq.answer_id = ?`,
    )
    .pluck()
    .all(answerId) as number[];
  return [...new Set([...fromQuestions, ...stepCapabilityIds(doc)])];
}
