/** What a decision is keyed on: the folded text without spaces, so 田中 美咲 and 田中美咲 are one. */
export function findingKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}
