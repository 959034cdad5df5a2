// Synthetic support mail for the search benchmark: questions (subject + body) and answers (title +
// text), 80% Japanese and 20% English, with words drawn from Zipf-distributed vocabularies (the
// r-th word has weight 1/r), so a few terms are in most documents and most terms in few, as in
// real text. Real words sit at chosen ranks (サイト very common, 画像 common, 決済 and 削除 mid,
// rarer ones further down) so the fixed query set hits terms of known frequency. Deterministic.

const KANJI =
  '日一国会人年大十二本中長出三同時政事自行社見月分議後前民生連五発間対上部東者党地合市業内相方四定今回新場金員九入選立開手米力学問高代明実円関決子動京全目表戦経通外最言氏現理調体化田当八六約主題下首意法不来作性的要用制治度務強気小七成期公持野協取都和統以機平総加山思家話世受区領多県続進正安設保改数記院女初北午指権心界支第産結百派点教報済書府活原先共得解名交資予川向際査勝面委告軍文反元重近千考判認画海参売利組知案道信策集在件団別物側任引使求所次水半品昇払評価値';
const KATAKANA =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダデドバビブベボパピプペポー';
const PARTICLES = ['を', 'が', 'は', 'に', 'で', 'の', 'と', 'も', 'から', 'まで', 'へ'];
const ENDINGS = ['ます。', 'ました。', 'ません。', 'ですか。', 'てください。', 'たいです。', 'でしょうか。'];

/** Words placed at fixed ranks of the Japanese vocabulary (rank 1 = most frequent). */
export const PLANTED_JA: Record<string, number> = {
  サイト: 1,
  画像: 30,
  表示: 60,
  決済: 400,
  削除: 800,
  エラー: 150,
  独自ドメイン: 2000,
  バックアップ: 5000,
};
export const PLANTED_EN: Record<string, number> = {
  site: 1,
  page: 5,
  invoice: 300,
  domain: 900,
  backup: 3000,
  stripe: 6000,
  sirius: 12000,
};

/** mulberry32: a period of 2^32 (faqCorpus's rng repeats after ~54,000 draws, too few here). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipf(r: () => number, size: number, s = 1.0): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const x = r() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function vocabulary(
  r: () => number,
  size: number,
  make: () => string,
  planted: Record<string, number>,
): string[] {
  const words: string[] = [];
  const seen = new Set(Object.keys(planted));
  while (words.length < size) {
    const w = make();
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  for (const [w, rank] of Object.entries(planted)) words.splice(rank - 1, 0, w);
  return words.slice(0, size);
}

export interface SyntheticDocument {
  kind: 'question' | 'answer';
  title: string;
  body: string;
}

export function searchCorpus(seed = 4) {
  const r = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const jaWords = vocabulary(
    r,
    40_000,
    () => {
      if (r() < 0.3)
        return Array.from({ length: 3 + Math.floor(r() * 4) }, () => pick([...KATAKANA])).join('');
      return Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick([...KANJI])).join('');
    },
    PLANTED_JA,
  );
  const enWords = vocabulary(
    r,
    30_000,
    () => {
      const syllables = 1 + Math.floor(r() * 3);
      let w = '';
      for (let i = 0; i < syllables; i++)
        w += pick([...'bcdfghjklmnprstvwz']) + pick([...'aeiou']) + (r() < 0.4 ? pick([...'nrstl']) : '');
      return w;
    },
    PLANTED_EN,
  );
  const jaRank = zipf(r, jaWords.length);
  const enRank = zipf(r, enWords.length);

  const japanese = (chars: number) => {
    let out = '';
    while (out.length < chars) {
      const words = 2 + Math.floor(r() * 4);
      for (let i = 0; i < words; i++) {
        // Latin product names and terms turn up in Japanese mail (Stripe, SIRIUS, API).
        out += r() < 0.05 ? ` ${enWords[enRank()]} ` : jaWords[jaRank()];
        out += i === words - 1 ? pick(ENDINGS) : pick(PARTICLES);
      }
      if (r() < 0.2) out += '\n';
    }
    return out;
  };
  const english = (chars: number) => {
    let out = '';
    while (out.length < chars) {
      const words = 5 + Math.floor(r() * 10);
      const sentence = Array.from({ length: words }, () => enWords[enRank()]!);
      sentence[0] = sentence[0]!.charAt(0).toUpperCase() + sentence[0]!.slice(1);
      out += `${sentence.join(' ')}. `;
    }
    return out;
  };
  // Lengths: support mail is mostly short, with a long tail; answers are longer.
  const length = (median: number) => Math.round(median * Math.exp((r() - 0.5) * 1.4));

  return function next(i: number): SyntheticDocument {
    const kind = i % 4 === 3 ? 'answer' : 'question';
    const ja = r() < 0.8;
    const text = ja ? japanese : english;
    const title = text(kind === 'answer' ? 24 : 18)
      .replace(/\n/g, ' ')
      .slice(0, ja ? 30 : 70);
    const body = text(kind === 'answer' ? length(900) : length(350));
    return { kind, title, body };
  };
}
