import { describe, expect, it } from 'vitest';
import {
  SearchClient,
  SearchIndex,
  decodeIds,
  encodeIds,
  parseSearchFile,
  storeShardOf,
  type BucketData,
  type SearchDocument,
  type SearchMeta,
  type StoreData,
} from '.';

const doc = (id: number, title: string, text: string, area = '画像・メディア'): SearchDocument => ({
  id,
  path: `answers/a${id}/`,
  title,
  text,
  language: /[a-z]/i.test(title[0]!) ? 'en' : 'ja',
  area,
  updated: '2026-11-20',
});

const corpus: SearchDocument[] = [
  doc(
    1,
    'スマートフォンで画像が表示されないときの確認手順',
    'iPhone の写真形式（HEIC）が原因です。JPEG 形式に変えてアップロードし直すと表示されます。',
  ),
  doc(
    2,
    '決済サービスを接続する',
    'ショップの決済サービスとの連携設定です。API キーを更新したら「接続を確認」を押します。',
    'ショップ・決済',
  ),
  doc(
    3,
    'テーマカラーを変更する',
    'テーマの基調色とアクセント色は「デザイン」から変更できます。色を選んで保存します。',
    'デザイン',
  ),
  doc(
    4,
    'Adding a Google Analytics tag',
    'You can measure visits by adding your Google Analytics measurement ID to Sirius.',
    'SEO',
  ),
  doc(5, 'ＳＩＲＩＵＳ の更新エラー', 'ｴﾗｰ が出たら再読み込みします。', 'その他'),
  doc(6, '画面の削除について', '像を描く。ページを削除するとき、下書きは残ります。', 'ページ編集'),
  doc(
    7,
    'ページを追加・削除する',
    'ページを削除すると元に戻せません。画像を削除するときも同じです。',
    'ページ編集',
  ),
  doc(8, 'ブログ記事を予約公開する', '予約を削除するには「予約済み」から記事を開きます。', 'ブログ'),
  doc(
    40,
    'Schedule a blog post',
    'Publish your article at a set time: open Publishing settings and choose a date.',
    'Blog',
  ),
];

function filesOf(index: SearchIndex, docs: SearchDocument[]): Map<string, string> {
  const stores = new Map<number, StoreData>();
  for (const d of docs) {
    const shard = stores.get(storeShardOf(d.id)) ?? {};
    shard[String(d.id)] = d.text;
    stores.set(storeShardOf(d.id), shard);
  }
  return index.files({ stores });
}

function clientOf(files: Map<string, string>): SearchClient {
  const read = (path: string) => {
    const parsed = parseSearchFile(files.get(path) ?? '');
    if (!parsed) throw new Error(`missing ${path}`);
    return parsed.args;
  };
  return new SearchClient({
    meta: async () => read('search/meta.js')[0] as SearchMeta,
    bucket: async (n) => read(`search/b/${n}.js`)[1] as BucketData,
    store: async (n) => read(`search/s/${n}.js`)[1] as StoreData,
  });
}

function build(docs = corpus) {
  const index = SearchIndex.empty(docs.length);
  index.addAll(docs);
  return filesOf(index, docs);
}

const client = clientOf(build());
const ids = async (q: string) => (await client.search(q)).map((r) => r.id);

describe('posting lists', () => {
  it('round-trip sorted ids of any size', () => {
    const list = [1, 2, 3, 31, 32, 33, 1000, 1023, 1024, 99_999, 2_000_000];
    expect(decodeIds(encodeIds(list))).toEqual(list);
    expect(encodeIds([1, 2, 3])).toHaveLength(3);
  });
});

