import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  indexText,
  kindOf,
  normalizeWithOffsets,
  parseQuery,
  termsOf,
  tokenize,
  type Token,
} from './tokenize';

const terms = (text: string) => tokenize(text).map((t) => t.term);

describe('tokenize', () => {
  it('splits Japanese into overlapping bigrams', () => {
    expect(terms('画像を削除')).toEqual(['画像', '像を', 'を削', '削除']);
  });

  it('keeps Latin words whole and lower-cases them', () => {
    expect(terms('Google Analytics 4.2')).toEqual(['google', 'analytics', '4', '2']);
  });

  it('splits mixed text at script changes', () => {
    expect(terms('API キーを更新')).toEqual(['api', 'キー', 'ーを', 'を更', '更新']);
    expect(terms('Stripeの決済')).toEqual(['stripe', 'の決', '決済']);
  });

  it('folds full-width and half-width forms (NFKC)', () => {
    expect(terms('ＳＩＲＩＵＳ')).toEqual(terms('SIRIUS'));
    expect(terms('ｴﾗｰ')).toEqual(terms('エラー'));
    expect(terms('ｶﾞｿﾞｳ')).toEqual(terms('ガゾウ'));
    expect(terms('１２３')).toEqual(['123']);
  });

  it('keeps a lone Japanese character as a unigram', () => {
    expect(terms('色 を変える')).toEqual(['色', 'を変', '変え', 'える']);
  });

  it('reports offsets into the original text, even where normalisation changes lengths', () => {
    const text = 'ｴﾗｰ: 決済';
    for (const t of tokenize(text)) {
      const original = text.slice(t.start, t.end);
      expect(original.normalize('NFKC').toLowerCase()).toBe(t.term);
    }
    const [first] = tokenize('ＡＢＣ def');
    expect(first).toMatchObject({ term: 'abc', start: 0, end: 3 });
  });

  it('finds a two-character word inside a longer compound (the index contains the query terms)', () => {
    const doc = new Set(indexText('決済サービスとの連携設定').split(' '));
    for (const part of parseQuery('決済')) for (const term of part.phrase) expect(doc.has(term)).toBe(true);
    for (const part of parseQuery('連携')) for (const term of part.phrase) expect(doc.has(term)).toBe(true);
  });

  it('ignores punctuation and symbols', () => {
    expect(terms('「決済」、（エラー）！')).toEqual(['決済', 'エラ', 'ラー']);
    expect(terms('—…')).toEqual([]);
  });

  it('does not split a surrogate pair', () => {
    expect(terms('𠮷野家')).toEqual(['𠮷野', '野家']);
  });
});

describe('parseQuery', () => {
  it('gives one phrase per run', () => {
    expect(parseQuery('決済 エラー')).toEqual([
      { phrase: ['決済'], single: false },
      { phrase: ['エラ', 'ラー'], single: false },
    ]);
    expect(parseQuery('API キー')).toEqual([
      { phrase: ['api'], single: false },
      { phrase: ['キー'], single: false },
    ]);
  });

  it('marks a one-character Japanese query for the fallback', () => {
    expect(parseQuery('色')).toEqual([{ phrase: ['色'], single: true }]);
    expect(parseQuery('a')).toEqual([{ phrase: ['a'], single: false }]);
  });

  it('treats directly adjacent Japanese runs of different scripts as one run', () => {
    expect(parseQuery('画像削除')[0]!.phrase).toEqual(['画像', '像削', '削除']);
  });
});

describe('normalizeWithOffsets', () => {
  it('maps every output character to its source', () => {
    const mapped = normalizeWithOffsets('Ａｶﾞ');
    expect(mapped.map((c) => c.ch).join('')).toBe('aガ');
    expect(mapped[1]).toMatchObject({ start: 1, end: 3 });
  });
});

