import type { LanguageRules, TechnicalLevel } from '../../domain/checks';
import { firstPhraseIn, phraseMatcher } from './phrases';
import { openingOf, type TextBlock } from './text';
import { finding, type Finding } from './types';

// Tone (DESIGN.md): never blame or argue with the customer, never talk down to them, and address
// their situation before the mechanics, rather than opening with a bare apology. The words are the
// vendor's rule list (CheckRules); this file only applies it.

/** An apology "opens" a sentence when it starts within its first few characters (大変…, We are so…). */
const APOLOGY_START = 12;

const severityOf = { blame: 'error', argue: 'error', talkDown: 'warning' } as const;

export function toneFindings(blocks: TextBlock[], rules: LanguageRules): Finding[] {
  // Nothing written is not a kind tone: the panel must not praise an empty answer's opening.
  if (!blocks.some((b) => b.text.trim())) return [finding('tone', 'warning', 'tone_empty', null)];
  const out: Finding[] = [];
  for (const rule of rules.tone) {
    for (const phrase of rule.phrases) {
      const matcher = phraseMatcher(phrase);
      // One finding per phrase and block: the same slip twice in a paragraph is one thing to fix.
      for (const b of blocks) {
        if (matcher.find(b.normalized) < 0) continue;
        out.push(
          finding(
            'tone',
            severityOf[rule.category],
            `tone_${rule.category}`,
            b.block,
            { phrase, advice: rule.advice },
            phrase,
          ),
        );
      }
    }
  }
  const opening = openingOf(blocks);
  if (opening) {
    const apology = rules.apologyOpeners.find((phrase) =>
      opening.firstSentences.some((sentence) => {
        const at = phraseMatcher(phrase, true).find(sentence);
        return at >= 0 && at <= APOLOGY_START;
      }),
    );
    if (apology && !firstPhraseIn(opening.normalized, rules.acknowledgements, true)) {
      out.push(finding('tone', 'warning', 'tone_bare_apology', opening.block, { phrase: apology }));
    }
  }
  return out;
}

const levelRank: Record<TechnicalLevel, number> = { beginner: 0, intermediate: 1, expert: 2 };

/** A word is explained where it is used when an explanation in brackets follows it at once. */
function explainedAt(text: string, index: number, length: number): boolean {
  return /^\s?[(（「]/.test(text.slice(index + length, index + length + 3));
}

export function jargonFindings(
  blocks: TextBlock[],
  rules: LanguageRules,
  level: TechnicalLevel | null,
): Finding[] {
  if (level === null) return []; // unknown reader: nothing to measure against
  const out: Finding[] = [];
  for (const term of rules.jargon) {
    if (levelRank[level] >= levelRank[term.level]) continue;
    const matcher = phraseMatcher(term.term);
    for (const b of blocks) {
      const at = matcher.find(b.normalized);
      if (at < 0) continue;
      // Explained where it is first used: later uses need no brackets again.
      if (explainedAt(b.normalized, at, term.term.length)) break;
      out.push(
        finding(
          'jargon',
          'warning',
          'jargon',
          b.block,
          { term: term.term, plain: term.plain, level },
          term.term,
        ),
      );
      break; // the first use is where it needs explaining
    }
  }
  return out;
}

/** The least technical of the customers an answer serves: the one it must be clear to. */
export function readerLevel(levels: (TechnicalLevel | null)[]): TechnicalLevel | null {
  const known = levels.filter((l): l is TechnicalLevel => l !== null);
  if (!known.length) return null;
  return known.reduce((a, b) => (levelRank[a] <= levelRank[b] ? a : b));
}
