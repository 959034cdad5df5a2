/**
 * Text as search compares it: NFKC folds full-width and half-width forms (ＳＩＲＩＵＳ → SIRIUS,
 * ｴﾗｰ → エラー) and lower-cases. NFKC keeps the length of most text but not all (ligatures, ㍻),
 * so offsets into the original come from the tokeniser, not from this string.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
