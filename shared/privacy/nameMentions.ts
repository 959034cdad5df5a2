import { Automaton } from './automaton';
import { GAP, LATIN, SPACE, classTable } from './charClass';
import type { CompactView } from './compact';
import type { PatternMatch } from './contacts';
import { foldString } from './fold';
import { FORBIDDEN, REQUIRED, type NameIndex, type NamePattern, type Person } from './namePatterns';

// Where the text names a customer. A whole name (田中美咲, Miller John, Miller, John) always
// counts; a part alone only where it stands as a name: before an honorific (田中様, 美咲さん,
// Miller-san), after a title (Mr Miller, Dr.Miller), with an initial (J. Miller), or as the name a
// greeting addresses ("Dear John", "Thanks, John", "…, John.", "John:" at the start of a line).
// A mention covers the whole name around what was found: the other parts of the same person, the
// title and the honorific, so redaction never leaves the family name behind.
// Every check looks at a bounded number of characters around a match: linear in the text.

// prettier-ignore
const HONORIFICS = [
  '様', 'さま', 'さん', '殿', 'どの', '氏', 'くん', '君', 'ちゃん', '先生', '御中', '社長', '院長',
  '店長', '部長', '課長', '先輩',
].map(foldString);
const HONORIFIC_FIRST = new Set(HONORIFICS.map((h) => h.charCodeAt(0)));
const LATIN_HONORIFICS = ['san', 'sama', 'kun', 'chan', 'sensei'];
const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir'];
// prettier-ignore
const GREETINGS = new Set([
  'dear', 'hi', 'hello', 'hey', 'thanks', 'cheers', 'welcome', 'morning', 'afternoon', 'evening',
  'congratulations', 'congrats', 'sorry', 'bye', 'goodbye', 'greetings', 'howdy', 'hiya', 'regards',
]);
/** "Thank you, John", "Thanks again, John": the greeting is the word before. */
const GREETING_TAILS = new Set(['you', 'again', 'so', 'much']);
const LEGAL_PREFIXES = ['株式会社', '有限会社', '合同会社', '(株)', '(有)', '(同)'].map(foldString);
const LEGAL_SUFFIXES = [
  ...LEGAL_PREFIXES,
  'co., ltd',
  'co.,ltd',
  'co. ltd',
  'co ltd',
  'inc',
  'ltd',
  'llc',
  'corp',
  'gmbh',
  'limited',
];
const ENDS_ADDRESS = new Set([...'.!?,;:\n']);

/**
 * A mention, made in the shape of the finding it becomes: text and key are empty until the
 * scanner fills them in (and turns start and end into original offsets); scan.ts says why.
 */
export interface Mention {
  kind: 'name' | 'company';
  /** [start, end) in the folded text. */
  start: number;
  end: number;
  text: '';
  key: '';
}

export class NameMatcher {
  private readonly automaton: Automaton;
  private readonly seen: string[] = [];

  constructor(private readonly index: NameIndex) {
    this.automaton = new Automaton(index.patterns.map((p) => p.text));
  }

  get isEmpty(): boolean {
    return this.index.patterns.length === 0;
  }

  /** Pushes every mention onto `out`, in the order of their ends. */
  match(folded: string, view: CompactView, out: PatternMatch[]): void {
    if (this.isEmpty) return;
    const reader = new Reader(folded);
    this.automaton.scan(view.codes, view.length, (p, end) => {
      const pattern = this.index.patterns[p]!;
      const start = end - pattern.text.length;
      if (!fits(pattern, view, start)) return;
      const fs = view.toFolded[start]!;
      const fe = view.toFolded[end - 1]! + 1;
      if (pattern.latinStart && reader.isLatin(fs - 1)) return;
      if (pattern.latinEnd && reader.isLatin(fe)) return;
      const m = this.mention(reader, pattern, fs, fe);
      if (m) out.push(m);
    });
  }

