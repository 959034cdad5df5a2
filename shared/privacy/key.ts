import { GAP, SPACE, classTable } from './charClass';
import { foldString } from './fold';
import type { PrivacyKind } from './types';

/** Kinds whose punctuation is noise: Mr. Miller and Mr Miller, 田中 美咲 and 田中・美咲 are one. */
const LOOSE: ReadonlySet<PrivacyKind> = new Set(['name', 'company']);
/** Kinds that are their letters and digits: 03-1234-5678, 03 1234 5678 and 03ー1234ー5678 are one. */
const ALPHANUMERIC: ReadonlySet<PrivacyKind> = new Set(['phone', 'postal', 'order']);
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

/**
 * What a decision is keyed on: the folded text (fold.ts) without spaces (names and companies also
 * without punctuation, numbers only their letters and digits), so 田中 美咲, 田中美咲 and 田中美咲 with a zero-width space inside are one decision.
 */
export function findingKey(text: string, kind?: PrivacyKind): string {
  return keyOfFolded(foldString(text), kind);
}

/**
 * The runs of `folded` whose code units pass `keep`, joined: slices instead of one string per
 * character: the key of a licence-key-shaped run of 5 MB took 140-185 ms with +=, 41-73 ms with
 * slices (CPU, best of 5, on the shared 2-core machine at load 13-15).
 */
function kept(folded: string, keep: (c: number) => boolean): string {
  let out = '';
  let from = -1;
  for (let i = 0; i < folded.length; i++) {
    if (keep(folded.charCodeAt(i))) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out += folded.slice(from, i);
      from = -1;
    }
  }
  if (from === 0) return folded;
  return from >= 0 ? out + folded.slice(from) : out;
}

/** findingKey of a text that is already folded. */
export function keyOfFolded(folded: string, kind?: PrivacyKind): string {
  if (kind && ALPHANUMERIC.has(kind)) {
    const out = kept(folded, isAlnum);
    if (out) return out;
  }
  const cls = classTable();
  const drop = kind && LOOSE.has(kind) ? GAP : SPACE;
  return kept(folded, (c) => !(cls[c]! & drop));
}
