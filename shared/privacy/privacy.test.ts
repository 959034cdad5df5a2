import { describe, expect, it } from 'vitest';
import { CustomerMatcher, QuoteIndex, redactText, scanText, vendorKeys, type CustomerIdentity } from '.';

const customers: CustomerIdentity[] = [
  {
    name: '田中 美咲',
    company: 'たなか整体院',
    email: 'misaki.tanaka@example.jp',
    phone: '03-0000-1234',
    website: 'https://tanaka-seitai.example.jp',
  },
  {
    name: '鈴木 一郎',
    company: '株式会社ミドリ珈琲',
    email: 'ichiro.suzuki@midori-coffee.example.jp',
    phone: '',
    website: 'https://www.midori-coffee.example.jp/',
  },
  {
    name: 'John Miller',
    company: 'Miller Language School',
    email: null,
    phone: '',
    website: 'miller-school.example.org',
  },
  { name: '佐藤健', company: '', email: null, phone: '', website: '' },
];
const vendor = vendorKeys({ email: 'support@sirius.example.jp', website: 'https://sirius.example.jp' });
const ctx = { customers: new CustomerMatcher(customers, vendor.hosts), ignore: vendor };

const scan = (text: string, extra: Partial<Parameters<typeof scanText>[1]> = {}) =>
  scanText(text, { ...ctx, ...extra }).map((f) => [f.kind, f.text]);

describe('privacy scanner: flags customer details (Japanese)', () => {
  it.each([
    ['田中 美咲さんから質問がありました。', ['name', '田中 美咲さん']],
    ['田中美咲様のサイトでは', ['name', '田中美咲様']],
    ['田中　美咲 様、お待たせしました', ['name', '田中　美咲 様']],
    ['田中様、お世話になっております。', ['name', '田中様']],
    ['美咲さんの写真', ['name', '美咲さん']],
    ['鈴木殿', ['name', '鈴木殿']],
    ['佐藤健さんへ', ['name', '佐藤健さん']],
    ['担当は鈴木 一郎です', ['name', '鈴木 一郎']],
    ['株式会社ミドリ珈琲の社内手順', ['company', '株式会社ミドリ珈琲']],
    ['ミドリ珈琲の広報', ['company', 'ミドリ珈琲']],
    ['たなか整体院のトップページ', ['company', 'たなか整体院']],
  ])('%s', (text, expected) => {
    expect(scan(text)).toContainEqual(expected);
  });

  it('finds phone numbers in every way people write them', () => {
    for (const phone of [
      '03-1234-5678',
      '090-1234-5678',
      '0120-123-456',
      '(03) 1234-5678',
      '０３－１２３４－５６７８',
      '03ー1234ー5678',
      '0312345678',
      '+81 3-1234-5678',
    ]) {
      expect(scan(`電話 ${phone} まで`), phone).toContainEqual(['phone', phone]);
    }
  });

  it('finds e-mail addresses (also full-width), postal codes and addresses', () => {
    expect(scan('misaki.tanaka@example.jp にご返信ください')).toContainEqual([
      'email',
      'misaki.tanaka@example.jp',
    ]);
    expect(scan('ｍｉｓａｋｉ＠ｅｘａｍｐｌｅ．ｊｐ')).toContainEqual([
      'email',
      'ｍｉｓａｋｉ＠ｅｘａｍｐｌｅ．ｊｐ',
    ]);
    expect(scan('〒150-0001 東京都渋谷区神宮前1-2-3')).toEqual([
      ['postal', '〒150-0001'],
      ['address', '東京都渋谷区神宮前1-2-3'],
    ]);
    expect(scan('150-0001 渋谷区神宮前')).toContainEqual(['postal', '150-0001']);
    expect(scan('大阪市北区梅田3丁目1番1号に移転')).toContainEqual(['address', '大阪市北区梅田3丁目1番1号']);
  });

  it("finds the customer's own site with or without scheme, www. and path", () => {
    expect(scan('https://tanaka-seitai.example.jp/news を開く')).toContainEqual([
      'url',
      'https://tanaka-seitai.example.jp/news',
    ]);
    expect(scan('www.midori-coffee.example.jp の表示')).toContainEqual([
      'url',
      'www.midori-coffee.example.jp',
    ]);
    expect(scan('例：midori-coffee.example.jp')).toContainEqual(['url', 'midori-coffee.example.jp']);
    expect(scan('blog.midori-coffee.example.jp')).toContainEqual(['url', 'blog.midori-coffee.example.jp']);
    expect(scan('nomidori-coffee.example.jp と example.jp')).toEqual([]);
  });

  it('finds order and licence numbers', () => {
    expect(scan('ご注文番号：A-20231123-0042 について')).toContainEqual(['order', 'A-20231123-0042']);
    expect(scan('ライセンスキーは ABCD-1234-EFGH-5678 です')).toContainEqual([
      'order',
      'ABCD-1234-EFGH-5678',
    ]);
    expect(scan('会員番号 123456')).toContainEqual(['order', '123456']);
  });
});

