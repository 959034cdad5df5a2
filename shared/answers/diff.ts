import {
  isElement,
  nodeText,
  resolutionFields,
  resolutionFieldOf,
  type AnswerDocument,
  type DocNode,
  type ElementNode,
} from './document';

// A readable difference between two versions of an answer: the document as labelled lines (a
// paragraph, "step 2 · result", "summary · cause"), lines matched by their longest common
// subsequence, and a changed line shown word by word (character by character in Japanese).

export interface DocLine {
  /** paragraph, heading, quote, code, listitem, table-row, step-action, step-expected, step-screenshot,
   *  step-verified, option-title, option-pros, option-cons, resolution, image, video */
  kind: string;
  /** Step or option number, for the label. */
  n?: number;
  /** Resolution field. */
  field?: string;
  text: string;
}

export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export type DiffRow =
  | { op: 'same'; line: DocLine }
  | { op: 'added'; line: DocLine }
  | { op: 'removed'; line: DocLine }
  | { op: 'changed'; line: DocLine; before: DocLine; parts: DiffPart[] };

function child(node: ElementNode, type: DocNode['type']): string {
  const c = node.children.find((x) => x.type === type);
  return c ? nodeText(c) : '';
}

export function documentLines(doc: AnswerDocument): DocLine[] {
  const lines: DocLine[] = [];
  let step = 0;
  const push = (line: DocLine) => {
    if (line.text.trim() || line.kind.startsWith('step-')) lines.push(line);
  };
  const visit = (node: DocNode) => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
      case 'code':
        push({ kind: node.type, text: nodeText(node) });
        return;
      case 'list':
        for (const item of node.children) visit(item);
        return;
      case 'listitem': {
        const el = node;
        const own = el.children.filter((c) => c.type !== 'list');
        push({ kind: 'listitem', text: own.map(nodeText).join('') });
        el.children.filter((c) => c.type === 'list').forEach(visit);
        return;
      }
      case 'table':
        for (const row of node.children) {
          if (!isElement(row)) continue;
          push({ kind: 'table-row', text: row.children.map((cell) => nodeText(cell).trim()).join(' | ') });
        }
        return;
      case 'kotae-step': {
        const s = node;
        step += 1;
        push({ kind: 'step-action', n: step, text: child(s, 'kotae-step-action') });
        push({ kind: 'step-expected', n: step, text: child(s, 'kotae-step-expected') });
        if (s.screenshot)
          push({
            kind: 'step-screenshot',
            n: step,
            text: s.screenshot.alt || s.screenshot.sha256.slice(0, 12),
          });
        if (s.verified) push({ kind: 'step-verified', n: step, text: s.verified.version });
        return;
      }
      case 'kotae-options':
        node.children.filter(isElement).forEach((option, i) => {
          for (const part of ['title', 'pros', 'cons'] as const)
            push({ kind: `option-${part}`, n: i + 1, text: child(option, `kotae-option-${part}`) });
        });
        return;
      case 'kotae-resolution':
        for (const field of resolutionFields) {
          const f = resolutionFieldOf(node, field);
          push({ kind: 'resolution', field, text: f ? nodeText(f) : '' });
        }
        return;
      case 'kotae-image':
        push({ kind: 'image', text: node.alt || node.sha256.slice(0, 12) });
        return;
      case 'kotae-video':
        push({ kind: 'video', text: node.title || String(node.clipId ?? '') });
        return;
      default:
        if (isElement(node)) push({ kind: 'paragraph', text: nodeText(node) });
    }
  };
  doc.root.children.forEach(visit);
  return lines;
}