describe('FAQ search', () => {
  it('finds a two-character Japanese word inside compounds', async () => {
    expect(await ids('決済')).toEqual([2]);
    expect((await ids('画像')).sort()).toEqual([1, 7]);
  });

  it('finds a single Japanese character wherever it stands', async () => {
    // 色 ends runs (基調色と → 色と starts a bigram; アクセント色は …) and stands alone in 色を.
    expect(await ids('色')).toEqual([3]);
    // 像 is the last character of 画像 in doc 1 and 7 and starts 像を in doc 6.
    expect((await ids('像')).sort()).toEqual([1, 6, 7]);
  });

  it('matches a longer Japanese query as a phrase, not as scattered bigrams', async () => {
    // Doc 6 has 画面, 像を and 削除 but not 画像を削除; doc 7 has the phrase.
    expect(await ids('画像を削除')).toEqual([7]);
  });

  it('folds full-width and half-width forms at both ends', async () => {
    expect(await ids('sirius')).toContain(5);
    expect(await ids('SIRIUS')).toContain(5);
    expect(await ids('エラー')).toEqual([5]);
    expect(await ids('ｴﾗｰ')).toEqual([5]);
    expect(await ids('ＡＰＩ')).toEqual([2]);
  });

  it('needs every part of a mixed Japanese and English query', async () => {
    expect(await ids('iPhone 写真')).toEqual([1]);
    expect(await ids('API キー')).toEqual([2]);
  });

  it('tolerates English typos and completes the word being typed', async () => {
    expect(await ids('analytcs')).toEqual([4]);
    expect(await ids('measurment')).toEqual([4]);
    expect(await ids('googel analytics')).toEqual([4]);
    expect(await ids('analy')).toEqual([4]);
    expect(await ids('schedul')).toEqual([40]);
  });

  it('ranks a title match first and falls back to partial matches', async () => {
    expect(await ids('削除')).toEqual([6, 7, 8]); // 8 has it in the text only
    const partial = await client.search('決済 blockchain');
    expect(partial.map((r) => r.id)).toEqual([2]);
  });

  it('returns highlighted snippets and titles', async () => {
    const [hit] = await client.search('ｱｯﾌﾟﾛｰﾄﾞ');
    expect(hit!.id).toBe(1);
    expect(hit!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['アップロード']);
    const [en] = await client.search('analytics');
    expect(en!.title.filter((s) => s.hit).map((s) => s.text)).toEqual(['Analytics']);
  });

  it('finds nothing for text that is not there', async () => {
    expect(await ids('blockchain')).toEqual([]);
    expect(await ids('')).toEqual([]);
    expect(await ids('、。！')).toEqual([]);
  });
});

describe('incremental index update', () => {
  it('gives the same files as a fresh build after editing, adding and removing documents', () => {
    const before = build();
    const meta = parseSearchFile(before.get('search/meta.js')!)!.args[0] as SearchMeta;
    const buckets = Array.from(
      { length: meta.bucketCount },
      (_, b) => parseSearchFile(before.get(`search/b/${b}.js`)!)!.args[1] as BucketData,
    );
    const index = SearchIndex.restore(meta, buckets);
    const edited = {
      ...corpus[2]!,
      title: 'テーマの色を変える',
      text: 'アクセント色を変更します。Colour picker.',
    };
    index.remove(3, corpus[2]!);
    index.add(edited);
    index.remove(6, corpus[5]!);
    const added = doc(41, 'Change the font', 'Open Design → Fonts.', 'デザイン');
    index.add(added);
    const after = [...corpus.filter((d) => d.id !== 3 && d.id !== 6), edited, added];
    const fresh = build(after);
    const incremental = filesOf(index, after);
    for (const [path, content] of fresh) expect(incremental.get(path), path).toBe(content);
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
  });

  it('reads back and writes only the buckets of the edited documents, with the same result', () => {
    // A site big enough for many bucket files: the corpus and 3,000 short answers.
    const site = [
      ...corpus,
      ...Array.from({ length: 3000 }, (_, i) =>
        doc(1000 + i, `Answer ${i}`, `word${i} 手順${i % 50}`, 'その他'),
      ),
    ];
    const before = build(site);
    const meta = parseSearchFile(before.get('search/meta.js')!)!.args[0] as SearchMeta;
    const edited = {
      ...corpus[2]!,
      title: 'テーマの色を変える',
      text: 'アクセント色を変更します。Colour picker.',
    };
    const added = doc(41, 'Change the font', 'Open Design → Fonts.', 'デザイン');
    const touched = SearchIndex.bucketsChangedBy(meta.bucketCount, [corpus[2]!, corpus[5]!], [edited, added]);
    expect(touched.size).toBeLessThan(meta.bucketCount);
    const index = SearchIndex.restorePartial(
      meta,
      new Map(
        [...touched].map((b) => [b, parseSearchFile(before.get(`search/b/${b}.js`)!)!.args[1] as BucketData]),
      ),
    );
    index.patch([{ ...corpus[2]! }, { ...corpus[5]! }], [edited, added]);
    const after = [...site.filter((d) => d.id !== 3 && d.id !== 6), edited, added];
    const fresh = build(after);
    const partial = filesOf(index, after);
    // The meta (hashes of every bucket, the Latin vocabulary) is the one a fresh build writes; the
    // bucket files written are the touched ones, as a fresh build writes them; the others are kept.
    expect(partial.get('search/meta.js')).toBe(fresh.get('search/meta.js'));
    for (let b = 0; b < meta.bucketCount; b++) {
      const p = `search/b/${b}.js`;
      if (touched.has(b)) expect(partial.get(p), p).toBe(fresh.get(p));
      else {
        expect(partial.has(p), p).toBe(false);
        expect(before.get(p), p).toBe(fresh.get(p));
      }
    }
    // A term in a bucket that was not read back cannot be patched.
    const untouched = [...Array(meta.bucketCount).keys()].find((b) => !touched.has(b))!;
    const stranger = corpus.find((d) =>
      SearchIndex.bucketsChangedBy(meta.bucketCount, [], [d]).has(untouched),
    )!;
    expect(() => index.patch([], [{ ...stranger, id: 99 }])).toThrow(/was not read back/);
  });
});
