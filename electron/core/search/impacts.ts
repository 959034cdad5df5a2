import { forEachTermSpan, termsOf } from '../../../shared/text/tokenize';
import type { SearchDocument } from './documents';
import { MAX_IMPACT } from './postings/codec';

// What a term weighs in a document, as stored in its posting: BM25's term-frequency part with a
// fixed average length (a library's average drifts slowly and postings must not be rewritten when
// it does), plus a flat bonus for a term in the title, so a title match outranks any body match of
// the same term. Quantised to one byte; the query multiplies it by the term's rarity (IDF).

const K1 = 1.2;
const B = 0.75;
const AVERAGE_LENGTH = 300;
const TITLE_BONUS = 2.5;
/** Impacts are stored as small integers: 1..~235 (a byte). */
const SCALE = 50;

export function termImpact(bodyCount: number, titleCount: number, length: number): number {
  const body = bodyCount
    ? (bodyCount * (K1 + 1)) / (bodyCount + K1 * (1 - B + (B * length) / AVERAGE_LENGTH))
    : 0;
  return Math.min(MAX_IMPACT, Math.max(1, Math.round((body + (titleCount ? TITLE_BONUS : 0)) * SCALE)));
}

const TITLE_UNIT = 2 ** 32;

/** Term → impact of one document. */
export function documentImpacts(doc: Pick<SearchDocument, 'title' | 'body'>): Map<string, number> {
  const title = termsOf(doc.title);
  const body = termsOf(doc.body);
  // Counts packed in one number (title × 2^32 + body): one map entry per term, no objects.
  const counts = new Map<string, number>();
  for (const t of title) counts.set(t, (counts.get(t) ?? 0) + TITLE_UNIT);
  for (const t of body) counts.set(t, (counts.get(t) ?? 0) + 1);
  const length = title.length + body.length;
  const out = new Map<string, number>();
  for (const [term, c] of counts)
    out.set(term, termImpact(c % TITLE_UNIT, Math.floor(c / TITLE_UNIT), length));
  return out;
}

/** A term's id from where it stands in normalised text (the term is normal.slice(from, to)). */
export type TermIdOf = (normal: string, from: number, to: number) => number;

/**
 * documentImpacts with terms turned into ids as they are read, for the rebuild's hot loop: counts
 * live in arrays indexed by term id (no map of strings per document). Same terms, same impacts
 * (indexing.test.ts compares the index with documentImpacts).
 */
export class ImpactCounter {
  private title = new Int32Array(1 << 16);
  private body = new Int32Array(1 << 16);
  private readonly touched: number[] = [];
  private tokens = 0;
  private inBody = 0;

  private readonly tallyTerm: (normal: string, from: number, to: number) => void;

  constructor(private readonly idOf: TermIdOf) {
    this.tallyTerm = (normal, from, to) => {
      const id = this.idOf(normal, from, to);
      if (id >= this.title.length) this.grow(id);
      if (this.title[id] === 0 && this.body[id] === 0) this.touched.push(id);
      if (this.inBody) this.body[id]!++;
      else this.title[id]!++;
      this.tokens++;
    };
  }

  /** Calls emit once per distinct term of the document; returns how many there were. */
  count(doc: Pick<SearchDocument, 'title' | 'body'>, emit: (termId: number, impact: number) => void): number {
    this.tokens = 0;
    this.inBody = 0;
    forEachTermSpan(doc.title, this.tallyTerm);
    this.inBody = 1;
    forEachTermSpan(doc.body, this.tallyTerm);
    for (const id of this.touched) {
      emit(id, termImpact(this.body[id]!, this.title[id]!, this.tokens));
      this.title[id] = 0;
      this.body[id] = 0;
    }
    const distinct = this.touched.length;
    this.touched.length = 0;
    return distinct;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.title.length * 2);
    const title = new Int32Array(size);
    const body = new Int32Array(size);
    title.set(this.title);
    body.set(this.body);
    this.title = title;
    this.body = body;
  }
}
