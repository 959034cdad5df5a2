import { findingKey } from './key';
import type { CustomerIdentity, PrivacyKind } from './types';

// Recognises the customers of the library by name, company and website. Japanese names are found
// with or without the space between family and given name and with the honorifics people write
// (田中様, 美咲さん, 田中 美咲 殿); English names in full, "Last, First" and with a title (Mr Miller).
// A family or given name alone, without an honorific, is not flagged: 田中 or John on their own
// are as likely to be anything else.

const HONORIFICS = ['様', 'さま', 'さん', '殿', 'どの', '氏', 'くん', '君', 'ちゃん', '先生'];
const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr'];
const LEGAL_FORMS =
  /^(?:株式会社|有限会社|合同会社|合資会社|一般社団法人|\(株\)|\(有\))|(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|,?\s*(?:inc|ltd|llc|co\.?,?\s*ltd|corp|gmbh)\.?)$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface Needle {
  kind: PrivacyKind;
  text: string;
}

/** A view of the folded text (whitespace removed, or collapsed to one space) with a map back. */
export interface View {
  text: string;
  /** Index in the folded text of each code unit of the view. */
  map: number[];
}

export function viewOf(folded: string, spaces: 'remove' | 'collapse'): View {
  let text = '';
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (/\s/.test(ch)) {
      if (spaces === 'collapse' && !inSpace && text.length > 0) {
        text += ' ';
        map.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    text += ch;
    map.push(i);
  }
  return { text, map };
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

/** The host of a customer's site (`https://www.shop.example.jp/x` → `shop.example.jp`), or null. */
export function siteHost(website: string): string | null {
  const value = fold(website);
  if (!value) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(value) ? value : `https://${value}`);
    const host = url.hostname.replace(/^www\./, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

function nameNeedles(name: string): Needle[] {
  const folded = fold(name).replace(/\s+/g, ' ');
  if (!folded) return [];
  const parts = folded.split(' ');
  const out: Needle[] = [];
  if (CJK.test(folded)) {
    // Matched against the text with spaces removed, so 田中 美咲 and 田中美咲 are the same needle.
    const compact = parts.join('');
    out.push({ kind: 'name', text: compact });
    for (const hon of HONORIFICS) {
      out.push({ kind: 'name', text: compact + hon });
      if (parts.length >= 2) {
        out.push({ kind: 'name', text: parts[0]! + hon });
        out.push({ kind: 'name', text: parts[parts.length - 1]! + hon });
      }
    }
    return out;
  }
  out.push({ kind: 'name', text: folded });
  if (parts.length >= 2) {
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    out.push({ kind: 'name', text: `${last}, ${first}` });
    out.push({ kind: 'name', text: `${last} ${first}` });
    for (const title of TITLES) {
      out.push({ kind: 'name', text: `${title} ${last}` });
      out.push({ kind: 'name', text: `${title}. ${last}` });
    }
  }
  return out;
}

function companyNeedles(company: string): Needle[] {
  const folded = fold(company).replace(/\s+/g, ' ');
  if (!folded) return [];
  const out: Needle[] = [{ kind: 'company', text: folded }];
  const core = folded.replace(LEGAL_FORMS, '').trim();
  const longEnough = CJK.test(core) ? core.length >= 2 : core.length >= 4;
  if (core !== folded && longEnough) out.push({ kind: 'company', text: core });
  return out;
}

interface NeedleIndex {
  byFirst: Map<string, Needle[]>;
}

function index(needles: Needle[]): NeedleIndex {
  const byFirst = new Map<string, Needle[]>();
  for (const n of needles) {
    const first = n.text[0]!;
    const list = byFirst.get(first) ?? [];
    if (!list.some((x) => x.text === n.text)) list.push(n);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  return { byFirst };
}

export interface NeedleMatch {
  kind: PrivacyKind;
  /** [start, end) in the folded text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}_]/u;

function scanView(view: View, idx: NeedleIndex, wordBoundaries: boolean): NeedleMatch[] {
  const out: NeedleMatch[] = [];
  const t = view.text;
  for (let i = 0; i < t.length; i++) {
    const list = idx.byFirst.get(t[i]!);
    if (!list) continue;
    if (wordBoundaries && i > 0 && WORD.test(t[i - 1]!)) continue;
    for (const needle of list) {
      if (!t.startsWith(needle.text, i)) continue;
      const end = i + needle.text.length;
      if (wordBoundaries && end < t.length && WORD.test(t[end]!)) continue;
      out.push({ kind: needle.kind, start: view.map[i]!, end: view.map[end - 1]! + 1 });
      i = end - 1;
      break;
    }
  }
  return out;
}

/** Finds every customer of the library in a text (folded with normalizeText). */
export class CustomerMatcher {
  private readonly cjk: NeedleIndex;
  private readonly latin: NeedleIndex;
  private readonly hosts: string[];

  constructor(customers: readonly CustomerIdentity[], ignoreHosts: readonly string[] = []) {
    const needles = customers.flatMap((c) => [...nameNeedles(c.name), ...companyNeedles(c.company)]);
    this.cjk = index(
      needles.filter((n) => CJK.test(n.text)).map((n) => ({ ...n, text: n.text.replace(/\s/g, '') })),
    );
    this.latin = index(needles.filter((n) => !CJK.test(n.text)));
    const ignored = new Set(ignoreHosts.map((h) => h.replace(/^www\./, '')));
    this.hosts = [...new Set(customers.map((c) => siteHost(c.website)).filter((h): h is string => !!h))]
      .filter((h) => !ignored.has(h))
      .sort((a, b) => b.length - a.length);
  }

  match(folded: string): NeedleMatch[] {
    const compact = viewOf(folded, 'remove');
    const spaced = viewOf(folded, 'collapse');
    return [
      ...scanView(compact, this.cjk, false),
      ...scanView(spaced, this.latin, true),
      ...this.matchSites(folded),
    ];
  }

  /** The customer's own site, with or without scheme, www. and path. Not inside an e-mail address. */
  private matchSites(folded: string): NeedleMatch[] {
    const out: NeedleMatch[] = [];
    for (const host of this.hosts) {
      let from = 0;
      for (;;) {
        const at = folded.indexOf(host, from);
        if (at < 0) break;
        from = at + host.length;
        const after = folded[from] ?? '';
        if (/[a-z0-9-]/.test(after) || (after === '.' && /[a-z0-9]/.test(folded[from + 1] ?? ''))) continue;
        let start = at;
        if (folded.slice(Math.max(0, at - 4), at) === 'www.') start -= 4;
        const scheme = /https?:\/\/$/.exec(folded.slice(Math.max(0, start - 8), start));
        if (scheme) start -= scheme[0].length;
        // Part of a longer host (myshop.example.jp) or of an e-mail address: not this site.
        if (/[a-z0-9.@_-]/.test(folded[start - 1] ?? '')) continue;
        let end = from;
        if (/[/?#]/.test(after)) {
          const rest = /^[^\s<>"'」』）)、。]*/.exec(folded.slice(from))![0];
          end = from + rest.replace(/[.,;:!?]+$/, '').length;
        }
        out.push({ kind: 'url', start, end });
      }
    }
    return out;
  }
}

/** Keys of the vendor's own contact details: never a finding (support@vendor is meant to be public). */
export function vendorKeys(vendor: { email?: string | null; website?: string | null }): {
  emails: string[];
  hosts: string[];
} {
  const host = vendor.website ? siteHost(vendor.website) : null;
  const emailHost = vendor.email?.split('@')[1];
  return {
    emails: vendor.email ? [findingKey(vendor.email)] : [],
    hosts: [host, emailHost ? fold(emailHost) : null].filter((h): h is string => !!h),
  };
}
