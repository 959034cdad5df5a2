import type { FaqAnswer, FaqCapability } from './collect';
import { paths } from './site/paths';

// The site's structure: topics (the capability areas of the scope catalogue, with their operations
// as sections) and, for each answer, its topic and the answers related to it.

export interface TopicModel {
  id: number | 'other';
  path: string;
  capability: FaqCapability | null;
  sections: { capability: FaqCapability | null; answerIds: number[] }[];
  answerIds: number[];
}

export function rootOf(capId: number, byId: ReadonlyMap<number, FaqCapability>): FaqCapability | null {
  let c = byId.get(capId) ?? null;
  for (let guard = 0; c && c.parentId !== null && guard < 100; guard++) c = byId.get(c.parentId) ?? c;
  return c;
}

export interface SiteStructure {
  topics: TopicModel[];
  topicOf: Map<number, TopicModel>;
}

export function buildTopics(
  answers: readonly FaqAnswer[],
  capabilities: readonly FaqCapability[],
): SiteStructure {
  const byId = new Map(capabilities.map((c) => [c.id, c]));
  const topics = new Map<number | 'other', TopicModel>();
  const topicOf = new Map<number, TopicModel>();
  const topic = (root: FaqCapability | null): TopicModel => {
    const id = root?.id ?? 'other';
    let t = topics.get(id);
    if (!t) {
      t = { id, path: paths.topic(id), capability: root, sections: [], answerIds: [] };
      topics.set(id, t);
    }
    return t;
  };
  const section = (t: TopicModel, cap: FaqCapability | null) => {
    let s = t.sections.find((x) => x.capability === cap);
    if (!s) {
      s = { capability: cap, answerIds: [] };
      t.sections.push(s);
    }
    return s;
  };
  for (const a of answers) {
    const caps = a.capabilityIds.map((id) => byId.get(id)).filter((c): c is FaqCapability => !!c);
    const roots = [...new Set(caps.map((c) => rootOf(c.id, byId)))].sort(
      (x, y) => (x?.position ?? 1e9) - (y?.position ?? 1e9) || (x?.id ?? 0) - (y?.id ?? 0),
    );
    const primary = topic(roots[0] ?? null);
    topicOf.set(a.id, primary);
    for (const root of roots.length ? roots : [null]) {
      const t = topic(root);
      if (!t.answerIds.includes(a.id)) t.answerIds.push(a.id);
      const own = caps.filter((c) => rootOf(c.id, byId) === root && c !== root);
      // Filed under each operation it is about; under the area itself when it names only the area.
      for (const cap of own.length ? own : [root]) {
        const s = section(t, cap === root ? null : cap);
        if (!s.answerIds.includes(a.id)) s.answerIds.push(a.id);
      }
    }
  }
  const ordered = [...topics.values()].sort(
    (x, y) =>
      (x.capability?.position ?? 1e9) - (y.capability?.position ?? 1e9) ||
      String(x.id).localeCompare(String(y.id)),
  );
  for (const t of ordered) {
    // The area's own answers first, then the operations in catalogue order.
    t.sections.sort(
      (x, y) =>
        (x.capability ? (x.capability.position + 1) * 1e6 + x.capability.id : -1) -
        (y.capability ? (y.capability.position + 1) * 1e6 + y.capability.id : -1),
    );
  }
  return { topics: ordered, topicOf };
}

/** A stable pseudo-random order between two answers, so ties do not all pick the same few. */
function tieBreak(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);
  h ^= h >>> 15;
  return Math.imul(h, 0x27d4eb2f) >>> 0;
}

/**
 * Up to `limit` related answers: those sharing the most capabilities, then (to fill up) the same
 * topic; the same language first among equals. Dates play no part, so editing one answer does not
 * reshuffle the related lists of every other page (and so does not rewrite them).
 */
export function relatedAnswers(
  answers: readonly FaqAnswer[],
  structure: SiteStructure,
  limit = 5,
): Map<number, number[]> {
  const byCap = new Map<number, number[]>();
  for (const a of answers) {
    for (const c of a.capabilityIds) {
      const list = byCap.get(c);
      if (list) list.push(a.id);
      else byCap.set(c, [a.id]);
    }
  }
  const language = new Map(answers.map((a) => [a.id, a.language]));
  const out = new Map<number, number[]>();
  for (const a of answers) {
    const score = new Map<number, number>();
    for (const c of a.capabilityIds)
      for (const other of byCap.get(c) ?? [])
        if (other !== a.id) score.set(other, (score.get(other) ?? 0) + 2);
    const topic = structure.topicOf.get(a.id);
    if (topic && topic.id !== 'other' && score.size < limit) {
      for (const other of topic.answerIds) if (other !== a.id && !score.has(other)) score.set(other, 1);
    }
    const best: { id: number; s: number; tie: number }[] = [];
    for (const [id, base] of score) {
      const s = base + (language.get(id) === a.language ? 0.5 : 0);
      const tie = tieBreak(a.id, id);
      if (
        best.length === limit &&
        (s < best[limit - 1]!.s || (s === best[limit - 1]!.s && tie >= best[limit - 1]!.tie))
      )
        continue;
      best.push({ id, s, tie });
      best.sort((x, y) => y.s - x.s || x.tie - y.tie);
      if (best.length > limit) best.pop();
    }
    out.set(
      a.id,
      best.map((b) => b.id),
    );
  }
  return out;
}
