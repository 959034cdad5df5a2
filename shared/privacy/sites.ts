import type { PatternMatch } from './contacts';
import { foldString } from './fold';

// The customers' own sites, with or without scheme, www. and path, also written with the dots
// hidden (shop[.]example[.]jp); never inside an e-mail address or a longer host name
// (myshop.example.jp is not shop.example.jp). One pass reads every host-like run of the text;
// only its last few labels are looked up in the set of customer hosts.

/** The host of a customer's site (`https://www.shop.example.jp/x` → `shop.example.jp`), or null. */
export function siteHost(website: string): string | null {
  const value = foldString(website).trim();
  if (!value) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]{0,20}:\/\//.test(value) ? value : `https://${value}`);
    const host = url.hostname.replace(/^www\./, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

const isLabel = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
const DOTS = ['.', '[.]', '(.)', '[dot]', '(dot)'];
const dotAt = (t: string, at: number) => {
  for (const d of DOTS) if (t.startsWith(d, at)) return d.length;
  return 0;
};
/** How many labels of a run are looked up: hosts have few (shop.example.co.jp has four). */
const MAX_LABELS = 6;
const PATH_END = new Set([...' \t\n\r<>"\'「」『』（）()、。[]{}']);

export class SiteMatcher {
  /** [start, end) of the last MAX_LABELS labels of the run being read, label k at k % MAX_LABELS. */
  private readonly ring = new Int32Array(MAX_LABELS * 2);

  constructor(private readonly hosts: ReadonlySet<string>) {}

  match(t: string): PatternMatch[] {
    const out: PatternMatch[] = [];
    if (this.hosts.size === 0) return out;
    // A host has a dot between two labels: only the runs around one are read, the dots found
    // with indexOf (native) instead of a look at every character. 5 MB of ordinary text: 32-39 ms
    // before, 15-25 ms; "a.a.a.…" (one run of 2.5 million labels): 141-623 ms, 124 ms
    // (CPU, best of 5, on the shared 2-core machine at load 13-15).
    const next = [-1, -1, -1];
    const marks = ['.', '[', '('];
    const firstMark = (from: number) => {
      let best = -1;
      for (let k = 0; k < 3; k++) {
        if (next[k]! !== -2 && next[k]! < from) next[k] = t.indexOf(marks[k]!, from);
        if (next[k] === -1) next[k] = -2;
        const at = next[k]!;
        if (at >= 0 && (best < 0 || at < best)) best = at;
      }
      return best;
    };
    let i = 0;
    for (let d = firstMark(0); d >= 0; d = firstMark(Math.max(i, d + 1))) {
      if (d < i || d === 0 || !isLabel(t.charCodeAt(d - 1))) continue;
      const len = dotAt(t, d);
      if (!len || !isLabel(t.charCodeAt(d + len))) continue;
      // The run this dot is in starts after the last character that is not a label.
      let runStart = d - 1;
      while (runStart > i && isLabel(t.charCodeAt(runStart - 1))) runStart--;
      // One host-like run: labels joined by dots. Only the last few are kept (all that is looked
      // up), in a ring: "a.a.a.…" over 5 MB made 2.5 million pairs for the garbage collector.
      const ring = this.ring;
      let count = 0;
      let p = runStart;
      for (;;) {
        const s = p;
        while (p < t.length && isLabel(t.charCodeAt(p))) p++;
        const dot =
          t.charCodeAt(p) === 0x2e || t.charCodeAt(p) === 0x5b || t.charCodeAt(p) === 0x28 ? dotAt(t, p) : 0;
        const more = dot > 0 && isLabel(t.charCodeAt(p + dot));
        const slot = (count++ % MAX_LABELS) * 2;
        ring[slot] = s;
        ring[slot + 1] = p;
        if (!more) break;
        p += dot;
      }
      i = p;
      if (count < 2 || t[runStart - 1] === '@') continue;
      if (!this.isCustomerHost(t, count)) continue;
      let start = runStart;
      for (const scheme of ['https://', 'http://'])
        if (t.startsWith(scheme, start - scheme.length)) start -= scheme.length;
      let end = p;
      if (end < t.length && '/?#'.includes(t[end]!)) {
        while (end < t.length && !PATH_END.has(t[end]!)) end++;
        while (end > p && '.,;:!?'.includes(t[end - 1]!)) end--;
        i = Math.max(i, end);
      }
      out.push({ kind: 'url', start, end });
    }
    return out;
  }

  /** Whether the run is a customer host or a subdomain of one (blog.shop.example.jp). */
  private isCustomerHost(t: string, count: number): boolean {
    const label = (k: number) => {
      const slot = (k % MAX_LABELS) * 2;
      return t.slice(this.ring[slot], this.ring[slot + 1]);
    };
    const first = Math.max(0, count - MAX_LABELS);
    let host = label(count - 1);
    for (let k = count - 2; k >= first; k--) {
      host = `${label(k)}.${host}`;
      if (this.hosts.has(host)) return true;
    }
    return false;
  }
}
