import { CJK, SPACE, classTable } from './charClass';
import { fold } from './fold';

// "Customer question text is never published as is": a run of the answer that repeats a customer's
// own words verbatim is a finding. Compared folded and without spaces, in windows long enough to
// be more than a stock phrase: 20 characters where the window is mostly Japanese (about a
// sentence), 40 elsewhere (about eight English words). Windows are compared by two rolling
// hashes (52 bits together), so a scan costs a few operations per character whatever the text.

const CJK_WINDOW = 20;
const LATIN_WINDOW = 40;
/** Customer text indexed per answer: beyond this, a mail is an attachment dump, not a question. */
const MAX_INDEXED = 2_000_000;
const BASE_A = 0x01000193;
const BASE_B = 0x5bd1e995;

function isReplyHeader(line: string): boolean {
  const t = line.trim();
  const lower = t.toLowerCase();
  if (t.startsWith('-----')) return true;
  if (t.startsWith('--') && lower.replace(/^-+\s*/, '').startsWith('original message')) return true;
  if (lower.startsWith('on ') && lower.endsWith(' wrote:')) return true;
  if (t.includes('さんは書きました') || t.includes('様は書きました')) return true;
  return /^\d{4}[年/-]/.test(t) && /(?:書きました|wrote):?$/i.test(t);
}

/** Lines the customer quoted from us (> …) and everything after a reply header are not theirs. */
export function customerOwnText(mail: string): string {
  const lines: string[] = [];
  for (const line of mail.split('\n')) {
    if (isReplyHeader(line)) break;
    const first = line.trimStart()[0];
    if (first === '>' || first === '＞' || first === '|') continue;
    lines.push(line);
  }
  return lines.join('\n');
}

/** The folded text without spaces, with the folded index of each unit. */
function withoutSpaces(folded: string): { codes: Uint16Array; length: number; map: Int32Array } {
  const cls = classTable();
  const codes = new Uint16Array(folded.length);
  const map = new Int32Array(folded.length);
  let length = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (cls[c]! & SPACE) continue;
    codes[length] = c;
    map[length++] = i;
  }
  return { codes, length, map };
}

const pow = (base: number, n: number) => {
  let r = 1;
  for (let i = 0; i < n; i++) r = Math.imul(r, base);
  return r;
};

/** Calls `at(i, key)` with the 52-bit key of every window [i, i + w) of the codes. */
function windows(codes: Uint16Array, length: number, w: number, at: (i: number, key: number) => void): void {
  if (length < w) return;
  const topA = pow(BASE_A, w - 1);
  const topB = pow(BASE_B, w - 1);
  let a = 0;
  let b = 0;
  for (let i = 0; i < length; i++) {
    const c = codes[i]!;
    if (i >= w) {
      const out = codes[i - w]!;
      a = (a - Math.imul(out, topA)) | 0;
      b = (b - Math.imul(out, topB)) | 0;
    }
    a = (Math.imul(a, BASE_A) + c) | 0;
    b = (Math.imul(b, BASE_B) + c) | 0;
    if (i >= w - 1) at(i - w + 1, (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff));
  }
}

/** The windows of customer text to look for in answers. */
export class QuoteIndex {
  private readonly short = new Set<number>();
  private readonly long = new Set<number>();

  constructor(customerTexts: readonly string[]) {
    let budget = MAX_INDEXED;
    for (const raw of customerTexts) {
      if (budget <= 0) break;
      const own = customerOwnText(raw.replace(/\r\n?/g, '\n'));
      const view = withoutSpaces(fold(own.slice(0, budget)).text);
      budget -= view.length;
      windows(view.codes, view.length, CJK_WINDOW, (_, key) => this.short.add(key));
      windows(view.codes, view.length, LATIN_WINDOW, (_, key) => this.long.add(key));
    }
  }

  get isEmpty(): boolean {
    return this.short.size === 0;
  }

  /** Runs of the folded text ([start, end) in it) that repeat customer text. */
  match(folded: string): { start: number; end: number }[] {
    if (this.isEmpty) return [];
    const cls = classTable();
    const view = withoutSpaces(folded);
    const { codes, length, map } = view;
    // Prefix sums of Japanese characters: the share of a window in constant time.
    const cjk = new Uint32Array(length + 1);
    for (let i = 0; i < length; i++) cjk[i + 1] = cjk[i]! + (cls[codes[i]!]! & CJK ? 1 : 0);
    // covered[i] > 0 while a matching window covers unit i (difference array).
    const delta = new Int32Array(length + 1);
    const mark = (s: number, e: number) => {
      delta[s]! += 1;
      delta[e]! -= 1;
    };
    windows(codes, length, CJK_WINDOW, (i, key) => {
      if ((cjk[i + CJK_WINDOW]! - cjk[i]!) * 2 >= CJK_WINDOW && this.short.has(key)) mark(i, i + CJK_WINDOW);
    });
    windows(codes, length, LATIN_WINDOW, (i, key) => {
      if ((cjk[i + CJK_WINDOW]! - cjk[i]!) * 2 < CJK_WINDOW && this.long.has(key)) mark(i, i + LATIN_WINDOW);
    });
    const runs: { start: number; end: number }[] = [];
    let depth = 0;
    let runStart = -1;
    for (let i = 0; i <= length; i++) {
      depth += delta[i]!;
      if (depth > 0 && runStart < 0) runStart = i;
      else if (depth <= 0 && runStart >= 0) {
        runs.push({ start: map[runStart]!, end: map[i - 1]! + 1 });
        runStart = -1;
      }
    }
    return runs;
  }
}
