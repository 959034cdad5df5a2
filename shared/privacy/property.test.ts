import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CustomerMatcher, scanText, type TextFinding } from '.';
import { foldString } from './fold';
import { NAME_VARIANTS } from './nameVariants';
import { STOP_WORDS } from './stopWords';

// For random names, written in random forms (with an honorific, a title, an initial, a greeting,
// either order) and disguised at random (format characters between any two characters,
// katakana/hiragana/half-width, full-width and case, variant kanji), the scan finds the name and
// its finding covers every character of it. Likewise e-mail addresses and phone numbers.

const FORMAT_CHARS = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u00ad',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202c',
  '\u2066',
  '\u2069',
  '\u2060',
  '\ufeff',
  '\ufe00',
  '\ufe0f',
  '\u{e0100}',
  '\u034f',
];
const FAMILY_KANJI = [
  ...'田中鈴木佐藤高橋渡辺伊山本村小林加吉松井上清水斎崎森池橋阿部石川前岡後長谷西福太原島野沢浜徳',
];
const GIVEN_KANJI = [...'美咲一郎健太花子誠翔陽菜結愛大輝真由理恵'];
const KATAKANA = [
  ...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワガギグゲゴザジズゼゾダデドバビブベボパピプペポ',
];
const VARIANTS_OF = new Map<string, string[]>();
for (const [from, to] of NAME_VARIANTS) {
  const common = String.fromCodePoint(to);
  VARIANTS_OF.set(common, [...(VARIANTS_OF.get(common) ?? []), String.fromCodePoint(from)]);
}
/**
 * Not a name: the words the scanner never looks for alone (stopWords.ts: "Web", "サイト" …), and
 * the greeting and title words the sentences below put next to the name.
 */
const notAName = (w: string) =>
  STOP_WORDS.has(foldString(w)) || ['dear', 'thanks', 'hi'].includes(w.toLowerCase());

/** Half-width forms of katakana (the reverse of NFKC), voiced sounds as two characters. */
const HALF = new Map<string, string>();
for (let c = 0xff66; c <= 0xff9d; c++)
  HALF.set(String.fromCharCode(c).normalize('NFKC'), String.fromCharCode(c));