describe('normalizeWithOffsets fast path', () => {
  // The straightforward definition: every character (with its marks) through String.normalize.
  function reference(text: string) {
    const MARK = /[\p{M}\uFF9E\uFF9F]/u;
    const out: { ch: string; start: number; end: number }[] = [];
    const chars = Array.from(text);
    let offset = 0;
    for (let i = 0; i < chars.length;) {
      let cluster = chars[i]!;
      let j = i + 1;
      while (j < chars.length && MARK.test(chars[j]!)) cluster += chars[j++]!;
      const start = offset;
      offset += cluster.length;
      for (const ch of Array.from(cluster.normalize('NFKC').toLowerCase()))
        out.push({ ch, start, end: offset });
      i = j;
    }
    return out;
  }

  it('gives exactly what the straightforward definition gives', () => {
    const pieces = [
      'A',
      'z',
      'Ｚ',
      '0',
      '１',
      ' ',
      '\u3000',
      '\t',
      '\n',
      '-',
      'ー',
      'ｰ',
      'か',
      'カ',
      'ｶ',
      '\u3099',
      '\u309a',
      '\u309b',
      'ﾞ',
      'ﾟ',
      'が',
      'e',
      '\u0301',
      'é',
      '画',
      '像',
      '𠮷',
      '㍻',
      'ﬁ',
      'Ⅻ',
      '①',
      '・',
      '・',
      'ヴ',
      'ゔ',
      '。',
      '「',
      '！',
      '!',
      'İ',
      'ß',
      'Σ',
      '가',
      '\u1100\u1161',
      '\ud800',
      '\udc00',
      '々',
      '〆',
      'ヶ',
      '\u30fb',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)]!;
      expect(normalizeWithOffsets(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});

describe('kindOf', () => {
  it('agrees with the Unicode property definition for every character of the BMP', () => {
    const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆ヶ]/u;
    const WORD = /[\p{L}\p{N}_]/u;
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      const expected = CJK.test(ch) ? 'cjk' : WORD.test(ch) ? 'word' : 'other';
      if (kindOf(ch) !== expected)
        expect(`${code.toString(16)}: ${kindOf(ch)}`).toBe(`${code.toString(16)}: ${expected}`);
    }
  });
});

describe('tokenize over the normalised text', () => {
  // The straightforward definition (the tokeniser before it worked on the normalised string, kept
  // here as the specification): runs of characters of one kind over normalizeWithOffsets.
  function reference(text: string): Token[] {
    const chars = normalizeWithOffsets(text);
    const tokens: Token[] = [];
    let i = 0;
    while (i < chars.length) {
      const kind = kindOf(chars[i]!.ch);
      let j = i + 1;
      while (j < chars.length && kindOf(chars[j]!.ch) === kind) j++;
      const add = (from: number, to: number) =>
        tokens.push({
          term: chars
            .slice(from, to)
            .map((c) => c.ch)
            .join(''),
          start: chars[from]!.start,
          end: chars[to - 1]!.end,
          position: tokens.length,
        });
      if (kind === 'word') add(i, j);
      else if (kind === 'cjk') {
        if (j - i === 1) add(i, j);
        else for (let k = i; k < j - 1; k++) add(k, k + 2);
      }
      i = j;
    }
    return tokens;
  }

  const pieces = [
    'A',
    'Stripe',
    'ｽﾄﾗｲﾌﾟ',
    'ＳＩＲＩＵＳ',
    '４２',
    'é',
    'e\u0301',
    'ｶﾞ',
    'か\u3099',
    '画像',
    'を',
    '削除',
    'ー',
    '𠮷',
    '\ud800',
    '\udc00',
    '㍻',
    'ﬁ',
    'Σ',
    'İ',
    ' ',
    '\u3000',
    '\n',
    '、',
    '!',
    '_',
    '가',
    '々',
    '①',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 })), {
      maxLength: 24,
    })
    .map((list) => list.join(''));

  it('gives the same tokens as the straightforward definition, and termsOf the same terms', () => {
    fc.assert(
      fc.property(text, (t) => {
        const expected = reference(t);
        expect(tokenize(t)).toEqual(expected);
        expect(termsOf(t)).toEqual(expected.map((x) => x.term));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees for every character of the BMP, alone and between others', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      for (const t of [`${ch}`, `a${ch}b`, `画${ch}像`, `${ch}\u0301`, `${ch}ﾞ`]) {
        const expected = reference(t);
        const got = tokenize(t);
        if (JSON.stringify(got) !== JSON.stringify(expected))
          expect(got, `U+${code.toString(16)} in ${JSON.stringify(t)}`).toEqual(expected);
      }
    }
  });
});
