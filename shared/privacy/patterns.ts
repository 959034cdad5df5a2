// Detectors for contact details and reference numbers, run on the folded text (NFKC + lower case),
// so full-width ０３－１２３４－５６７８ and half-width 03-1234-5678 are one pattern. Each detector
// errs on the side of flagging: a false alarm costs the vendor one click ("not personal"), a miss
// publishes a customer's details.

import type { PrivacyKind } from './types';

export interface PatternMatch {
  kind: PrivacyKind;
  start: number;
  end: number;
}

/** Hyphen-likes people type between digit groups, including the katakana prolonged sound mark. */
const DASH = '[\\-\\u2010-\\u2015\\u2212\\u30fc]';
const SEP = `(?:${DASH}|\\s|\\.)`;
const digits = (s: string) => s.replace(/\D/g, '').length;

const PREFECTURES =
  '北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|' +
  '新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|' +
  '奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|' +
  '熊本県|大分県|宮崎県|鹿児島県|沖縄県';

const US_STATES =
  'al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|' +
  'nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc';

interface Detector {
  kind: PrivacyKind;
  pattern: RegExp;
  /** Which capture group is the finding (the number after a label, not the label). */
  group?: number;
  accept?: (match: string) => boolean;
}

const detectors: Detector[] = [
  {
    kind: 'email',
    pattern: /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g,
  },
  // Japanese numbers: 03-1234-5678, 090-1234-5678, 0120-123-456, (03) 1234-5678, 0312345678.
  {
    kind: 'phone',
    pattern: new RegExp(
      `(?<![\\d.\\-])(?:\\(0\\d{1,4}\\)\\s?\\d{1,4}${SEP}?\\d{3,4}|0\\d{1,4}${SEP}\\d{1,4}${SEP}\\d{3,4}|0\\d{9,10})(?![\\d\\-])`,
      'g',
    ),
    accept: (m) => digits(m) === 10 || digits(m) === 11,
  },
  // International: +81 3-1234-5678, +1 (555) 123-4567, +44 20 7946 0958.
  {
    kind: 'phone',
    pattern: /\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\d])/g,
    accept: (m) => digits(m) >= 8 && digits(m) <= 15,
  },
  // North American without a country code: (555) 123-4567, 555-123-4567.
  {
    kind: 'phone',
    pattern: /(?<![\d.-])\(?[2-9]\d{2}\)?[\s.-]\d{3}[-.]\d{4}(?![\d-])/g,
  },
  // Japanese postal codes: after 〒 or a label, or right before an address.
  {
    kind: 'postal',
    pattern: new RegExp(
      `(?:〒|郵便番号|postal code|zip code|postcode)\\s*[:：]?\\s*\\d{3}${DASH}?\\d{4}(?!\\d)|(?<![\\d.\\-])\\d{3}${DASH}\\d{4}(?=\\s*(?:${PREFECTURES}|[\\p{Script=Han}\\p{Script=Katakana}]{1,6}[市区町村郡]))`,
      'gu',
    ),
  },
  // US ZIP after a state (", CA 94105") and UK postcodes (SW1A 1AA).
  { kind: 'postal', pattern: new RegExp(`(?<=,\\s*)(?:${US_STATES})\\s+\\d{5}(?:-\\d{4})?(?!\\d)`, 'g') },
  { kind: 'postal', pattern: /\b[a-z]{1,2}\d[a-z\d]?\s+\d(?!st|nd|rd|th)[a-z]{2}\b/g },
  // Japanese addresses: a municipality followed by block numbers (渋谷区神宮前1-2-3, 1丁目2番3号).
  {
    kind: 'address',
    pattern: new RegExp(
      `(?:${PREFECTURES})?[\\p{Script=Han}\\p{Script=Katakana}\\p{Script=Hiragana}ー]{1,6}?[市区町村郡][\\p{Script=Han}\\p{Script=Katakana}ー]{0,10}?\\d{1,4}(?:丁目|番地|番|${DASH})(?:\\d{1,4}(?:丁目|番地|番|号|${DASH})?){0,3}`,
      'gu',
    ),
    accept: (m) => /\d\s*(?:丁目|番)|\d[-\u2010-\u2015\u2212\u30fc]\d/.test(m),
  },
  // English street addresses: 221 Baker Street, 4 Main St.
  {
    kind: 'address',
    pattern:
      /\b\d{1,5}\s+(?:[a-z][a-z'.-]*\s+){1,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|parkway)\b\.?/g,
  },
  // Order, licence, member and invoice numbers after their label.
  {
    kind: 'order',
    pattern:
      /(?:ご?注文番号|受注番号|注文no\.?|オーダー番号|ライセンス(?:キー|番号|コード)|シリアル(?:番号|キー|コード)|プロダクトキー|会員番号|契約番号|お客様番号|顧客番号|請求書番号|伝票番号|order\s*(?:number|no\.?|id|#)|licen[cs]e\s*(?:key|number|no\.?|code)|serial\s*(?:number|no\.?|key)|product\s*key|invoice\s*(?:number|no\.?)|customer\s*(?:number|id|no\.?)|account\s*(?:number|no\.?))\s*(?:は|:|：|#|=)?\s*([a-z0-9][a-z0-9-]{3,})/g,
    group: 1,
    accept: (m) => /\d/.test(m),
  },
  // Licence keys without a label: four or more groups of letters and digits (ABCD-1234-EFGH-5678).
  {
    kind: 'order',
    pattern: /(?<![a-z0-9-])[a-z0-9]{4,6}(?:-[a-z0-9]{4,6}){3,}(?![a-z0-9-])/g,
    accept: (m) => /\d/.test(m) && /[a-z]/.test(m),
  },
];

/** Every detector needs a digit or an @: most sentences have neither and skip all of them. */
const MAYBE = /[0-9@]/;

export function detectPatterns(text: string): PatternMatch[] {
  const found: PatternMatch[] = [];
  if (!MAYBE.test(text)) return found;
  for (const d of detectors) {
    d.pattern.lastIndex = 0;
    for (const m of text.matchAll(d.pattern)) {
      const value = d.group ? m[d.group] : m[0];
      if (!value || (d.accept && !d.accept(value))) continue;
      const start = d.group ? m.index + m[0].lastIndexOf(value) : m.index;
      found.push({ kind: d.kind, start, end: start + value.length });
    }
  }
  return found;
}