/** Longest common subsequence as index pairs; falls back to "nothing in common" past `limit` cells. */
function lcs<T>(a: T[], b: T[], same: (x: T, y: T) => boolean, limit = 4_000_000): [number, number][] {
  if (a.length * b.length > limit) return [];
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] = same(a[i]!, b[j]!)
        ? table[(i + 1) * cols + j + 1]! + 1
        : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (same(a[i]!, b[j]!)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Latin words and spaces as they are, every other character on its own (Japanese has no spaces). */
export function diffTokens(text: string): string[] {
  return (
    text.match(/[\p{L}\p{N}_]+(?<![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])|\s+|./gsu) ?? []
  );
}

export function diffText(before: string, after: string): DiffPart[] {
  const all = { a: diffTokens(before), b: diffTokens(after) };
  // What is the same at both ends is set aside first, so a single insertion reads as one.
  let prefix = 0;
  while (prefix < all.a.length && prefix < all.b.length && all.a[prefix] === all.b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < all.a.length - prefix &&
    suffix < all.b.length - prefix &&
    all.a[all.a.length - 1 - suffix] === all.b[all.b.length - 1 - suffix]
  )
    suffix++;
  const a = all.a.slice(prefix, all.a.length - suffix);
  const b = all.b.slice(prefix, all.b.length - suffix);
  const pairs = lcs(a, b, (x, y) => x === y, 1_000_000);
  // Runs of the edit: unchanged text between changes, and what was removed and added there.
  const runs: { same: string; removed: string; added: string }[] = [
    { same: all.a.slice(0, prefix).join(''), removed: '', added: '' },
  ];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    let removed = '';
    let added = '';
    while (i < pi) removed += a[i++]!;
    while (j < pj) added += b[j++]!;
    if (removed || added) runs.push({ same: '', removed, added });
    if (pi < a.length) {
      const last = runs[runs.length - 1]!;
      if (!last.removed && !last.added) last.same += a[pi]!;
      else runs.push({ same: a[pi]!, removed: '', added: '' });
    }
    i = pi + 1;
    j = pj + 1;
  }
  if (suffix) runs.push({ same: all.a.slice(all.a.length - suffix).join(''), removed: '', added: '' });
  // A character or two left in common inside a change (the ま of ます and ました) makes the change
  // harder to read, not easier: fold it into the change, as people would mark it.
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) parts.push({ op: 'removed', text: removed });
    if (added) parts.push({ op: 'added', text: added });
    removed = added = '';
  };
  runs.forEach((run, k) => {
    const inside =
      k > 0 &&
      k < runs.length - 1 &&
      (removed || added) &&
      runs.slice(k + 1).some((r) => r.removed || r.added);
    if (run.same && inside && [...run.same].length <= 2 && !/\s/.test(run.same)) {
      removed += run.same;
      added += run.same;
    } else if (run.same) {
      flush();
      parts.push({ op: 'same', text: run.same });
    }
    removed += run.removed;
    added += run.added;
  });
  flush();
  return parts;
}

const lineKey = (l: DocLine) => `${l.kind}|${l.field ?? ''}|${l.text}`;

export function diffDocuments(before: AnswerDocument, after: AnswerDocument): DiffRow[] {
  const a = documentLines(before);
  const b = documentLines(after);
  const pairs = lcs(a, b, (x, y) => lineKey(x) === lineKey(y));
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const flush = (removed: DocLine[], added: DocLine[]) => {
    // A removed and an added line of the same kind between two unchanged lines: one changed line.
    const left = [...added];
    for (const r of removed) {
      const k = left.findIndex((x) => x.kind === r.kind && x.field === r.field);
      if (k >= 0) {
        const [line] = left.splice(k, 1);
        rows.push({ op: 'changed', line: line!, before: r, parts: diffText(r.text, line!.text) });
      } else rows.push({ op: 'removed', line: r });
    }
    for (const line of left) rows.push({ op: 'added', line });
  };
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    flush(a.slice(i, pi), b.slice(j, pj));
    if (pi < a.length) rows.push({ op: 'same', line: b[pj]! });
    i = pi + 1;
    j = pj + 1;
  }
  return rows;
}
