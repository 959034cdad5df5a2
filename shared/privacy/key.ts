import { GAP, SPACE, classTable } from './charClass';
import { foldString } from './fold';
import type { PrivacyKind } from './types';

/** Kinds whose punctuation is noise: Mr. Miller and Mr Miller, 03-1234-5678 and 03 1234 5678 are one. */
const LOOSE: ReadonlySet<PrivacyKind> = new Set(['name', 'company', 'phone', 'postal', 'order']);

/**
 * What a decision is keyed on: the folded text (fold.ts) without spaces (and, for names, numbers
 * and companies, without punctuation), so 田中 美咲, 田中美咲 and 田中美咲 with a zero-width space inside are one decision.
 */
export function findingKey(text: string, kind?: PrivacyKind): string {
  const folded = foldString(text);
  const cls = classTable();
  const drop = kind && LOOSE.has(kind) ? GAP : SPACE;
  let out = '';
  for (let i = 0; i < folded.length; i++) if (!(cls[folded.charCodeAt(i)]! & drop)) out += folded[i];
  return out;
}