function halfWidth(k: string): string {
  const base = k.normalize('NFD');
  const h = HALF.get(base[0]!);
  if (!h) return k;
  return h + (base[1] === '\u3099' ? 'ﾞ' : base[1] === '\u309a' ? 'ﾟ' : '');
}
const toHiragana = (k: string) => String.fromCharCode(k.charCodeAt(0) - 0x60);
const fullWidth = (c: string) =>
  /[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c === ' ' ? '\u3000' : c;

/** One character in one of its disguises. */
const disguise = (c: string): fc.Arbitrary<string> => {
  const forms = [fc.constant(c)];
  if (/\p{Script=Katakana}/u.test(c)) forms.push(fc.constant(toHiragana(c)), fc.constant(halfWidth(c)));
  if (/[A-Za-z]/.test(c))
    forms.push(fc.constant(c.toUpperCase()), fc.constant(c.toLowerCase()), fc.constant(fullWidth(c)));
  for (const v of VARIANTS_OF.get(c) ?? []) forms.push(fc.constant(v));
  return fc.oneof(...forms);
};

/** A string disguised character by character, with format characters slipped in between. */
const disguised = (s: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      ...Array.from(s).map((c) =>
        fc.tuple(disguise(c), fc.option(fc.constantFrom(...FORMAT_CHARS), { freq: 3 })),
      ),
    )
    .map((chars) => chars.map(([c, f], i) => (i < chars.length - 1 && f ? c + f : c)).join(''));

const kanjiName = (pool: string[]) =>
  fc.array(fc.constantFrom(...pool), { minLength: 2, maxLength: 3 }).map((a) => a.join(''));
const katakanaName = fc
  .array(fc.constantFrom(...KATAKANA), { minLength: 2, maxLength: 4 })
  .map((a) => a.join(''))
  .filter((w) => !notAName(w));
const latinWord = fc
  .stringMatching(/^[a-z]{3,8}$/)
  .filter((w) => !notAName(w))
  .map((w) => w[0]!.toUpperCase() + w.slice(1));

interface Case {
  stored: string;
  /** Text before, the name as written, the text after; `whole` the part that must be covered. */
  before: string;
  name: string;
  after: string;
}

function covers(found: TextFinding[], start: number, end: number): boolean {
  return found.some((f) => f.kind === 'name' && f.start <= start && f.end >= end);
}

function check(c: Case): void {
  const matcher = new CustomerMatcher([{ name: c.stored, company: '', email: null, phone: '', website: '' }]);
  const text = c.before + c.name + c.after;
  const found = scanText(text, { customers: matcher });
  if (!covers(found, c.before.length, c.before.length + c.name.length)) {
    throw new Error(
      `not found: ${JSON.stringify(text)} (stored ${c.stored}); found ${JSON.stringify(found.map((f) => f.text))}`,
    );
  }
}

describe('property: disguised names are found whole', () => {
  it('Japanese names with honorifics, either order, any disguise', () => {
    const japanese = fc
      .record({
        family: kanjiName(FAMILY_KANJI),
        given: fc.oneof(kanjiName(GIVEN_KANJI), katakanaName),
        spaced: fc.boolean(),
        form: fc.constantFrom('full様', 'fullさん', 'family様', 'givenさん', 'reversed殿', 'full'),
      })
      .chain(({ family, given, spaced, form }) => {
        const base = form.startsWith('full')
          ? `${family}${spaced ? ' ' : ''}${given}`
          : form.startsWith('family')
            ? family
            : form.startsWith('given')
              ? given
              : `${given} ${family}`;
        const honorific = form.replace(/^(full|family|given|reversed)/, '');
        return fc.tuple(disguised(base), fc.constant(honorific)).map(([name, h]) => ({
          stored: `${family} ${given}`,
          before: 'ご連絡ありがとうございます。',
          name: name + h,
          after: '、よろしくお願いいたします。',
        }));
      });
    fc.assert(fc.property(japanese, check), { numRuns: 400 });
  });

  it('English names in greetings, with titles and initials, any disguise', () => {
    const english = fc
      .record({
        given: latinWord,
        family: latinWord,
        form: fc.constantFrom(
          'dear',
          'thanks',
          'vocative',
          'colon',
          'title',
          'titleNoSpace',
          'initial',
          'full',
          'lastFirst',
        ),
      })
      .filter(({ given, family }) => given !== family)
      .chain(({ given, family, form }) => {
        const parts: Record<string, [string, string, string]> = {
          dear: ['Notes.\nDear ', given, ',\nHere are the steps.'],
          thanks: ['Thanks, ', given, '. Here are the steps.'],
          vocative: ['Thank you for your patience, ', given, '.'],
          colon: ['Notes.\n', given, ': follow steps 1 to 3.'],
          title: ['We asked Mr. ', family, ' about it.'],
          titleNoSpace: ['We asked Dr.', family, ' about it.'],
          initial: ['Signed ', `${given[0]}. ${family}`, ' today.'],
          full: ['Signed ', `${given} ${family}`, ' today.'],
          lastFirst: ['Signed ', `${family}, ${given}`, ' today.'],
        };
        const [before, name, after] = parts[form]!;
        return disguised(name).map((written) => ({
          stored: `${given} ${family}`,
          before,
          name: written,
          after,
        }));
      });
    fc.assert(fc.property(english, check), { numRuns: 400 });
  });
});

describe('property: disguised contact details are found whole', () => {
  const customers = new CustomerMatcher([]);
  const coveredBy = (kind: string, before: string, value: string, after: string) => {
    const text = before + value + after;
    const found = scanText(text, { customers });
    const ok = found.some(
      (f) => f.kind === kind && f.start <= before.length && f.end >= before.length + value.length,
    );
    if (!ok) throw new Error(`${kind} not found: ${JSON.stringify(text)} → ${JSON.stringify(found)}`);
  };

  it('phone numbers with any separators and format characters', () => {
    const phone = fc
      .record({
        area: fc.stringMatching(/^0[1-9]\d{0,2}$/),
        middle: fc.stringMatching(/^\d{2,4}$/),
        last: fc.stringMatching(/^\d{4}$/),
        sep: fc.constantFrom('-', ' ', '‐', '－', 'ー', ' - ', '.'),
      })
      .filter(({ area, middle, last }) => [10, 11].includes((area + middle + last).length))
      .chain(({ area, middle, last, sep }) => disguised(`${area}${sep}${middle}${sep}${last}`));
    fc.assert(
      fc.property(phone, (value) => coveredBy('phone', '電話番号は ', value, ' です。')),
      { numRuns: 300 },
    );
  });

  it('e-mail addresses with format characters and full-width letters', () => {
    const email = fc
      .record({
        local: fc.stringMatching(/^[a-z][a-z0-9.]{1,10}[a-z0-9]$/),
        domain: fc.stringMatching(/^[a-z]{2,10}$/),
      })
      .filter(({ local }) => !local.includes('..'))
      .chain(({ local, domain }) => disguised(`${local}@${domain}.example.jp`));
    fc.assert(
      fc.property(email, (value) => coveredBy('email', 'Write to ', value, ' please.')),
      { numRuns: 300 },
    );
  });
});
