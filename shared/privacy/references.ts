import { Automaton } from './automaton';
import { LATIN, classTable } from './charClass';
import type { CompactView } from './compact';
import type { PatternMatch } from './contacts';
import { isDash } from './digitRuns';
import { partsOf } from './namePatterns';

// Order, licence, member and invoice numbers. After a label (ご注文番号：A-2023-0042, Licence key
// XK2P-9QQA-77LM-0ZZ1, order no. 88-4412-X9): the labels are found by an automaton over the text
// without its gaps (so "order  no." and "order number" are found alike), the value read by hand
// after it. Without a label: four or more dash-joined groups of four to six letters and digits
// (ABCD-1234-EFGH-5678), read as one run.

// prettier-ignore
const LABELS = [
  '注文番号', '受注番号', '注文no', 'オーダー番号', 'オーダーno', 'ライセンスキー', 'ライセンス番号',
  'ライセンスコード', 'シリアル番号', 'シリアルキー', 'シリアルコード', 'シリアルナンバー', 'プロダクトキー',
  '会員番号', '会員id', '契約番号', 'お客様番号', '顧客番号', '請求書番号', '伝票番号', '予約番号',
  '購入番号', '取引番号', 'アカウント番号',
  'order number', 'order no', 'order id', 'order #', 'licence key', 'license key', 'licence number',
  'license number', 'licence no', 'license no', 'licence code', 'license code', 'serial number',
  'serial no', 'serial key', 'product key', 'invoice number', 'invoice no', 'customer number',
  'customer id', 'customer no', 'account number', 'account no', 'account id', 'member number',
  'member id', 'membership number', 'reference number', 'booking number', 'confirmation number',
  'transaction id',
].map((l) => partsOf(l).join(''));

let labels: Automaton | null = null;

const isAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const hasDigit = (t: string, s: number, e: number) => {
  for (let i = s; i < e; i++) if (t.charCodeAt(i) >= 0x30 && t.charCodeAt(i) <= 0x39) return true;
  return false;
};

/** The value after a label: alphanumeric groups joined by dashes (or spaces, for equal groups). */
function valueAt(t: string, from: number): PatternMatch | null {
  let p = from;
  const skip = () => {
    while (p < t.length && p - from < 6 && (t[p] === ' ' || t[p] === '\t')) p++;
  };
  skip();
  if (p < t.length && 'は:#=.'.includes(t[p]!)) p++;
  skip();
  const start = p;
  let firstLength = -1;
  for (;;) {
    const g = p;
    while (p < t.length && p - start < 64 && isAlnum(t.charCodeAt(p))) p++;
    if (p === g) break;
    if (firstLength < 0) firstLength = p - g;
    const c = t.charCodeAt(p);
    const next = t.charCodeAt(p + 1);
    if (isDash(c) && isAlnum(next)) {
      p++;
      continue;
    }
    // ABCD 1234 EFGH 5678: groups of the same length after a space.
    if (c === 0x20 && firstLength >= 4) {
      let q = p + 1;
      while (q < t.length && q - p - 1 <= firstLength && isAlnum(t.charCodeAt(q))) q++;
      if (q - p - 1 === firstLength && !isAlnum(t.charCodeAt(q))) {
        p++;
        continue;
      }
    }
    break;
  }
  if (p - start < 4 || !hasDigit(t, start, p)) return null;
  return { kind: 'order', start, end: p };
}

export function findReferences(t: string, view: CompactView): PatternMatch[] {
  const cls = classTable();
  const out: PatternMatch[] = [];
  labels ??= new Automaton(LABELS);
  const automaton = labels;
  automaton.scan(view.codes, view.length, (label, end) => {
    const start = view.toFolded[end - automaton.lengths[label]!]!;
    if (start > 0 && cls[LABELS[label]!.charCodeAt(0)]! & LATIN && cls[t.charCodeAt(start - 1)]! & LATIN)
      return;
    const value = valueAt(t, view.toFolded[end - 1]! + 1);
    if (value) out.push(value);
  });
  // Unlabelled keys: a run of alphanumerics and dashes, read once.
  for (let i = 0; i < t.length; i++) {
    if (!isAlnum(t.charCodeAt(i))) continue;
    const s = i;
    let groups = 0;
    let shaped = true;
    for (;;) {
      const g = i;
      while (i < t.length && isAlnum(t.charCodeAt(i))) i++;
      groups++;
      if (i - g < 4 || i - g > 6) shaped = false;
      if (i < t.length && isDash(t.charCodeAt(i)) && isAlnum(t.charCodeAt(i + 1))) i++;
      else break;
    }
    const before = s > 0 ? t.charCodeAt(s - 1) : 0;
    if (!shaped || groups < 4 || isDash(before) || !hasDigit(t, s, i) || !/[a-z]/.test(t.slice(s, i)))
      continue;
    out.push({ kind: 'order', start: s, end: i });
  }
  return out;
}