  private mention(r: Reader, pattern: NamePattern, fs: number, fe: number): Mention | null {
    if (pattern.kind === 'company') {
      // (株)ミドリ珈琲 and ミドリ珈琲 Inc. when the stored name says 株式会社ミドリ珈琲.
      const start = r.legalFormBefore(fs) ?? fs;
      const end = r.legalFormAfter(fe) ?? fe;
      return { kind: 'company', start, end: r.honorificAfter(end) ?? end, text: '', key: '' };
    }
    let start = fs;
    let end = fe;
    let parts = pattern.kind === 'full' ? 2 : 1;
    let initial = false;
    // The rest of the name: other parts of the same person next to it (a middle name, a family
    // name hidden from the whole-name pattern by an odd gap), and an initial before it.
    // The same part twice (田中田中) is not a longer name. (A reused array with its own count:
    // this runs for every match, and a text can hold millions; `seen.length = 0` was a fifth of
    // the name matcher's profile on 5 MB of 田中 repeated. With the part looks below, the name
    // matcher on that text went from 1.0 s to 0.37-0.45 s; on 田中様 repeated from 0.79 s to
    // 0.35-0.43 s, CPU, shared 2-core machine at load 8.)
    const seen = this.seen;
    seen[0] = pattern.text;
    let seenCount = 1;
    for (const owner of pattern.owners) {
      const person = this.index.people[owner]!;
      for (let round = 0; round < 3; round++) {
        const at = r.partBefore(start, person);
        if (at < 0 || includes(seen, seenCount, r.part)) break;
        seen[seenCount++] = r.part;
        start = at;
        parts++;
      }
      for (let round = 0; round < 3; round++) {
        const at = r.partAfter(end, person);
        if (at < 0 || includes(seen, seenCount, r.part)) break;
        seen[seenCount++] = r.part;
        end = at;
        parts++;
      }
      const init = r.initialBefore(start, person);
      if (init !== null) {
        start = init;
        initial = true;
      }
    }
    const title = r.titleBefore(start);
    const honorific = r.honorificAfter(end);
    if (title !== null) start = title;
    if (honorific !== null) end = honorific;
    // Greetings are English: a Japanese name alone needs its honorific.
    const latin = pattern.latinStart || pattern.latinEnd;
    const stands =
      parts >= 2 ||
      initial ||
      title !== null ||
      honorific !== null ||
      (latin && (r.greetingBefore(start) || r.vocative(start, end) || r.salutation(start, end)));
    return stands ? { kind: 'name', start, end, text: '', key: '' } : null;
  }
}

/** Whether `part` is among the first `count` of `list`. */
function includes(list: readonly string[], count: number, part: string): boolean {
  for (let k = 0; k < count; k++) if (list[k] === part) return true;
  return false;
}

/** The gap rules of a pattern against what stood between the matched units. */
function fits(p: NamePattern, view: CompactView, start: number): boolean {
  const { rules } = p;
  for (let k = 1; k < rules.length; k++) {
    const rule = rules[k]!;
    if (rule === 0) continue;
    const gap = view.gapBefore[start + k]!;
    if ((rule === REQUIRED && !gap) || (rule === FORBIDDEN && gap)) return false;
  }
  return true;
}

/** Bounded looks around a position of the folded text. */
class Reader {
  private readonly cls = classTable();

  constructor(private readonly t: string) {}

  private at(i: number): number {
    return i >= 0 && i < this.t.length ? this.t.charCodeAt(i) : -1;
  }

  isLatin(i: number): boolean {
    const c = this.at(i);
    return c >= 0 && (this.cls[c]! & LATIN) !== 0;
  }

  private isSpace(i: number): boolean {
    const c = this.at(i);
    return c >= 0 && c !== 10 && (this.cls[c]! & SPACE) !== 0;
  }

  private isGap(i: number): boolean {
    const c = this.at(i);
    return c >= 0 && c !== 10 && (this.cls[c]! & GAP) !== 0;
  }

  private endsWithAt(word: string, end: number): boolean {
    return end - word.length >= 0 && this.t.startsWith(word, end - word.length);
  }

  /** The part the last partBefore or partAfter found. */
  part = '';

  /**
   * Another part of the person right before `start` (across a short gap): its start (the part in
   * `part`), or -1. The last character is compared before the string: most places hold none.
   */
  partBefore(start: number, person: Person): number {
    let p = start;
    while (p > 0 && start - p < 3 && this.isGap(p - 1)) p--;
    const last = this.at(p - 1);
    for (const part of person.parts) {
      if (part.charCodeAt(part.length - 1) !== last || !this.endsWithAt(part, p)) continue;
      const s = p - part.length;
      if (this.isLatin(s) && this.isLatin(s - 1)) continue;
      if (this.isLatin(p - 1) && this.isLatin(start) && p === start) continue;
      this.part = part;
      return s;
    }
    return -1;
  }

  /** Another part right after `end`: its end (the part in `part`), or -1. */
  partAfter(end: number, person: Person): number {
    let p = end;
    while (p < this.t.length && p - end < 3 && this.isGap(p)) p++;
    const first = this.at(p);
    for (const part of person.parts) {
      if (part.charCodeAt(0) !== first || !this.t.startsWith(part, p)) continue;
      const e = p + part.length;
      if (this.isLatin(e - 1) && this.isLatin(e)) continue;
      if (this.isLatin(p) && this.isLatin(end - 1) && p === end) continue;
      this.part = part;
      return e;
    }
    return -1;
  }

