import {
  CustomerMatcher,
  scanText,
  vendorKeys,
  type CustomerIdentity,
  type ScanContext,
  type TextFinding,
} from '.';

// The customers the scanner tests know, and a scan that checks every finding maps back to the
// characters of the original text it claims (the property every caller relies on).

const customer = (name: string, company = '', website = ''): CustomerIdentity => ({
  name,
  company,
  email: null,
  phone: '',
  website,
});

export const testCustomers: CustomerIdentity[] = [
  customer('田中 美咲', 'たなか整体院', 'https://tanaka-seitai.example.jp'),
  customer('鈴木 一郎', '株式会社ミドリ珈琲', 'https://www.midori-coffee.example.jp/'),
  customer('John Miller', 'Miller Language School', 'miller-school.example.org'),
  customer('佐藤健', 'サトウ雑貨店', 'https://sato-zakka.example.com'),
  customer('髙橋 誠'),
  customer('山﨑 花子'),
  customer('渡邊 翔太'),
  customer('Zoë Clarke'),
  // Senders whose display name is no name: never a pattern by themselves.
  customer('の'),
  customer('Support'),
  customer('お客様'),
];

export const testVendor = vendorKeys({
  email: 'support@sirius.example.jp',
  website: 'https://sirius.example.jp',
});

export const testContext: ScanContext = {
  customers: new CustomerMatcher(testCustomers, testVendor.hosts),
  ignore: testVendor,
};

/** scanText, asserting that each finding's text is exactly the original characters at its offsets. */
export function scanChecked(text: string, ctx: Partial<ScanContext> = {}): TextFinding[] {
  const found = scanText(text, { ...testContext, ...ctx });
  for (const f of found) {
    if (text.slice(f.start, f.end) !== f.text)
      throw new Error(`finding ${f.kind} does not map back: ${f.text}`);
  }
  return found;
}

/** [kind, text as written] of each finding. */
export const scanPairs = (text: string, ctx: Partial<ScanContext> = {}) =>
  scanChecked(text, ctx).map((f) => [f.kind, f.text]);
