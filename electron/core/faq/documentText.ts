import {
  isElement,
  type AnswerDocument,
  type AnyNode,
  type DocNode,
  type ElementNode,
  type NodeOf,
  type TextNode,
} from '../../../shared/answers/document';
import type { FindingPlace } from '../../../shared/domain/faq';

// The published text of an answer document, unit by unit: each block's inline text (runs of text
// nodes, through links and formatting, so a name split by bold is still one name), link targets,
// image descriptions, video titles. The scanner reads these units, and redaction rewrites the very
// same units, so what was scanned is exactly what gets published.

export interface TextUnit {
  place: FindingPlace;
  text: string;
}

/** What to cut out of a unit: [start, end) ranges, each replaced by the placeholder. */
export type Redactions = (unit: TextUnit) => readonly { start: number; end: number }[];

const INLINE_CONTAINERS = new Set(['link', 'autolink']);

interface Piece {
  node: TextNode;
  start: number;
  end: number;
}

type LinkNode = NodeOf<'link' | 'autolink'>;

function inlineText(el: ElementNode): { text: string; pieces: Piece[]; links: LinkNode[] } {
  let text = '';
  const pieces: Piece[] = [];
  const links: LinkNode[] = [];
  const walk = (node: DocNode) => {
    if (node.type === 'text') {
      pieces.push({ node, start: text.length, end: text.length + node.text.length });
      text += node.text;
    } else if (node.type === 'linebreak') {
      text += '\n';
    } else if (node.type === 'link' || node.type === 'autolink') {
      links.push(node);
      node.children.forEach(walk);
    }
  };
  el.children.forEach(walk);
  return { text, pieces, links };
}

function merge(ranges: readonly { start: number; end: number }[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last[1]) last[1] = Math.max(last[1], r.end);
    else out.push([r.start, r.end]);
  }
  return out;
}

/** The text with each range replaced by the placeholder. */
export function cut(
  text: string,
  ranges: readonly { start: number; end: number }[],
  placeholder: string,
): string {
  let out = '';
  let at = 0;
  for (const [s, e] of merge(ranges)) {
    out += text.slice(at, s) + placeholder;
    at = e;
  }
  return out + text.slice(at);
}

/**
 * Cuts ranges of a block's inline text out of its text nodes. Untouched nodes keep their text (and
 * formatting); a range that spans nodes leaves its placeholder in the node where it starts.
 */
function cutInline(
  pieces: Piece[],
  ranges: readonly { start: number; end: number }[],
  placeholder: string,
): void {
  const merged = merge(ranges);
  if (merged.length === 0) return;
  const placed = new Set<number>();
  for (const p of pieces) {
    let out = '';
    for (let i = p.start; i < p.end; i++) {
      const r = merged.findIndex(([s, e]) => i >= s && i < e);
      if (r < 0) out += p.node.text[i - p.start];
      else if (!placed.has(r)) {
        placed.add(r);
        out += placeholder;
      }
    }
    p.node.text = out;
  }
}

/**
 * Visits every published text of a document and cuts the ranges `redactions` names for it, in
 * place. Pass a clone when the original must stay as it is.
 */
export function redactDocument(doc: AnswerDocument, redactions: Redactions, placeholder: string): void {
  const plain = (place: FindingPlace, text: string) => cut(text, redactions({ place, text }), placeholder);
  const visit = (node: AnyNode) => {
    if (node.type === 'kotae-image') {
      node.alt = plain('image', node.alt);
      return;
    }
    if (node.type === 'kotae-video') {
      node.title = plain('video', node.title);
      return;
    }
    if (!isElement(node)) return;
    if (node.type === 'kotae-step' && node.screenshot)
      node.screenshot.alt = plain('image', node.screenshot.alt);
    const hasInline = node.children.some(
      (c) => c.type === 'text' || c.type === 'linebreak' || INLINE_CONTAINERS.has(c.type),
    );
    if (hasInline) {
      const { text, pieces, links } = inlineText(node);
      cutInline(pieces, redactions({ place: 'body', text }), placeholder);
      // A link to a customer's page loses its target and keeps its (redacted) words.
      for (const link of links)
        if (link.url && redactions({ place: 'link', text: link.url }).length) link.url = '';
    }
    for (const child of node.children)
      if (!(child.type === 'text' || INLINE_CONTAINERS.has(child.type))) visit(child);
  };
  visit(doc.root);
}

/**
 * Every published text of a document, for scanning. No copy is needed: with nothing to cut,
 * redactDocument only writes each text back as it was, and the first scan of a large library reads
 * every answer.
 */
export function documentUnits(doc: AnswerDocument): TextUnit[] {
  const units: TextUnit[] = [];
  redactDocument(
    doc,
    (u) => {
      if (u.text.trim()) units.push(u);
      return [];
    },
    '',
  );
  return units;
}