  /** J. Miller, J Miller, J.Miller: the initial of another part of the person. */
  initialBefore(start: number, person: Person): number | null {
    if (person.initials.size === 0 || !this.isLatin(start)) return null;
    let p = start;
    while (p > 0 && start - p < 2 && (this.isSpace(p - 1) || this.at(p - 1) === 0x2e)) p--;
    if (p === start || !person.initials.has(this.at(p - 1)) || this.isLatin(p - 2)) return null;
    return p - 1;
  }

  /** Mr Miller, Mr. Miller, Dr.Miller: where the title starts, or null. */
  titleBefore(start: number): number | null {
    let p = start;
    while (p > 0 && start - p < 2 && (this.isSpace(p - 1) || this.at(p - 1) === 0x2e)) p--;
    if (!this.isLatin(p - 1)) return null;
    for (const title of TITLES) {
      if (!this.endsWithAt(title, p) || this.isLatin(p - title.length - 1)) continue;
      if (p === start && this.isLatin(start)) continue;
      return p - title.length;
    }
    return null;
  }

  /** 様, さん, 殿 …, -san: where the honorific ends, or null. */
  honorificAfter(end: number): number | null {
    let p = end;
    while (
      p < this.t.length &&
      p - end < 2 &&
      (this.isSpace(p) || this.at(p) === 0x2d || this.at(p) === 0x30fb)
    )
      p++;
    if (HONORIFIC_FIRST.has(this.at(p)))
      for (const h of HONORIFICS) if (this.t.startsWith(h, p)) return p + h.length;
    if (!this.isLatin(end - 1) || p === end) return null;
    for (const h of LATIN_HONORIFICS)
      if (this.t.startsWith(h, p) && !this.isLatin(p + h.length)) return p + h.length;
    return null;
  }

  legalFormBefore(start: number): number | null {
    let p = start;
    if (this.isSpace(p - 1)) p--;
    const form = LEGAL_PREFIXES.find((f) => this.endsWithAt(f, p));
    return form ? p - form.length : null;
  }

  legalFormAfter(end: number): number | null {
    let p = end;
    if (this.isSpace(p) || this.at(p) === 0x2c) p++;
    if (this.isSpace(p)) p++;
    for (const f of LEGAL_SUFFIXES) {
      if (!this.t.startsWith(f, p)) continue;
      const e = p + f.length;
      if (this.isLatin(e - 1) && this.isLatin(e)) continue;
      return this.at(e) === 0x2e ? e + 1 : e;
    }
    return null;
  }

  /** The Latin word that ends at `end` (after skipping spaces and commas before it). */
  private wordBefore(end: number): { word: string; start: number } {
    let p = end;
    while (p > 0 && end - p < 3 && (this.isSpace(p - 1) || this.at(p - 1) === 0x2c)) p--;
    let q = p;
    while (q > 0 && p - q < 16 && this.isLatin(q - 1)) q--;
    return { word: this.t.slice(q, p), start: q };
  }

  /** Dear John, Hi John, Thanks, John, Thank you, John. */
  greetingBefore(start: number): boolean {
    const { word, start: at } = this.wordBefore(start);
    if (GREETINGS.has(word)) return true;
    if (!GREETING_TAILS.has(word)) return false;
    const before = this.wordBefore(at).word;
    return before === 'thank' || before === 'thanks';
  }

  /** "…, John." / "…, John!" / "Sorry, John, …": addressed by name after a comma. */
  vocative(start: number, end: number): boolean {
    let p = start;
    while (p > 0 && start - p < 2 && this.isSpace(p - 1)) p--;
    if (this.at(p - 1) !== 0x2c && this.at(p - 1) !== 0x3001) return false;
    let q = end;
    while (q < this.t.length && q - end < 2 && this.isSpace(q)) q++;
    return q >= this.t.length || ENDS_ADDRESS.has(this.t[q]!);
  }

  /** "John:" or "John," at the start of a line: a salutation. */
  salutation(start: number, end: number): boolean {
    let p = start;
    while (p > 0 && start - p < 4 && this.isSpace(p - 1)) p--;
    if (p > 0 && this.at(p - 1) !== 10) return false;
    let q = end;
    if (this.isSpace(q)) q++;
    const c = this.at(q);
    return c === 0x3a || c === 0x2c;
  }
}
