// The best postings by impact: what a top-k query and a term's top list both need.
import { bestOf, decodeBlock, MAX_IMPACT, type PostingList } from './codec';

/** Document number → impact; for several terms, the best impact of any of them. */
export type Scored = Map<number, number>;

/** Keeps, per document, its best impact, and a histogram of them to know the k-th best at once. */
export class Best {
  readonly impacts: Scored = new Map();
  private readonly histogram = new Uint32Array(MAX_IMPACT + 1);

  constructor(private readonly take: number) {}

  add(docno: number, impact: number): void {
    const before = this.impacts.get(docno);
    if (before === undefined) {
      this.impacts.set(docno, impact);
      this.histogram[impact]!++;
    } else if (impact > before) {
      this.impacts.set(docno, impact);
      this.histogram[before]!--;
      this.histogram[impact]!++;
    }
  }

  /** The impact of the take-th best document (0 while fewer are known). */
  bar(): number {
    let count = 0;
    for (let v = MAX_IMPACT; v > 0; v--) {
      count += this.histogram[v]!;
      if (count >= this.take) return v;
    }
    return 0;
  }

  /** The best `take`: those above the bar, then as many at it as fit (newest first). */
  result(): Scored {
    if (this.impacts.size <= this.take) return this.impacts;
    const bar = this.bar();
    const out: Scored = new Map();
    const atBar: number[] = [];
    for (const [docno, impact] of this.impacts) {
      if (impact > bar) out.set(docno, impact);
      else if (impact === bar) atBar.push(docno);
    }
    atBar.sort((a, b) => b - a);
    for (const docno of atBar) {
      if (out.size >= this.take) break;
      out.set(docno, bar);
    }
    return out;
  }
}

/**
 * The best `size` postings of blocks (impact, then number, descending), decoding only the blocks
 * whose highest impact can still enter: a term's top list (search_top) made from its blocks.
 */
export function topOfBlocks(
  blocks: readonly { max: number; n: number; data: Uint8Array }[],
  size: number,
): PostingList {
  const best = new Best(size);
  let bar = 0;
  for (const b of [...blocks].sort((x, y) => y.max - x.max)) {
    if (b.max < bar) break;
    const { docnos, impacts } = decodeBlock(b.data, b.n);
    for (let i = 0; i < docnos.length; i++) if (impacts[i]! >= bar) best.add(docnos[i]!, impacts[i]!);
    bar = best.bar();
  }
  const top = best.result();
  const list: PostingList = { docnos: [], impacts: [] };
  for (const docno of [...top.keys()].sort((a, b) => top.get(b)! - top.get(a)! || b - a)) {
    list.docnos.push(docno);
    list.impacts.push(top.get(docno)!);
  }
  return list;
}

/**
 * The best `size` postings of a list read once in any order, without keeping it: a histogram of
 * impacts gives the size-th best impact so far (the bar), and only postings at or above it are
 * kept. The rebuild feeds it the blocks of common terms as it cuts them; making their top lists
 * from the written blocks afterwards (topOfBlocks) decoded them again: ~2 s of the
 * 100,000-document build.
 */
export class TopTracker {
  private readonly histogram = new Uint32Array(MAX_IMPACT + 1);
  private bar = 0;
  private docnos: number[] = [];
  private impacts: number[] = [];

  constructor(private readonly size: number) {}

  add(docno: number, impact: number): void {
    this.histogram[impact]!++;
    if (impact < this.bar) return;
    this.docnos.push(docno);
    this.impacts.push(impact);
    if (this.docnos.length >= this.size * 4) this.prune();
  }

  /** The best postings, in top-list order (impact, then number, descending). */
  result(): PostingList {
    this.prune();
    return bestOf({ docnos: this.docnos, impacts: this.impacts }, this.size);
  }

  private prune(): void {
    let count = 0;
    let bar = MAX_IMPACT;
    for (; bar > 0; bar--) {
      count += this.histogram[bar]!;
      if (count >= this.size) break;
    }
    if (bar <= this.bar) return;
    this.bar = bar;
    const docnos: number[] = [];
    const impacts: number[] = [];
    for (let i = 0; i < this.docnos.length; i++)
      if (this.impacts[i]! >= bar) {
        docnos.push(this.docnos[i]!);
        impacts.push(this.impacts[i]!);
      }
    this.docnos = docnos;
    this.impacts = impacts;
  }
}
