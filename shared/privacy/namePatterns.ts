import { CJK, GAP, LATIN, classOf } from './charClass';
import { foldString } from './fold';
import { STOP_WORDS } from './stopWords';
import type { CustomerIdentity } from './types';

// The patterns a customer is recognised by, built once per library: the whole name in either
// order, each part of it (found only where it stands as a name, see nameMentions.ts), and the
// company with and without its legal form. Everything is folded (fold.ts) and its gaps removed, so
// the automaton reads 田中 美咲, 田中・美咲 and 田中美咲 with a zero-width space inside as one; what a gap may or must be between
// two characters of a pattern is kept beside it.

/** What may stand between two characters of a pattern. */
export const OPTIONAL = 0;
/** A gap must (between the words of a Latin name: john miller, not johnmiller). */
export const REQUIRED = 1;
/** No gap may (inside a Latin word: miller, not mil ler). */
export const FORBIDDEN = 2;

export type PatternKind = 'full' | 'part' | 'company';

export interface NamePattern {
  /** Folded, without gaps. */
  text: string;
  /** rules[k]: what may stand between text[k - 1] and text[k]. */
  rules: Uint8Array;
  /** Starts or ends with a Latin letter or digit: must not touch another one there. */
  latinStart: boolean;
  latinEnd: boolean;
  kind: PatternKind;
  /** Indexes of the people (or companies) it belongs to. */
  owners: number[];
}

/** A person as the matcher knows them: the parts of the name, folded, in the order stored. */
export interface Person {
  parts: string[];
  /** First letters of the Latin parts: J. Miller. */
  initials: Set<number>;
}

const LEGAL_FORMS =
  /^(?:株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|医療法人|\(株\)|\(有\)|\(同\))|(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|,?\s?(?:inc|ltd|llc|co\.?,?\s?ltd|corp|corporation|gmbh|limited|co)\.?)$/u;
const HAN = /\p{Script=Han}/u;

/** A name split at its gaps into parts, folded. */
export function partsOf(name: string): string[] {
  const folded = foldString(name);
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (classOf(c) & GAP) {
      if (current) parts.push(current);
      current = '';
    } else current += folded[i];
  }
  if (current) parts.push(current);
  return parts;
}

const isLatin = (s: string, i: number) => (classOf(s.charCodeAt(i)) & LATIN) !== 0;

function pattern(pieces: readonly string[], kind: PatternKind, owner: number): NamePattern {
  const text = pieces.join('');
  const rules = new Uint8Array(text.length);
  let at = 0;
  for (const piece of pieces) {
    for (let k = at === 0 ? 1 : at; k < at + piece.length; k++) {
      if (!isLatin(text, k - 1) || !isLatin(text, k)) continue;
      rules[k] = k === at ? REQUIRED : FORBIDDEN;
    }
    at += piece.length;
  }
  return {
    text,
    rules,
    latinStart: isLatin(text, 0),
    latinEnd: isLatin(text, text.length - 1),
    kind,
    owners: [owner],
  };
}

const isStop = (s: string) => STOP_WORDS.has(s);
const cjkCount = (s: string) => Array.from(s).filter((c) => classOf(c.charCodeAt(0)) & CJK).length;

/** The patterns of one person's name; the Person record for finding the rest of the name. */
function personPatterns(name: string, owner: number): { person: Person; patterns: NamePattern[] } | null {
  if (name.includes('@')) return null;
  // "田中 美咲 (たなか整体院)", "\"Miller, John\"": the name without what is in brackets.
  let parts = partsOf(name.replace(/[(（[［<＜][^)）\]］>＞]*[)）\]］>＞]/gu, ' '));
  if (parts.length === 0 || parts.every(isStop)) return null;
  const patterns: NamePattern[] = [];
  if (parts.length === 1) {
    const only = parts[0]!;
    // 佐藤健 with no space: the whole is a name; the first two kanji are most likely the family name.
    if (HAN.test(only) && only.length >= 3 && only.length <= 6 && !isStop(only)) {
      patterns.push(pattern([only], 'full', owner));
      parts = [only.slice(0, 2), only.slice(2)];
    }
  } else {
    patterns.push(pattern(parts, 'full', owner));
    patterns.push(pattern([parts[parts.length - 1]!, ...parts.slice(0, -1)], 'full', owner));
  }
  for (const part of parts) {
    // One character is never a name by itself (a sender called の, the 健 of 佐藤 健).
    if (part.length < 2 || isStop(part)) continue;
    patterns.push(pattern([part], 'part', owner));
  }
  const initials = new Set<number>();
  for (const part of parts) if (isLatin(part, 0)) initials.add(part.charCodeAt(0));
  return { person: { parts, initials }, patterns };
}

function companyPatterns(company: string, owner: number): NamePattern[] {
  const parts = partsOf(company);
  if (parts.length === 0) return [];
  const whole = parts.join(' ');
  if (isStop(parts.join('')) || parts.join('').length < 2) return [];
  const out = [pattern(parts, 'company', owner)];
  const core = partsOf(whole.replace(LEGAL_FORMS, ' '));
  const coreText = core.join('');
  const longEnough = cjkCount(coreText) >= 2 || coreText.length >= 4;
  if (core.length && coreText !== parts.join('') && longEnough && !isStop(coreText))
    out.push(pattern(core, 'company', owner));
  return out;
}

export interface NameIndex {
  patterns: NamePattern[];
  people: Person[];
}

/** Every pattern of every customer; patterns of the same text, kind and rules share one entry. */
export function buildNameIndex(customers: readonly CustomerIdentity[]): NameIndex {
  const byKey = new Map<string, NamePattern>();
  const people: Person[] = [];
  const add = (p: NamePattern) => {
    const key = `${p.kind}\u0000${p.text}\u0000${p.rules.join('')}`;
    const known = byKey.get(key);
    if (known) {
      for (const o of p.owners) if (!known.owners.includes(o)) known.owners.push(o);
    } else byKey.set(key, p);
  };
  customers.forEach((c) => {
    const owner = people.length;
    const person = personPatterns(c.name, owner);
    people.push(person?.person ?? { parts: [], initials: new Set() });
    person?.patterns.forEach(add);
    companyPatterns(c.company, owner).forEach(add);
  });
  return { patterns: [...byKey.values()], people };
}
