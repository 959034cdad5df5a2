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
  constructor(private readonly hosts: ReadonlySet<string>) {}

  match(t: string): PatternMatch[] {
    const out: PatternMatch[] = [];
    if (this.hosts.size === 0) return out;
    let i = 0;
    while (i < t.length) {
      if (!isLabel(t.charCodeAt(i)) || (i > 0 && isLabel(t.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      // One host-like run: labels joined by dots. Most runs are plain words: their labels are
      // only collected when the run has a dot.
      let labels: [number, number][] | null = null;
      let p = i;
      for (;;) {
        const s = p;
        while (p < t.length && isLabel(t.charCodeAt(p))) p++;
        const dot =
          t.charCodeAt(p) === 0x2e || t.charCodeAt(p) === 0x5b || t.charCodeAt(p) === 0x28 ? dotAt(t, p) : 0;
        const more = dot > 0 && isLabel(t.charCodeAt(p + dot));
        if (labels || more) (labels ??= []).push([s, p]);
        if (!more) break;
        p += dot;
      }
      const runStart = i;
      i = p;
      if (!labels || labels.length < 2 || t[runStart - 1] === '@') continue;
      if (!this.isCustomerHost(t, labels)) continue;
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
  private isCustomerHost(t: string, labels: readonly [number, number][]): boolean {
    const first = Math.max(0, labels.length - MAX_LABELS);
    let host = t.slice(...labels[labels.length - 1]!);
    for (let k = labels.length - 2; k >= first; k--) {
      host = `${t.slice(...labels[k]!)}.${host}`;
      if (this.hosts.has(host)) return true;
    }
    return false;
  }
}
