// Aho–Corasick: every occurrence of every pattern in one pass over the text, in time linear in
// the text plus the matches, whatever the patterns (hundreds of customers' names, parts and
// companies at once). No backtracking, so no input can make it slow.
//
// Our own rather than an npm package: the scanner feeds it a Uint16Array view of the folded text
// with the gaps between name parts removed and needs the pattern index and end offset of each
// match, not substrings. Measured on 5 million characters of ordinary answer text with the demo
// library's 25 name patterns (CPU time, shared 2-core machine): this automaton 150–335 MB/s,
// @monyone/aho-corasick 1.1.11 (the best-kept package on npm, Map-of-Map tries) 26–29 MB/s. The
// transitions out of the root, where a scan spends most of its time, are a flat table.

/** Where the transition of state `s` on code unit `c` is looked for first (mask it to the table). */
const slot = (s: number, c: number) => Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b);

export class Automaton {
  private readonly root = new Int32Array(0x10000);
  /** Transitions of the other states while building: key state * 65536 + code unit. */
  private readonly next = new Map<number, number>();
  /**
   * The same transitions for scanning, as an open-addressing hash table in typed arrays (state,
   * code unit → target), instead of a Map lookup per character inside a name. The demo's names
   * over 5 MB of "John, " repeated: 41-43 ms → 32-34 ms; of 田中様 repeated: 61-63 ms → 44-46 ms;
   * ordinary text (mostly at the root): unchanged (CPU, best of 5, on the shared 2-core machine at load 13-15).
   */
  private readonly hashState: Int32Array;
  private readonly hashCode: Uint16Array;
  private readonly hashTarget: Int32Array;
  private readonly hashMask: number;
  private readonly fail: Int32Array;
  /** Patterns that end in each state (its own and those of its suffix states), flattened. */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  /** Length of each pattern, in code units. */
  readonly lengths: Int32Array;

  constructor(patterns: readonly string[]) {
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    const own: number[][] = [[]];
    let states = 1;
    patterns.forEach((p, index) => {
      if (!p) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = s === 0 ? this.root[c]! : (this.next.get(s * 0x10000 + c) ?? 0);
        if (t === 0) {
          t = states++;
          own.push([]);
          if (s === 0) this.root[c] = t;
          else this.next.set(s * 0x10000 + c, t);
        }
        s = t;
      }
      own[s]!.push(index);
    });
    // Failure links, breadth first: children of a state are found from the transition keys.
    const children: [number, number][][] = Array.from({ length: states }, () => []);
    for (let c = 0; c < 0x10000; c++) if (this.root[c]) children[0]!.push([c, this.root[c]!]);
    for (const [key, t] of this.next) children[Math.floor(key / 0x10000)]!.push([key % 0x10000, t]);
    this.fail = new Int32Array(states);
    const order: number[] = [];
    const queue: number[] = [];
    for (const [, t] of children[0]!) queue.push(t);
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      order.push(s);
      for (const [c, t] of children[s]!) {
        let f = this.fail[s]!;
        let to: number;
        for (;;) {
          to = f === 0 ? this.root[c]! : (this.next.get(f * 0x10000 + c) ?? -1);
          if (to >= 0 || f === 0) break;
          f = this.fail[f]!;
        }
        this.fail[t] = to > 0 && to !== t ? to : 0;
        queue.push(t);
      }
    }
    const outs: number[][] = own.map((o) => [...o]);
    for (const s of order) outs[s]!.push(...outs[this.fail[s]!]!.filter((p) => !own[s]!.includes(p)));
    this.outStart = new Int32Array(states + 1);
    for (let s = 0; s < states; s++) this.outStart[s + 1] = this.outStart[s]! + outs[s]!.length;
    this.outList = Int32Array.from(outs.flat());
    let size = 16;
    while (size < this.next.size * 2) size *= 2;
    this.hashMask = size - 1;
    this.hashState = new Int32Array(size);
    this.hashCode = new Uint16Array(size);
    this.hashTarget = new Int32Array(size);
    for (const [key, t] of this.next) {
      const s = Math.floor(key / 0x10000);
      const c = key % 0x10000;
      let h = slot(s, c) & this.hashMask;
      while (this.hashState[h] !== 0) h = (h + 1) & this.hashMask;
      this.hashState[h] = s;
      this.hashCode[h] = c;
      this.hashTarget[h] = t;
    }
  }

  /** Calls `found(pattern, end)` for every occurrence, `end` exclusive, in order of their ends. */
  scan(codes: ArrayLike<number>, length: number, found: (pattern: number, end: number) => void): void {
    const { root, fail, outStart, outList, hashState, hashCode, hashTarget, hashMask } = this;
    let s = 0;
    for (let i = 0; i < length; i++) {
      const c = codes[i]!;
      for (;;) {
        if (s === 0) {
          s = root[c]!;
          break;
        }
        // The transition out of s on c, or 0 (the root is never a target of these).
        let t = 0;
        for (let h = slot(s, c) & hashMask; hashState[h] !== 0; h = (h + 1) & hashMask)
          if (hashState[h] === s && hashCode[h] === c) {
            t = hashTarget[h]!;
            break;
          }
        if (t !== 0) {
          s = t;
          break;
        }
        s = fail[s]!;
      }
      const from = outStart[s]!;
      const to = outStart[s + 1]!;
      for (let k = from; k < to; k++) found(outList[k]!, i + 1);
    }
  }
}
