import { findNodes, type AnswerDocument, type StepNode } from '../answers/document';
import { compareVersions } from './version';

// When an answer must be walked again after a release (issue 22), read from its document alone,
// so the core (which lists and clears re-checks) and the editor (which shows the banner as the
// vendor re-walks the steps) decide the same way.

function steps(doc: AnswerDocument): StepNode[] {
  return findNodes(doc, 'kotae-step');
}

/** Some step was verified with a version older than `version`: the answer claims what may have changed. */
export function verifiedBefore(doc: AnswerDocument, version: string): boolean {
  return steps(doc).some((s) => s.verified !== null && compareVersions(s.verified.version, version) < 0);
}

/**
 * Every step verified again with `version` or newer: the re-check is done. A step marked "does not
 * work" in reproduction mode (verification removed) keeps the answer on the list: it needs rewriting.
 */
export function recheckDone(doc: AnswerDocument, version: string): boolean {
  const all = steps(doc);
  return (
    all.length > 0 &&
    all.every((s) => s.verified !== null && compareVersions(s.verified.version, version) >= 0)
  );
}

/** The capabilities the answer's steps are linked to (besides those of the questions it serves). */
export function stepCapabilityIds(doc: AnswerDocument): number[] {
  const ids = new Set<number>();
  for (const s of steps(doc))
    for (const id of s.capabilityIds ?? []) if (Number.isInteger(id) && id > 0) ids.add(id);
  return [...ids];
}

/** Steps still to walk again for a release, for "2 of 5 steps re-checked". */
export function recheckProgress(doc: AnswerDocument, version: string): { done: number; total: number } {
  const all = steps(doc);
  return {
    done: all.filter((s) => s.verified !== null && compareVersions(s.verified.version, version) >= 0).length,
    total: all.length,
  };
}
