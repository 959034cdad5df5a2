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

const isSpace = (code: number) =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 0xa0 ||
  code === 0x3000 ||
  code === 0x2028 ||
  code === 0x2029 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0xfeff;

export function viewOf(folded: string, spaces: 'remove' | 'collapse'): View {
  const parts: string[] = [];
  const map: number[] = [];
  let inSpace = false;
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart >= 0) {
      parts.push(folded.slice(runStart, end));
      for (let k = runStart; k < end; k++) map.push(k);
      runStart = -1;
    }
  };
  for (let i = 0; i < folded.length; i++) {
    if (isSpace(folded.charCodeAt(i))) {
      flush(i);
      if (spaces === 'collapse' && !inSpace && map.length > 0) {
        parts.push(' ');
        map.push(i);
      }
      inSpace = true;
      continue;
    }
    if (runStart < 0) runStart = i;
    inSpace = false;
  }
  flush(folded.length);
  return { text: parts.join(''), map };
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
  private readonly hosts: Set<string>;

  constructor(customers: readonly CustomerIdentity[], ignoreHosts: readonly string[] = []) {
    const needles = customers.flatMap((c) => [...nameNeedles(c.name), ...companyNeedles(c.company)]);
    this.cjk = index(
      needles.filter((n) => CJK.test(n.text)).map((n) => ({ ...n, text: n.text.replace(/\s/g, '') })),
    );
    this.latin = index(needles.filter((n) => !CJK.test(n.text)));
    const ignored = new Set(ignoreHosts.map((h) => h.replace(/^www\./, '')));
    this.hosts = new Set(
      customers.map((c) => siteHost(c.website)).filter((h): h is string => !!h && !ignored.has(h)),
    );
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

  /**
   * The customer's own site, with or without scheme, www. and path; not inside an e-mail address
   * or a longer host name. One pass over the text finds every host-like word; the customers' hosts
   * are looked up in a set (a library has hundreds of customers).
   */
  private matchSites(folded: string): NeedleMatch[] {
    const out: NeedleMatch[] = [];
    if (this.hosts.size === 0 || !folded.includes('.')) return out;
    HOSTLIKE.lastIndex = 0;
    for (const m of folded.matchAll(HOSTLIKE)) {
      const word = m[0].replace(/\.+$/, '');
      let start = m.index;
      const lead = folded[start - 1] ?? '';
      if (lead === '@' || lead === '.' || lead === '-') continue;
      let host = word.replace(/^www\./, '');
      // A customer host the word is or ends with at a label boundary: shop.example.jp in
      // www.shop.example.jp and blog.shop.example.jp, never in myshop.example.jp.
      while (host && !this.hosts.has(host)) {
        const dot = host.indexOf('.');
        if (dot < 0) {
          host = '';
          break;
        }
        host = host.slice(dot + 1);
      }
      if (!host) continue;
      const scheme = /https?:\/\/$/.exec(folded.slice(Math.max(0, start - 8), start));
      if (scheme) start -= scheme[0].length;
      let end = m.index + word.length;
      const after = folded[end] ?? '';
      if (/[/?#]/.test(after)) {
        const rest = /^[^\s<>"'」』）)、。]*/.exec(folded.slice(end))![0];
        end += rest.replace(/[.,;:!?]+$/, '').length;
      }
      out.push({ kind: 'url', start, end });
    }
    return out;
  }
}

/** A host name: labels of letters, digits and hyphens joined by dots, ending in a letter label. */
const HOSTLIKE = /[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}\b/g;

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
