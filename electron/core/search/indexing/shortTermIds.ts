// Ids of one- and two-unit terms (most Japanese terms are bigrams of two BMP characters) keyed by
// their char codes, for the rebuild's hot loop: no string is made for a term already seen. An
// open-addressing table in typed arrays: the Map of Maps it replaces cost ~150 ns a token, about
// a third of the 100,000-document build's CPU (39 M tokens: 5.8 s of CPU for the lookups alone,
// measured with scratch timings on the bench corpus; this table, ~0.6 s).

/** The key of a term of one or two UTF-16 units (never 0: a term never starts with U+0000). */
export function shortKey(text: string, from: number, to: number): number {
  return (text.charCodeAt(from) << 16) | (to - from === 2 ? text.charCodeAt(from + 1) : 0);
}

export class ShortTermIds {
  private keys = new Int32Array(1 << 16);
  private ids = new Int32Array(1 << 16);
  private mask = (1 << 16) - 1;
  private size = 0;

  /** The id stored for a key, or -1. */
  get(key: number): number {
    for (let at = hash(key) & this.mask; ; at = (at + 1) & this.mask) {
      const k = this.keys[at]!;
      if (k === key) return this.ids[at]!;
      if (k === 0) return -1;
    }
  }

  set(key: number, id: number): void {
    if (++this.size * 2 > this.keys.length) this.grow();
    this.put(key, id);
  }

  private put(key: number, id: number): void {
    let at = hash(key) & this.mask;
    while (this.keys[at] !== 0 && this.keys[at] !== key) at = (at + 1) & this.mask;
    this.keys[at] = key;
    this.ids[at] = id;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.put(keys[i]!, ids[i]!);
  }
}

function hash(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
