import { normalizeForSearch } from '../text/normalize';
import { parseQuery } from '../text/tokenize';
import { editDistance, typoBudget } from './fuzzy';
import { bucketOf, decodeIds, type BucketData, type SearchMeta } from './searchFormat';

// The query side of the FAQ search, run in the reader's browser (bundled into the site's script)
// and in tests: the query goes through the same tokeniser as the documents did.

export type PartKind = 'phrase' | 'char' | 'word';

export interface QueryTerm {
  term: string;
  /** 1 for the word as typed, less for a completion or a typo correction. */
  weight: number;
}

export interface PlannedPart {
  kind: PartKind;
  /** The folded text of the part (a Japanese run, a character, a word). */
  text: string;
  /** phrase: the bigrams, all required. word: alternatives (exact, completions, corrections). */
  terms: QueryTerm[];
}

export interface QueryPlan {
  query: string;
  parts: PlannedPart[];
  buckets: number[];
}

const MAX_EXPANSIONS = 12;

function lowerBound(words: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The alternatives for a Latin word: itself, completions while typing, corrections of typos. */
function expandWord(word: string, meta: SearchMeta, isLast: boolean): QueryTerm[] {
  const { words, wordDf } = meta;
  const out: QueryTerm[] = [];
  const at = lowerBound(words, word);
  const known = words[at] === word;
  if (known) out.push({ term: word, weight: 1 });
  if (isLast && word.length >= 2) {
    const completions: [string, number][] = [];
    for (let i = known ? at + 1 : at; i < words.length && words[i]!.startsWith(word); i++)
      completions.push([words[i]!, wordDf[i] ?? 0]);
    completions.sort((a, b) => b[1] - a[1]);
    for (const [term] of completions.slice(0, MAX_EXPANSIONS)) out.push({ term, weight: 0.8 });
  }
  const budget = typoBudget(word);
  if (!known && budget > 0) {
    const corrections: [string, number, number][] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (Math.abs(w.length - word.length) > budget) continue;
      const d = editDistance(word, w, budget);
      if (d <= budget) corrections.push([w, d, wordDf[i] ?? 0]);
    }
    corrections.sort((a, b) => a[1] - b[1] || b[2] - a[2]);
    for (const [term, d] of corrections.slice(0, MAX_EXPANSIONS))
      if (!out.some((t) => t.term === term)) out.push({ term, weight: d === 1 ? 0.6 : 0.4 });
  }
  if (out.length === 0) out.push({ term: word, weight: 1 }); // not on the site: matches nothing
  return out;
}

export function planQuery(query: string, meta: SearchMeta): QueryPlan {
  const parsed = parseQuery(query);
  const typing = !/\s$/.test(query);
  const parts: PlannedPart[] = parsed.map((p, i) => {
    if (p.single) return { kind: 'char', text: p.phrase[0]!, terms: [{ term: p.phrase[0]!, weight: 1 }] };
    if (
      /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆ヶ]/u.test(p.phrase[0]!)
    ) {
      const chars = p.phrase.map((t) => [...t]);
      const text =
        chars[0]!.join('') +
        chars
          .slice(1)
          .map((c) => c[1] ?? '')
          .join('');
      return { kind: 'phrase', text, terms: p.phrase.map((term) => ({ term, weight: 1 })) };
    }
    const word = p.phrase[0]!;
    return { kind: 'word', text: word, terms: expandWord(word, meta, typing && i === parsed.length - 1) };
  });
  const buckets = new Set<number>();
  for (const part of parts) for (const t of part.terms) buckets.add(bucketOf(t.term, meta.bucketCount));
  return { query, parts, buckets: [...buckets] };
}

export interface SearchHit {
  id: number;
  score: number;
  /** False when no document had every part and this one has only some. */
  complete: boolean;
}

/** Documents that match a part, with the weight of the best alternative that matched. */
function matchPart(
  part: PlannedPart,
  buckets: ReadonlyMap<number, BucketData>,
  meta: SearchMeta,
): Map<number, number> {
  const get = (term: string) => {
    const encoded = buckets.get(bucketOf(term, meta.bucketCount))?.[term];
    return encoded ? decodeIds(encoded) : [];
  };
  const out = new Map<number, number>();
  if (part.kind === 'phrase') {
    let set: Set<number> | null = null;
    for (const t of part.terms) {
      const ids = get(t.term);
      set = set === null ? new Set(ids) : new Set(ids.filter((id) => set!.has(id)));
      if (set.size === 0) break;
    }
    for (const id of set ?? []) out.set(id, 1);
  } else if (part.kind === 'char') {
    const bucket = buckets.get(bucketOf(part.text, meta.bucketCount)) ?? {};
    for (const [term, encoded] of Object.entries(bucket)) {
      if (term === part.text || term.startsWith(part.text))
        for (const id of decodeIds(encoded)) out.set(id, 1);
    }
  } else {
    for (const t of part.terms)
      for (const id of get(t.term)) if ((out.get(id) ?? 0) < t.weight) out.set(id, t.weight);
  }
  return out;
}

export interface RankContext {
  /** Folded titles by document id (normalizeForSearch), for the title bonus. */
  titles: ReadonlyMap<number, string>;
}

export function foldedTitles(meta: SearchMeta): Map<number, string> {
  return new Map(meta.docs.map((d) => [d[0], normalizeForSearch(d[2])]));
}

/**
 * Ranks the documents: every part must match (falling back to "most parts" when none has all);
 * rarer parts weigh more, a part found in the title weighs three times.
 */
export function executeQuery(
  plan: QueryPlan,
  buckets: ReadonlyMap<number, BucketData>,
  meta: SearchMeta,
  ctx: RankContext,
  limit = 50,
): SearchHit[] {
  if (plan.parts.length === 0) return [];
  const n = meta.docs.length;
  const matches = plan.parts.map((p) => matchPart(p, buckets, meta));
  const scores = new Map<number, { score: number; parts: number }>();
  plan.parts.forEach((part, i) => {
    const m = matches[i]!;
    const idf = Math.log(1 + n / Math.max(1, m.size));
    for (const [id, weight] of m) {
      const title = ctx.titles.get(id) ?? '';
      const inTitle =
        part.kind === 'word' ? part.terms.some((t) => title.includes(t.term)) : title.includes(part.text);
      const s = scores.get(id) ?? { score: 0, parts: 0 };
      s.score += idf * weight * (inTitle ? 3 : 1);
      s.parts += 1;
      scores.set(id, s);
    }
  });
  const all = [...scores].filter(([, s]) => s.parts === plan.parts.length);
  const complete = all.length > 0;
  const pool = complete ? all : [...scores];
  return pool
    .map(([id, s]) => ({ id, score: s.score * (complete ? 1 : s.parts / plan.parts.length), complete }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}

/** A multi-bigram phrase matched bigram by bigram; the stored text tells whether it is really there. */
export function containsPhrases(plan: QueryPlan, foldedText: string): boolean {
  return plan.parts.every((p) => p.kind !== 'phrase' || p.terms.length < 2 || foldedText.includes(p.text));
}
