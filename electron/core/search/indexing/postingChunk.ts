// The postings of a chunk of documents as the rebuild reads them (document after document), then
// handed to their terms a run at a time, grouped by a counting sort. Appending each posting to its
// term's accumulator as it was read touched a random one of ~150,000 accumulators per posting
// (28 M postings at the 100,000-document bench): cache misses made that ~40% of the build.

export type RunSink = (
  key: number,
  docnos: Int32Array,
  impacts: Uint8Array,
  from: number,
  to: number,
) => void;

export class PostingChunk {
  private keys = new Int32Array(1 << 16);
  private docnos = new Int32Array(1 << 16);
  private impacts = new Uint8Array(1 << 16);
  private n = 0;
  /** Per key: postings in the chunk, then where its run starts (indexed by key, grown). */
  private counts = new Int32Array(1 << 16);
  private sortedDocnos = new Int32Array(0);
  private sortedImpacts = new Uint8Array(0);

  add(key: number, docno: number, impact: number): void {
    if (this.n === this.keys.length) this.grow();
    this.keys[this.n] = key;
    this.docnos[this.n] = docno;
    this.impacts[this.n++] = impact;
  }

  /** Calls sink once per key with its postings in the order they were added; empties the chunk. */
  drain(sink: RunSink): void {
    const n = this.n;
    if (!n) return;
    const keys = this.keys;
    let counts = this.counts;
    let maxKey = 0;
    for (let i = 0; i < n; i++) if (keys[i]! > maxKey) maxKey = keys[i]!;
    if (maxKey >= counts.length)
      counts = this.counts = new Int32Array(Math.max(maxKey + 1, counts.length * 2));
    const touched: number[] = [];
    for (let i = 0; i < n; i++) if (counts[keys[i]!]!++ === 0) touched.push(keys[i]!);
    // Runs in key order: the accumulators are then visited in memory order.
    touched.sort((a, b) => a - b);
    const starts = new Int32Array(touched.length + 1);
    for (let t = 0, at = 0; t < touched.length; t++) {
      const key = touched[t]!;
      starts[t] = at;
      at += counts[key]!;
      counts[key] = starts[t]!;
    }
    starts[touched.length] = n;
    if (this.sortedDocnos.length < n) {
      this.sortedDocnos = new Int32Array(this.keys.length);
      this.sortedImpacts = new Uint8Array(this.keys.length);
    }
    const docnos = this.sortedDocnos;
    const impacts = this.sortedImpacts;
    for (let i = 0; i < n; i++) {
      const at = counts[keys[i]!]!++;
      docnos[at] = this.docnos[i]!;
      impacts[at] = this.impacts[i]!;
    }
    for (let t = 0; t < touched.length; t++) {
      counts[touched[t]!] = 0;
      sink(touched[t]!, docnos, impacts, starts[t]!, starts[t + 1]!);
    }
    this.n = 0;
  }

  private grow(): void {
    const size = this.keys.length * 2;
    const keys = new Int32Array(size);
    keys.set(this.keys);
    this.keys = keys;
    const docnos = new Int32Array(size);
    docnos.set(this.docnos);
    this.docnos = docnos;
    const impacts = new Uint8Array(size);
    impacts.set(this.impacts);
    this.impacts = impacts;
  }
}
