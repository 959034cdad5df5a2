import { NAME_VARIANTS } from '../shared/privacy/nameVariants';
import type { CustomerIdentity } from '../shared/privacy';

// Inputs for `npm run bench -- privacy`: a seeded corpus of customer details written the ways
// people (and people hiding them) write them, ordinary answer text, and adversarial inputs that
// made the old regular expressions take seconds to minutes.

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FORMAT = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u00ad',
  '\u200e',
  '\u200f',
  '\u2060',
  '\ufeff',
  '\ufe00',
  '\u{e0100}',
];
const FAMILY = [
  '田中',
  '鈴木',
  '佐藤',
  '高橋',
  '渡辺',
  '山崎',
  '斎藤',
  '伊藤',
  '中村',
  '小林',
  '吉田',
  '長谷川',
];
const GIVEN = ['美咲', '一郎', '健太', '花子', '翔太', '陽菜', '結衣', '大輝', 'さくら', 'ケンジ'];
const LATIN_GIVEN = ['John', 'Emma', 'Liam', 'Olivia', 'Noah', 'Sophie', 'Lucas', 'Grace'];
const LATIN_FAMILY = ['Miller', 'Brown', 'Taylor', 'Wilson', 'Clarke', 'Walker', 'Harris', 'Young'];
const COMPANY = ['ミドリ珈琲', 'サトウ雑貨店', 'タナカ整体院', 'ヤマモト設計'];
const VARIANT_OF = new Map<string, string[]>();
for (const [from, to] of NAME_VARIANTS) {
  const common = String.fromCodePoint(to);
  VARIANT_OF.set(common, [...(VARIANT_OF.get(common) ?? []), String.fromCodePoint(from)]);
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** One character in a disguise: format characters after it, other kana, width, case, variant kanji. */
function disguise(r: () => number, s: string): string {
  return Array.from(s)
    .map((c, i, all) => {
      let out = c;
      const roll = r();
      if (/\p{Script=Katakana}/u.test(c) && roll < 0.3) out = String.fromCharCode(c.charCodeAt(0) - 0x60);
      else if (/\p{Script=Katakana}/u.test(c) && roll < 0.5)
        out = c.normalize('NFD')[0] === c ? halfWidth(c) : c;
      else if (/[A-Za-z]/.test(c) && roll < 0.3) out = String.fromCharCode(c.charCodeAt(0) + 0xfee0);
      else if (/[a-z]/.test(c) && roll < 0.5) out = c.toUpperCase();
      else if (VARIANT_OF.has(c) && roll < 0.7) out = pick(r, VARIANT_OF.get(c)!);
      if (i < all.length - 1 && r() < 0.35) out += pick(r, FORMAT);
      return out;
    })
    .join('');
}

const HALF = new Map<string, string>();
for (let c = 0xff66; c <= 0xff9d; c++)
  HALF.set(String.fromCharCode(c).normalize('NFKC'), String.fromCharCode(c));
const halfWidth = (k: string) => HALF.get(k) ?? k;

export interface RecallCase {
  kind: 'name' | 'company' | 'email' | 'phone';
  text: string;
  /** [start, end) of what must be covered by a finding of `kind`. */
  start: number;
  end: number;
}

export interface RecallCorpus {
  customers: CustomerIdentity[];
  cases: RecallCase[];
}

/** `count` sentences, each hiding one customer detail; the customers they belong to. */
export function recallCorpus(count: number, seed = 16): RecallCorpus {
  const r = rng(seed);
  const customers: CustomerIdentity[] = [];
  for (const f of FAMILY)
    for (const g of GIVEN.slice(0, 3))
      customers.push({ name: `${f} ${g}`, company: '', email: null, phone: '', website: '' });
  for (const g of LATIN_GIVEN)
    customers.push({
      name: `${g} ${pick(r, LATIN_FAMILY)}`,
      company: '',
      email: null,
      phone: '',
      website: '',
    });
  for (const c of COMPANY) customers.push({ name: '', company: c, email: null, phone: '', website: '' });
  const cases: RecallCase[] = [];
  const put = (kind: RecallCase['kind'], before: string, value: string, after: string) =>
    cases.push({
      kind,
      text: before + value + after,
      start: before.length,
      end: before.length + value.length,
    });
  for (let i = 0; i < count; i++) {
    const which = i % 6;
    if (which === 0 || which === 1) {
      const c = pick(r, customers.slice(0, FAMILY.length * 3));
      const [family, given] = c.name.split(' ') as [string, string];
      const form = pick(r, [
        `${family}${given}様`,
        `${family} ${given}さん`,
        `${family}様`,
        `${given}さん`,
        `${given} ${family}殿`,
      ]);
      put('name', 'いつもありがとうございます。', disguise(r, form), '、手順をご案内します。');
    } else if (which === 2) {
      const c = pick(
        r,
        customers.filter((x) => /^[A-Z]/.test(x.name)),
      );
      const [given, family] = c.name.split(' ') as [string, string];
      const [before, value, after] = pick(r, [
        ['Notes.\nDear ', given, ',\nHere are the steps.'],
        ['Thanks for your patience, ', given, '.'],
        ['Notes.\n', given, ': follow steps 1 to 3.'],
        ['We asked ', `Dr.${family}`, ' about it.'],
        ['Signed ', `${given[0]}. ${family}`, ' today.'],
        ['Signed ', `${family}, ${given}`, ' today.'],
      ] as const);
      put('name', before, disguise(r, value), after);
    } else if (which === 3) {
      put('company', 'お問い合わせは', disguise(r, pick(r, COMPANY)), 'の担当者からです。');
    } else if (which === 4) {
      const local = `${pick(r, ['misaki', 'ken', 'john', 'emma'])}.${pick(r, ['tanaka', 'sato', 'miller'])}`;
      const at = pick(r, ['@', '＠', '[at]']);
      put(
        'email',
        'Write to ',
        disguise(r, `${local}${at}${pick(r, ['example', 'mail', 'shop'])}.example.jp`),
        ' please.',
      );
    } else {
      const sep = pick(r, ['-', ' ', '‐', '－', 'ー', ' - ', '.']);
      const number = pick(r, [
        `03${sep}${1000 + Math.floor(r() * 9000)}${sep}${1000 + Math.floor(r() * 9000)}`,
        `090${sep}${1000 + Math.floor(r() * 9000)}${sep}${1000 + Math.floor(r() * 9000)}`,
        `0120${sep}${100 + Math.floor(r() * 900)}${sep}${100 + Math.floor(r() * 900)}`,
      ]);
      put('phone', '電話番号は ', disguise(r, number), ' です。');
    }
  }
  return { customers, cases };
}

/** Ordinary answer text, Japanese and English mixed, about `chars` characters. */
export function ordinaryText(chars: number): string {
  const lines = [
    'せっかく追加した写真が見えないと、ご来院の方に伝わらず残念ですよね。よくある原因は、iPhone の写真形式（HEIC）です。',
    'Sirius の管理画面で「画像・メディア」を開き、表示されない画像を選んで「差し替え」を押します。',
    'DNS の設定が反映されるまで最大で24時間ほどかかることがあります。バージョン 4.2.1 で確認しました。',
    'In Google Analytics, open Admin → Data streams and copy the measurement ID (it starts with G-).',
    'Open your site in a new window, then check Realtime in Google Analytics. You see one active user: yourself.',
    'アクセント色に #2E7D5B を入力します。プレビューのボタンと見出しの色が変わります。料金は 1,000円です。',
  ];
  let out = '';
  for (let i = 0; out.length < chars; i++) out += `${lines[i % lines.length]}\n`;
  return out.slice(0, chars);
}

/** Inputs that made the old scanner's regular expressions grow with the square of their size. */
export function adversarialInputs(chars: number): Record<string, string> {
  const rep = (s: string) => s.repeat(Math.ceil(chars / s.length)).slice(0, chars);
  return {
    'hex dump': rep('0a1b2c3d4e5f6789 '),
    'dashed hex': rep('0a1b-2c3d-4e5f-6789-'),
    'spaces after a comma': `,${' '.repeat(chars - 1)}`,
    'spaces after 〒': `〒${' '.repeat(chars - 1)}`,
    'one long word': 'a'.repeat(chars),
    'one long word, then @': `${'a'.repeat(chars - 12)}@example.jp`,
    'dotted word': rep('a.'),
    digits: '1'.repeat(chars),
    'dashed digits': rep('1-'),
    'family name repeated': rep('田中'),
    'name and honorific repeated': rep('田中様'),
    'zero-width spaces': rep('田\u200b'),
    'at signs': rep('a@'),
    'a customer host, no spaces': rep('tanaka-seitai.example.jp/'),
    'a greeting repeated': rep('John, '),
    'combining marks': `a${'\u0301'.repeat(chars - 1)}`,
    'half-width kana': rep('ﾀﾞ'),
    'municipality and numbers': rep('市1-'),
  };
}
