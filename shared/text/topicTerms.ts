import { normalizeForSearch } from './normalize';
import { tokenize } from './tokenize';

// Topic words of a text, for "what is this about" comparisons (answer and capability suggestions).
// A bigram with hiragana in it is grammar (ます, した, を押); a katakana word is taken whole
// (エラー, カラー), because its bigrams (ラー) would make unrelated words look alike. What remains:
// kanji bigrams (画像, 表示), whole katakana words, Latin words other than the commonest.
const HIRAGANA = /\p{Script=Hiragana}/u;
const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;
const KATAKANA_WORD = /[\p{Script=Katakana}ー]{2,}/gu;
const STOPWORDS = new Set(
  'the and to a an of in on my is it do how i can for with you your this that not be are we our'.split(' '),
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
