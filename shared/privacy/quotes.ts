import { viewOf } from './customers';

// "Customer question text is never published as is": a run of the answer that repeats a customer's
// own words verbatim is a finding. Compared without spaces and case, in windows long enough to be
// more than a stock phrase: 20 characters where the window is mostly Japanese (about a sentence),
// 40 elsewhere (about eight English words).

const CJK_WINDOW = 20;
const LATIN_WINDOW = 40;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Lines the customer quoted from us (> …) and everything after a reply header are not theirs. */
export function customerOwnText(mail: string): string {
  const lines: string[] = [];
  for (const line of mail.split(/\r?\n/)) {
    if (
      /^\s*(?:-{2,}\s*original message|-{5,}|on .+ wrote:$|.+(?:さんは|様は)書きました|\d{4}[年/-].+(?:書きました|wrote):?$)/i.test(
        line,
      )
    )
      break;
    if (/^\s*[>＞|]/.test(line)) continue;
    lines.push(line);
  }
  return lines.join('\n');
}

const fold = (s: string) => viewOf(s.normalize('NFKC').toLowerCase(), 'remove').text;

/** The windows of customer text to look for in answers. */
export class QuoteIndex {
  private readonly short = new Set<string>();
  private readonly long = new Set<string>();

  constructor(customerTexts: readonly string[]) {
    for (const raw of customerTexts) {
      const text = fold(customerOwnText(raw));
      for (let i = 0; i + CJK_WINDOW <= text.length; i++) this.short.add(text.slice(i, i + CJK_WINDOW));
      for (let i = 0; i + LATIN_WINDOW <= text.length; i++) this.long.add(text.slice(i, i + LATIN_WINDOW));
    }
  }

  get isEmpty(): boolean {
    return this.short.size === 0;
  }

  /** Runs of the folded text ([start, end) in it) that repeat customer text. */
  match(folded: string): { start: number; end: number }[] {
    if (this.isEmpty) return [];
    const view = viewOf(folded, 'remove');
    const t = view.text;
    const covered = new Uint8Array(t.length);
    // Prefix sums of Japanese characters: the share of a window in constant time.
    const cjk = new Uint32Array(t.length + 1);
    for (let i = 0; i < t.length; i++) cjk[i + 1] = cjk[i]! + (CJK.test(t[i]!) ? 1 : 0);
    for (let i = 0; i + CJK_WINDOW <= t.length; i++) {
      const window = t.slice(i, i + CJK_WINDOW);
      if ((cjk[i + CJK_WINDOW]! - cjk[i]!) * 2 >= CJK_WINDOW) {
        if (this.short.has(window)) covered.fill(1, i, i + CJK_WINDOW);
      } else if (i + LATIN_WINDOW <= t.length && this.long.has(t.slice(i, i + LATIN_WINDOW))) {
        covered.fill(1, i, i + LATIN_WINDOW);
      }
    }
    const runs: { start: number; end: number }[] = [];
    for (let i = 0; i < t.length; i++) {
      if (!covered[i]) continue;
      let j = i;
      while (j < t.length && covered[j]) j++;
      runs.push({ start: view.map[i]!, end: view.map[j - 1]! + 1 });
      i = j;
    }
    return runs;
  }
}
