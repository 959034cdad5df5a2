import { describe, expect, it } from 'vitest';
import { redactText } from '.';
import { scanChecked, scanPairs as scan } from './testing';

// Every form of a customer detail (issue 16), both ways: what must be found, mapped back to the
// exact characters the author typed (zero-width and soft-hyphen characters inside included), and
// what must not be (no false alarm), in Japanese and English.

const ZWSP = '\u200b';
const ZWJ = '\u200d';
const SHY = '\u00ad';
const RLM = '\u200f';
const VS1 = '\ufe00';

describe('names by part (Japanese)', () => {
  it.each([
    [`田${ZWSP}中様、お世話になっております。`, `田${ZWSP}中様`],
    [`田中${ZWSP}美咲様`, `田中${ZWSP}美咲様`],
    [`田${SHY}中 美${ZWJ}咲 さん`, `田${SHY}中 美${ZWJ}咲 さん`],
    ['田中・美咲様', '田中・美咲様'],
    ['美咲 田中様', '美咲 田中様'],
    ['美咲さんの写真', '美咲さん'],
    ['田中殿', '田中殿'],
    ['田中氏によれば', '田中氏'],
    ['田中 様', '田中 様'],
    ['鈴木一郎', '鈴木一郎'],
    ['佐藤健さんへ', '佐藤健さん'],
    ['佐藤さんへ', '佐藤さん'],
    // Variant kanji: stored 髙橋, 山﨑, 渡邊; written 高橋, 山崎, 渡辺 (and the other way round).
    ['高橋様のご依頼', '高橋様'],
    ['高橋誠', '高橋誠'],
    ['山崎花子さん', '山崎花子さん'],
    ['渡辺さん', '渡辺さん'],
    [`渡邉${VS1}さん`, `渡邉${VS1}さん`],
    // Full-width and half-width forms.
    ['ﾀﾅｶ整体院の田中様', '田中様'],
  ])('%s', (text, name) => {
    expect(scan(text)).toContainEqual(['name', name]);
  });

  it('redacts the whole name, never only the part that was found', () => {
    const text = `田中${ZWSP}美咲様、ありがとうございます。`;
    const found = scanChecked(text);
    expect(found).toHaveLength(1);
    expect(redactText(text, found, '［非公開］')).toBe('［非公開］、ありがとうございます。');
  });

  it.each([
    '田中町の天気', // a family name alone, not as a name
    '美咲という花', // a given name alone
    '誠実な対応をいたします。', // 誠 of 髙橋 誠: one character is never a pattern
    '高橋の設定を開きます。',
    'の様子を見てください。', // a sender called の
    'サポートへのお問い合わせはこちら。', // a sender called Support
    'お客様のサイトでも同じです。', // a sender called お客様
    '健康のため', // 健 of 佐藤健
  ])('not a name: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('names by part (English)', () => {
  it.each([
    ['Dear John,\n\nThank you for writing.', 'John'],
    ['Hi John! Here are the steps.', 'John'],
    ['Thanks, John', 'John'],
    ['Thank you, John.', 'John'],
    ['Thanks for your patience, John.', 'John'],
    ['John: follow steps 1 to 3.', 'John'],
    ['Sorry, John, this took a while.', 'John'],
    ['Dr.Miller asked', 'Dr.Miller'],
    ['Dr Miller asked', 'Dr Miller'],
    ['Mr. Miller, we checked', 'Mr. Miller'],
    ['J. Miller wrote', 'J. Miller'],
    ['J.Miller wrote', 'J.Miller'],
    ['Miller John wrote', 'Miller John'],
    ['Miller, John wrote', 'Miller, John'],
    ['ＪＯＨＮ　ＭＩＬＬＥＲ asked', 'ＪＯＨＮ　ＭＩＬＬＥＲ'],
    [`Jo${SHY}hn Mil${ZWSP}ler asked`, `Jo${SHY}hn Mil${ZWSP}ler`],
    [`${RLM}John Miller${RLM} asked`, `John Miller`],
    ['Miller-san, thank you', 'Miller-san'],
    ['Dear Zoe,', 'Zoe'],
    ['Dear Mr. John Miller,', 'Mr. John Miller'],
  ])('%s', (text, name) => {
    expect(scan(text)).toContainEqual(['name', name]);
  });

  it.each([
    'John opened the settings.',
    'Johnson & Johnson make bandages.',
    'The miller ground the flour.',
    'Dear customer, thank you.',
    'Thanks, Johnny!',
    'Mr Millerton called.',
    'Click Support, then Help.',
  ])('not a name: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('companies in every kana form', () => {
  it.each([
    ['タナカ整体院のトップページ', 'タナカ整体院'],
    ['ﾀﾅｶ整体院のサイト', 'ﾀﾅｶ整体院'],
    ['たなか整体院', 'たなか整体院'],
    ['さとう雑貨店の商品', 'さとう雑貨店'],
    ['サトウ雑貨店', 'サトウ雑貨店'],
    ['ミドリ珈琲の広報', 'ミドリ珈琲'],
    ['(株)ミドリ珈琲様', '(株)ミドリ珈琲様'],
    ['㈱ミドリ珈琲', '㈱ミドリ珈琲'],
    [`ミドリ${ZWSP}珈琲`, `ミドリ${ZWSP}珈琲`],
    ['the Miller  Language  School site', 'Miller  Language  School'],
    ['Miller Language School, Inc. says', 'Miller Language School, Inc.'],
  ])('%s', (text, company) => {
    expect(scan(text)).toContainEqual(['company', company]);
  });

  it.each(['整体院の予約ページ', '雑貨店の在庫管理', '珈琲の写真', 'Language school pages'])(
    'not a company: %s',
    (text) => {
      expect(scan(text)).toEqual([]);
    },
  );
});

describe('contact details with separators and format characters inside', () => {
  it.each([
    [`misaki.tanaka@example${ZWSP}.jp にご返信ください`, 'email', `misaki.tanaka@example${ZWSP}.jp`],
    ['ｍｉｓａｋｉ＠ｅｘａｍｐｌｅ．ｊｐ', 'email', 'ｍｉｓａｋｉ＠ｅｘａｍｐｌｅ．ｊｐ'],
    ['misaki.tanaka[at]example[dot]jp', 'email', 'misaki.tanaka[at]example[dot]jp'],
    [`john${SHY}.miller@example.org`, 'email', `john${SHY}.miller@example.org`],
    [`電話 03${ZWSP}-1234-5678 まで`, 'phone', `03${ZWSP}-1234-5678`],
    ['電話 03 - 1234 - 5678 まで', 'phone', '03 - 1234 - 5678'],
    ['電話 03(1234)5678 まで', 'phone', '03(1234)5678'],
    ['０３‐１２３４‐５６７８', 'phone', '０３‐１２３４‐５６７８'],
    ['tel.090-1234-5678', 'phone', '090-1234-5678'],
    ['Call +81 3 1234 5678 today', 'phone', '+81 3 1234 5678'],
    ['Call +1 (555) 123-4567', 'phone', '+1 (555) 123-4567'],
    ['Call 555.123.4567', 'phone', '555.123.4567'],
    [`〒150${ZWSP}-0001 東京都`, 'postal', `〒150${ZWSP}-0001`],
    ['郵便番号：150-0001', 'postal', '150-0001'],
    ['150-0001 東京都渋谷区', 'postal', '150-0001'],
    ['Zip code 1500001', 'postal', '1500001'],
    ['Boston, MA 02118', 'postal', 'MA 02118'],
    ['東京都渋谷区神宮前1-2-3', 'address', '東京都渋谷区神宮前1-2-3'],
    ['大阪市北区梅田3丁目1番1号に移転', 'address', '大阪市北区梅田3丁目1番1号'],
    ['We visited 221 Baker Street', 'address', '221 Baker Street'],
    [`ご注文番号：A-2023${ZWSP}-0042 について`, 'order', `A-2023${ZWSP}-0042`],
    ['ライセンスキー: ABCD 1234 EFGH 5678 です', 'order', 'ABCD 1234 EFGH 5678'],
    ['Order #12345 shipped', 'order', '12345'],
    ['order no. 88-4412-X9', 'order', '88-4412-X9'],
    ['Key XK2P-9QQA-77LM-0ZZ1', 'order', 'XK2P-9QQA-77LM-0ZZ1'],
    ['tanaka-seitai[.]example[.]jp', 'url', 'tanaka-seitai[.]example[.]jp'],
    [
      `https://tanaka-seitai.example${ZWSP}.jp/news を開く`,
      'url',
      `https://tanaka-seitai.example${ZWSP}.jp/news`,
    ],
    ['blog.midori-coffee.example.jp', 'url', 'blog.midori-coffee.example.jp'],
  ])('%s', (text, kind, value) => {
    expect(scan(text)).toContainEqual([kind, value]);
  });

  it.each([
    'support@sirius.example.jp までご連絡ください。', // the vendor's own address
    'https://sirius.example.jp/help',
    'バージョン 4.2.1 を 2026-11-23 に公開。',
    '1920x1080 で書き出します。',
    '料金は 12,345,678円です。',
    'ID 1234-5678 を入力',
    'コード 150-0001 を入力',
    '手順 3 の 10',
    '注文番号の確認方法をご案内します。',
    'ABCD-EFGH-IJKL-MNOP',
    'mytanaka-seitai.example.jp と example.jp',
    '@mention で通知',
    'user@localhost',
    'Step 3 of 10 takes 5 minutes.',
    'On 2026-03-01 at 10:30 we released 4.3.',
  ])('not a detail: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('mapping back and overlaps', () => {
  it('keeps a name inside an e-mail address as the address', () => {
    expect(scan('write to john.miller@example.org')).toEqual([['email', 'john.miller@example.org']]);
  });

  it('redacts the original span, format characters and all', () => {
    const text = `TEL 0${ZWSP}3-1234-5678、田${ZWSP}中${VS1}様`;
    const found = scanChecked(text);
    expect(found.map((f) => f.kind)).toEqual(['phone', 'name']);
    expect(redactText(text, found, '■')).toBe('TEL ■、■');
  });

  it('keys one decision for every spelling of a finding', () => {
    const keys = ['田中様', `田${ZWSP}中様`, '田中 様'].map((t) => scanChecked(t)[0]!.key);
    expect(new Set(keys).size).toBe(1);
    const companies = ['タナカ整体院', 'ﾀﾅｶ整体院', 'たなか整体院'].map((t) => scanChecked(t)[0]!.key);
    expect(new Set(companies).size).toBe(1);
    const phones = ['03-1234-5678', '03 1234 5678', '０３ー１２３４ー５６７８'].map(
      (t) => scanChecked(t)[0]!.key,
    );
    expect(new Set(phones).size).toBe(1);
  });
});
