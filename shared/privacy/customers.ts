import { findingKey } from './key';
import type { CompactView } from './compact';
import type { PatternMatch } from './contacts';
import { buildNameIndex } from './namePatterns';
import { NameMatcher } from './nameMentions';
import { SiteMatcher, siteHost } from './sites';
import type { CustomerIdentity } from './types';

export { siteHost };

/** Finds the library's customers in a folded text: their names, companies and sites. */
export class CustomerMatcher {
  private readonly names: NameMatcher;
  private readonly sites: SiteMatcher;

  constructor(customers: readonly CustomerIdentity[], ignoreHosts: readonly string[] = []) {
    this.names = new NameMatcher(buildNameIndex(customers));
    const ignored = new Set(ignoreHosts.map((h) => h.replace(/^www\./, '')));
    this.sites = new SiteMatcher(
      new Set(customers.map((c) => siteHost(c.website)).filter((h): h is string => !!h && !ignored.has(h))),
    );
  }

  /** Pushes what it finds onto `out` (a text can hold millions of names: no copies). */
  match(folded: string, view: CompactView, out: PatternMatch[]): void {
    this.names.match(folded, view, out);
    for (const m of this.sites.match(folded)) out.push(m);
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
    emails: vendor.email ? [findingKey(vendor.email, 'email')] : [],
    hosts: [host, emailHost ? findingKey(emailHost, 'email') : null].filter((h): h is string => !!h),
  };
}
