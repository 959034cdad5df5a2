import { normalizeForSearch } from '../../text/normalize';

// Phrase matching for the rule lists. Rules are written by the vendor, so they are literal text,
// never regular expressions: matching ignores case and full/half width (NFKC), `*` stands for a few
// words, and a space matches any spacing (or none next to Japanese, which is written without).

/** Text as the rules see it: NFKC, lower case, typographic apostrophes folded to '. */
export function normalizeForRules(text: string): string {
  return normalizeForSearch(text).replace(/[\u2018\u2019\u02bc]/g, "'");
}

const ASCII_WORD = /[a-z0-9]/;
const NOT_ASCII = /[^\t-~]/;

export interface PhraseMatcher {
  phrase: string;
  /** Index of the first match in normalised text, or -1. */
  find(normalizedText: string): number;
}

const cache = new Map<string, PhraseMatcher>();

/**
 * `stem`: the phrase is the start of a word (frustrat → frustrating, frustrated), so no boundary
 * is required after it. Latin phrases otherwise match whole words only (“cache” not in “cached”).
 */
export function phraseMatcher(phrase: string, stem = false): PhraseMatcher {
  const cacheKey = `${stem ? 's' : 'w'}:${phrase}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const norm = normalizeForRules(phrase).trim();
  let source = '';
  const chars = Array.from(norm);
  chars.forEach((ch, i) => {
    if (ch === '*') source += '[^.!?。！？\\n]{0,40}?';
    else if (/\s/.test(ch)) {
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      source += NOT_ASCII.test(before) || NOT_ASCII.test(after) ? '\\s*' : '\\s+';
    } else source += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  });
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  if (ASCII_WORD.test(first)) source = `(?<![a-z0-9])${source}`;
  if (!stem && ASCII_WORD.test(last)) source = `${source}(?![a-z0-9])`;
  const regex = norm ? new RegExp(source, 'u') : null;
  const matcher: PhraseMatcher = {
    phrase,
    find: (text) => {
      if (!regex) return -1;
      const match = regex.exec(text);
      return match ? match.index : -1;
    },
  };
  cache.set(cacheKey, matcher);
  return matcher;
}

/** The first of the phrases found in the (normalised) text, or null. */
export function firstPhraseIn(
  normalizedText: string,
  phrases: readonly string[],
  stem = false,
): string | null {
  for (const phrase of phrases) if (phraseMatcher(phrase, stem).find(normalizedText) >= 0) return phrase;
  return null;
}
