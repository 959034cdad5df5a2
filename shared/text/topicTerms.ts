import { normalizeForSearch } from './normalize';
import { tokenize } from './tokenize';

// Topic words of a text, for "what is this about" comparisons (answer and capability suggestions).
// A bigram with hiragana in it is grammar (ます, した, を押); a katakana word is taken whole
// (エラー, カラー), because its bigrams (ラー) would make unrelated words look alike. What remains:
// kanji bigrams (画像, 表示), whole katakana words, Latin words other than the commonest.
const HIRAGANA = /\p{Script=Hiragana}/u;
const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;
const KATAKANA_WORD = /[\p{Script=Katakana}ー]{2,}/gu;
// English function words, and the verbs and fillers every support mail uses whatever it is about
// ("after adding a product, Buy does nothing" is about the cart, not about adding things).
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
   between both but by can cannot could did do does doing done down during each either else even ever
   every few for from further had has have having he her here hers him his how i if in into is it its
   itself just me more most my myself no nor not now of off on once only or other our ours out over own
   same she should so some such than that the their them then there these they this those through to too
   under until up very was we were what when where which while who whom why will with would yet you your
   yours add adding added check checking checked nothing something anything everything work works working
   worked try tried trying get gets got getting use using used want wanted need needs needed please help
   thanks thank hello hi dear regards best sorry still already again way thing things know let make made
   see seen show shows shown happen happens happened way one two new`.split(/\s+/),
);

export function topicTerms(text: string): Set<string> {
  const out = new Set(
    tokenize(text)
      .map((t) => t.term)
      .filter(
        (t) =>
          !HIRAGANA.test(t) &&
          !KATAKANA_ONLY.test(t) &&
          !STOPWORDS.has(t) &&
          (t.length > 1 || /[^ -~]/.test(t)),
      ),
  );
  for (const word of normalizeForSearch(text).match(KATAKANA_WORD) ?? []) out.add(word);
  return out;
}

type Script = 'katakana' | 'kanji' | 'other';
const scriptOf = (ch: string | undefined): Script =>
  ch === undefined
    ? 'other'
    : /[\p{Script=Katakana}ー]/u.test(ch)
      ? 'katakana'
      : /\p{Script=Han}/u.test(ch)
        ? 'kanji'
        : 'other';

/**
 * The matched terms as a person reads them: the words of `text` they come from, never a bigram
 * cut across a word (ページ作成 shows as 「ページ作成」, not 「ジ作」). Consecutive matched tokens join
 * into one phrase, widened to the whole katakana or kanji word at each end. In the order of
 * `terms` (best first), at most `limit`. Linear in the text.
 */
export function readableTerms(text: string, terms: readonly string[], limit = 5): string[] {
  const wanted = new Set<string>();
  const rank = new Map<string, number>();
  terms.forEach((term, i) => {
    const chars = Array.from(term);
    // A whole katakana word matches through its bigrams, as the text is tokenised.
    const parts =
      chars.length > 2 && !/[a-z0-9]/.test(term) ? chars.slice(1).map((c, j) => chars[j] + c) : [term];
    for (const part of parts) {
      wanted.add(part);
      if (!rank.has(part)) rank.set(part, i);
    }
  });
  const phrases = new Map<string, number>();
  const tokens = tokenize(text);
  let i = 0;
  while (i < tokens.length) {
    if (!wanted.has(tokens[i]!.term)) {
      i++;
      continue;
    }
    let j = i;
    let best = rank.get(tokens[i]!.term) ?? terms.length;
    while (
      j + 1 < tokens.length &&
      wanted.has(tokens[j + 1]!.term) &&
      tokens[j + 1]!.start < tokens[j]!.end // overlapping bigrams of one run of Japanese
    ) {
      j++;
      best = Math.min(best, rank.get(tokens[j]!.term) ?? terms.length);
    }
    let start = tokens[i]!.start;
    let end = tokens[j]!.end;
    const head = scriptOf(text[start]);
    if (head !== 'other') while (start > 0 && scriptOf(text[start - 1]) === head) start--;
    const tail = scriptOf(text[end - 1]);
    if (tail !== 'other') while (end < text.length && scriptOf(text[end]) === tail) end++;
    const phrase = text.slice(start, end).trim();
    if (phrase && !phrases.has(phrase)) phrases.set(phrase, best);
    i = j + 1;
  }
  return [...phrases.entries()]
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([phrase]) => phrase);
}
