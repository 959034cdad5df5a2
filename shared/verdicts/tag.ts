// The customer's verdict travels back by e-mail (issue 22): "Solved" and "Not yet" on a bundle page
// or an FAQ page open a prepared mail whose subject carries a tag intake recognises:
//
//   解決しました：スマートフォンで画像が… [Kotae a12 r3 q45 solved]
//   Fwd: Re: Not solved yet: Connect a custom domain [Kotae a7 r2 not-yet]
//
// a = answer id, r = its revision, q = the question the bundle answered (absent on FAQ pages).
// The tag is plain ASCII in square brackets, so it survives any charset, "Re:"/"Fwd:"/"返信:"/"転送:"
// prefixes, quoting and line folding. Reading it is one pass with bounded look-ahead (the subject
// is the customer's text): no regular expression runs over the subject.

export const verdictKinds = ['solved', 'not_yet'] as const;
export type VerdictKind = (typeof verdictKinds)[number];

export interface VerdictTag {
  answerId: number;
  revision: number;
  /** The question the bundle was sent for; null from an FAQ page. */
  questionId: number | null;
  verdict: VerdictKind;
}

const WORD: Record<VerdictKind, string> = { solved: 'solved', not_yet: 'not-yet' };

export function verdictTag(tag: VerdictTag): string {
  const q = tag.questionId !== null ? ` q${tag.questionId}` : '';
  return `[Kotae a${tag.answerId} r${tag.revision}${q} ${WORD[tag.verdict]}]`;
}

/** Longest tag read: `[kotae a123456789 r123456789 q123456789 not-yet]` with some spare spaces. */
const MAX_TAG = 80;
const MAX_DIGITS = 9;

function number(token: string, prefix: string): number | null {
  if (token.length < 2 || token.length > MAX_DIGITS + 1 || token[0] !== prefix) return null;
  let n = 0;
  for (let i = 1; i < token.length; i++) {
    const c = token.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    n = n * 10 + c;
  }
  return n > 0 ? n : null;
}

function verdictWord(token: string): VerdictKind | null {
  if (token === 'solved') return 'solved';
  if (token === 'not-yet' || token === 'not_yet' || token === 'notyet') return 'not_yet';
  return null;
}

function readTag(inside: string): VerdictTag | null {
  const tokens = inside.split(' ').filter(Boolean);
  if (tokens[0] !== 'kotae' || (tokens.length !== 4 && tokens.length !== 5)) return null;
  const answerId = number(tokens[1]!, 'a');
  const revision = number(tokens[2]!, 'r');
  const questionId = tokens.length === 5 ? number(tokens[3]!, 'q') : null;
  const verdict = verdictWord(tokens[tokens.length - 1]!);
  if (answerId === null || revision === null || verdict === null) return null;
  if (tokens.length === 5 && questionId === null) return null;
  return { answerId, revision, questionId, verdict };
}

/**
 * The verdict a subject carries, or null. Full-width brackets and letters (a Japanese mail program
 * or IME may turn `[` into `［`) and any spacing are accepted; the first well-formed tag counts.
 */
export function parseVerdictTag(subject: string): VerdictTag | null {
  // NFKC maps full-width forms and the ideographic space to ASCII; every kind of white space
  // (folded header lines, tabs) becomes one space for the token split.
  const text = subject.normalize('NFKC').toLowerCase();
  let from = 0;
  for (;;) {
    const start = text.indexOf('[kotae', from);
    if (start < 0) return null;
    // Looked for only within the longest tag, so a subject of many "[kotae" costs n × MAX_TAG.
    const end = text.slice(start, start + MAX_TAG).indexOf(']');
    if (end > 0) {
      let inside = '';
      for (const ch of text.slice(start + 1, start + end)) inside += ch.trim() === '' ? ' ' : ch;
      const tag = readTag(inside);
      if (tag) return tag;
    }
    from = start + 1;
  }
}
