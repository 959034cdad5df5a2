import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/text/tokenize';
import { matchParts, snippetOf } from './snippet';

const match = (text: string, query: string) => matchParts(text, parseQuery(query));

describe('matches and snippets', () => {
  it('maps matches in folded text back to the original characters', () => {
    expect(match('ＳＩＲＩＵＳ の設定', 'sirius')).toEqual([[[0, 6]]]);
    // Half-width kana with voiced marks fold to fewer characters: ｶﾞｲﾄﾞ → ガイド.
    const text = '新しいｶﾞｲﾄﾞを読む';
    const [[range]] = match(text, 'ガイド') as [[[number, number]]];
    expect(text.slice(...range)).toBe('ｶﾞｲﾄﾞ');
  });

  it('matches Latin words whole and Japanese anywhere', () => {
    expect(match('my website', 'site')).toEqual([[]]);
    expect(match('the site, a site', 'site')).toEqual([
      [
        [4, 8],
        [12, 16],
      ],
    ]);
    expect(match('カード決済方法', '決済')).toEqual([[[3, 5]]]);
    expect(match('画像はそのまま削除', '画像を削除')).toEqual([[]]);
  });

  it('cuts the snippet around the window with the most parts, ranges relative to it', () => {
    const body = `${'前置き。'.repeat(30)}Stripe の決済でエラーが出ます。${'後書き。'.repeat(30)}`;
    const matches = matchParts(body, parseQuery('stripe 決済'));
    const { snippet, ranges } = snippetOf(body, matches);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(ranges.map(([s, e]) => snippet.slice(s, e))).toEqual(['Stripe', '決済']);
  });

  it('starts at the beginning without a match, whitespace shown as spaces', () => {
    expect(snippetOf('一行目\n二行目', [])).toEqual({ snippet: '一行目 二行目', ranges: [] });
  });
});
