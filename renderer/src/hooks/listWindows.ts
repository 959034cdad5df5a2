// A long list as the screen shows it: parts (the Inbox's groups; one part for Answers) laid one
// after another, each with an optional header row, and the windows of each part that the rows in
// view need. Pure, so the arithmetic is tested on its own (listWindows.test.ts).

/** Rows a window holds: a screen of rows with room to scroll, one request per few screens. */
export const WINDOW_ROWS = 100;

export interface Part<K> {
  key: K;
  count: number;
  header: boolean;
}

/** A row of the list: a part's header (offset null) or the part's item at offset. */
export interface RowRef<K> {
  part: K;
  offset: number | null;
}

export interface PartsLayout<K> {
  count: number;
  at(index: number): RowRef<K> | null;
  /** Index of a part's item at offset. */
  indexOf(part: K, offset: number): number | null;
  headerIndexes: number[];
}

export function layoutParts<K>(parts: Part<K>[]): PartsLayout<K> {
  const starts: number[] = [];
  const headerIndexes: number[] = [];
  let count = 0;
  for (const part of parts) {
    starts.push(count);
    if (part.header) headerIndexes.push(count);
    count += (part.header ? 1 : 0) + part.count;
  }
  return {
    count,
    headerIndexes,
    at(index) {
      if (index < 0 || index >= count) return null;
      // Parts are few (six at most): a linear walk beats a search.
      for (let p = parts.length - 1; p >= 0; p--) {
        if (starts[p]! > index) continue;
        const part = parts[p]!;
        const local = index - starts[p]! - (part.header ? 1 : 0);
        return { part: part.key, offset: local < 0 ? null : local };
      }
      return null;
    },
    indexOf(key, offset) {
      const p = parts.findIndex((part) => part.key === key);
      if (p < 0 || offset < 0 || offset >= parts[p]!.count) return null;
      return starts[p]! + (parts[p]!.header ? 1 : 0) + offset;
    },
  };
}

/** The windows (part, first offset) that the rows start…end need, in order, each once. */
export function windowsFor<K>(
  layout: PartsLayout<K>,
  start: number,
  end: number,
  size = WINDOW_ROWS,
): { part: K; offset: number }[] {
  const out: { part: K; offset: number }[] = [];
  const seen = new Set<string>();
  for (let i = Math.max(0, start); i <= Math.min(end, layout.count - 1); i++) {
    const row = layout.at(i);
    if (!row || row.offset === null) continue;
    const offset = Math.floor(row.offset / size) * size;
    const id = `${String(row.part)}:${offset}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push({ part: row.part, offset });
    }
  }
  return out;
}