describe('privacy scanner: flags customer details (English)', () => {
  it.each([
    ['Thanks to John Miller for the question.', ['name', 'John Miller']],
    ['Dear Mr. Miller, here are the steps.', ['name', 'Mr. Miller']],
    ['Miller, John wrote in', ['name', 'Miller, John']],
    ['JOHN  MILLER asked', ['name', 'JOHN  MILLER']],
    ['the Miller Language School site', ['company', 'Miller Language School']],
    ['Write to john.miller@example.org', ['email', 'john.miller@example.org']],
    ['Call +1 (555) 123-4567 or 555-123-4567', ['phone', '+1 (555) 123-4567']],
    ['Call +44 20 7946 0958', ['phone', '+44 20 7946 0958']],
    ['We visited 221 Baker Street last week', ['address', '221 Baker Street']],
    ['San Francisco, CA 94105', ['postal', 'CA 94105']],
    ['London SW1A 1AA', ['postal', 'SW1A 1AA']],
    ['Your order number: 88-4412-X9 shipped', ['order', '88-4412-X9']],
    ['Licence key XK2P-9QQA-77LM-0ZZ1', ['order', 'XK2P-9QQA-77LM-0ZZ1']],
    ['See https://miller-school.example.org/courses.', ['url', 'https://miller-school.example.org/courses']],
  ])('%s', (text, expected) => {
    expect(scan(text)).toContainEqual(expected);
  });
});

describe('privacy scanner: leaves ordinary answer text alone', () => {
  it.each([
    // Japanese
    'iPhone の「設定」→「カメラ」→「フォーマット」を開き、「互換性優先」を選びます。',
    'バージョン 4.2.1 で確認しました。2026-11-23 に公開、10:00 から。',
    '料金は 1,000円、容量は 1024 MB です。',
    'アクセント色に #2E7D5B を入力します。',
    '田中町の天気', // a family name alone is not a name finding
    '東京都内のお店でも同じ手順です。',
    '設定画面の3番目の項目を区切り線を2番目に移動します。',
    '市販のカメラ3台で撮影',
    'DNS の設定が反映されるまで最大で24時間ほどかかることがあります。',
    'サポートへのお問い合わせは support@sirius.example.jp まで。',
    '公式サイト https://sirius.example.jp/help をご覧ください。',
    // English
    'Copy the measurement ID (it starts with G-).',
    'In Sirius, open SEO & Analytics → Analytics tags, paste the ID and press Save.',
    'Version 4.2.1 was released on 2026-11-23; 3 steps remain.',
    'John opened the settings.', // a given name alone
    'Resize to 1920x1080 and export as H.264 at 30 fps.',
    'Follow the 1 simple way to fix it, then drive to the 2 Google Drive folders.',
    'Open https://support.google.com/analytics for details.',
    'Use the mp4 1st pass setting.',
  ])('%s', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('verbatim customer text', () => {
  const quotes = new QuoteIndex([
    'いつもお世話になっております。\n昨日トップページに院内の写真を追加したのですが、パソコンでは見えるのにスマートフォンで見ると画像の場所が空白になってしまいます。\n> 以前の回答：カメラの設定を「互換性優先」にしておくと今後は起きません。',
    'When I open the course page on my phone the pictures are missing and the menu overlaps the title.',
  ]);

  it('flags an answer sentence that repeats the customer', () => {
    const found = scan('ご質問：パソコンでは見えるのにスマートフォンで見ると画像の場所が空白になる場合', {
      quotes,
    });
    // Up to where the answer's wording departs from the customer's (…になる vs …になってしまいます).
    expect(found).toContainEqual([
      'quote',
      'パソコンでは見えるのにスマートフォンで見ると画像の場所が空白にな',
    ]);
    expect(
      scan('Q: when I open the course page on my phone the pictures are missing.', { quotes })[0]?.[0],
    ).toBe('quote');
  });

  it('does not flag short stock phrases, our own quoted words, or paraphrases', () => {
    expect(scan('いつもお世話になっております。', { quotes })).toEqual([]);
    expect(scan('カメラの設定を「互換性優先」にしておくと今後は起きません。', { quotes })).toEqual([]);
    expect(scan('スマートフォンで画像が空白になるときは、画像の形式を確認します。', { quotes })).toEqual([]);
    expect(scan('If pictures are missing on your phone, check the format.', { quotes })).toEqual([]);
  });
});

describe('redactText', () => {
  it('replaces findings, merging overlaps, at their original offsets', () => {
    const text = 'ＴＥＬ０３－１２３４－５６７８、田中様';
    const findings = scanText(text, ctx);
    expect(redactText(text, findings, '［非公開］')).toBe('ＴＥＬ［非公開］、［非公開］');
    expect(
      redactText(
        'abcdef',
        [
          { start: 1, end: 4 },
          { start: 2, end: 5 },
        ],
        '#',
      ),
    ).toBe('a#f');
  });
});
