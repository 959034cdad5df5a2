import type { Database } from 'better-sqlite3';
import type { CapabilitySuggestion } from '../../../shared/domain/tracking';
import { KotaeError } from '../../../shared/errors';
import { normalizeForSearch } from '../../../shared/text/normalize';
import { topicTerms } from '../../../shared/text/topicTerms';
import { moreLikeThis } from '../search';

// Which capabilities of the scope catalogue a question is most likely about, best first. Two
// signals, each scaled to its best candidate and added:
// - the library's search index (moreLikeThis): words the question shares with a capability,
//   weighted by how rare they are across the whole library (questions, answers, customers), so the
//   product's own name or a word every mail contains says nothing;
// - the catalogue itself: a keyword the vendor attached to a capability found as it is in the
//   question, title words above description words, an operation above its area.

/** How many capabilities the index proposes; the catalogue signal scores every one anyway. */
const CANDIDATES = 50;
const WEIGHT_KEYWORD = 4;
const WEIGHT_TITLE = 3;
const WEIGHT_DESCRIPTION = 1;
/** An operation inherits a little of its area's words: "画像" in the question favours 画像 operations. */
const WEIGHT_AREA = 0.5;


interface Row {
  id: number;
  parent_id: number | null;
  kind: 'area' | 'operation';
  title: string;
  description: string;
  /** Both languages' texts: an English question finds the English titles, a Japanese one the Japanese. */
  texts: string;
  descriptions: string;
  keywords: string;
}

type CatalogueIndex = ReturnType<typeof buildIndex>;

// Tokenising the catalogue is the costly part; reading its rows is not. The terms are reused while
// the rows are exactly the same, so any edit (even two within one clock tick) rebuilds them.
const cache = new WeakMap<Database, { fingerprint: string; index: CatalogueIndex }>();

function catalogueIndex(db: Database): CatalogueIndex {
  const rows = db
    .prepare(
      `SELECT id, parent_id, kind, title, description, title_ja || ' ' || title_en AS texts,
              description_ja || ' ' || description_en AS descriptions, keywords
       FROM capabilities ORDER BY position, id`,
    )
    .all() as Row[];
  const fingerprint = JSON.stringify(rows);
  const hit = cache.get(db);
  if (hit?.fingerprint === fingerprint) return hit.index;
  const index = buildIndex(rows);
  cache.set(db, { fingerprint, index });
  return index;
}

function buildIndex(rows: Row[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const indexed = rows.map((r) => {
    const keywords = (JSON.parse(r.keywords) as string[]).map(normalizeForSearch).filter(Boolean);
    const parent = r.parent_id === null ? undefined : byId.get(r.parent_id);
    return {
      row: r,
      parentTitle: parent?.title ?? null,
      keywords,
      keywordTerms: topicTerms(keywords.join(' ')),
      title: topicTerms(`${r.title} ${r.texts}`),
      description: topicTerms(`${r.description} ${r.descriptions}`),
      area: parent
        ? topicTerms(`${parent.title} ${parent.texts} ${parent.description} ${parent.descriptions}`)
        : new Set<string>(),
    };
  });
  const documentFrequency = new Map<string, number>();
  for (const entry of indexed)
    for (const term of new Set([...entry.title, ...entry.description, ...entry.keywordTerms]))
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const rarity = (term: string) => Math.log(1 + indexed.length / (documentFrequency.get(term) ?? 1));
  return { indexed, rarity };
}

export function suggestCapabilities(db: Database, questionId: number, limit: number): CapabilitySuggestion[] {
  const question = db.prepare('SELECT subject, body FROM questions WHERE id = ?').get(questionId) as
    { subject: string; body: string } | undefined;
  if (!question) throw new KotaeError('NOT_FOUND', { id: questionId });
  const text = `${question.subject}\n${question.body}`;
  const folded = normalizeForSearch(text);
  const asked = topicTerms(text);
  const { indexed: catalogue, rarity } = catalogueIndex(db);
  const catalogueRows = catalogue.map((e) => e.row);

  const scored = catalogue.map((entry) => {
    const shared: { term: string; weight: number }[] = [];
    let score = 0;
    // A keyword found as it is in the question (スマホ, ドメイン) is the strongest signal.
    for (const keyword of entry.keywords) {
      if (!folded.includes(keyword)) continue;
      const weight = WEIGHT_KEYWORD * rarity(keyword);
      score += weight;
      shared.push({ term: keyword, weight });
    }
    for (const term of asked) {
      const weight =
        (entry.title.has(term) ? WEIGHT_TITLE : 0) +
        (entry.description.has(term) ? WEIGHT_DESCRIPTION : 0) +
        (entry.area.has(term) ? WEIGHT_AREA : 0);
      if (!weight) continue;
      score += weight * rarity(term);
      if (!shared.some((s) => s.term === term)) shared.push({ term, weight: weight * rarity(term) });
    }
    // Operations are what a verdict links; an area only when nothing more precise matches.
    if (entry.row.kind === 'area') score *= 0.5;
    return {
      id: entry.row.id,
      title: entry.row.title,
      parentTitle: entry.parentTitle,
      score: Math.round(score * 100) / 100,
      terms: shared
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 5)
        .map((s) => s.term),
    };
  });
  const catalogueBest = Math.max(0, ...scored.map((s) => s.score)) || 1;
  const indexed = moreLikeThis(db, text, ['capability'], CANDIDATES);
  const indexBest = indexed[0]?.score || 1;
  const fromIndex = new Map(indexed.map((d) => [d.id, d]));
  const blended = scored.map((entry, i) => {
    const similar = fromIndex.get(entry.id);
    const areaFactor = catalogueRows[i]!.kind === 'area' ? 0.5 : 1;
    const score = entry.score / catalogueBest + ((similar?.score ?? 0) / indexBest) * areaFactor;
    const terms = [...new Set([...entry.terms, ...(similar?.terms ?? [])])].slice(0, 5);
    return { ...entry, score: Math.round(score * 100) / 100, terms };
  });
  const ranked = blended.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.id - b.id);
  // A candidate scoring a fraction of the best one shares a stray word, not the topic.
  const floor = (ranked[0]?.score ?? 0) * 0.15;
  return ranked.filter((s) => s.score >= floor).slice(0, limit);
}
