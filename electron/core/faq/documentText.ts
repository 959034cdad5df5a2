import {
  isElement,
  type AnswerDocument,
  type AnyNode,
  type DocNode,
  type ElementNode,
  type NodeOf,
  type TextNode,
} from '../../../shared/answers/document';
import { UNDECIDED_CLOSE, UNDECIDED_OPEN, type FindingPlace } from '../../../shared/domain/faq';

// The published text of an answer document, unit by unit: each block's inline text (runs of text
// nodes, through links and formatting, so a name split by bold is still one name), link targets,
// image descriptions, video titles. The scanner reads these units, and redaction rewrites the very
// same units, so what was scanned is exactly what gets published.

export interface TextUnit {
  place: FindingPlace;
  text: string;
}

/**
 * A [start, end) range of a unit to cut out and replace by the placeholder; or, in the Publish
 * screen's preview only, to keep between UNDECIDED_OPEN and UNDECIDED_CLOSE (`mark`: a finding
 * nobody decided about yet, highlighted). Where ranges overlap, the cut wins.
 */
export interface Cut {
  start: number;
  end: number;
  mark?: boolean;
}

/** What to cut out of a unit. */
export type Redactions = (unit: TextUnit) => readonly Cut[];

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

function merge(ranges: readonly Cut[]): Required<Cut>[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Required<Cut>[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.mark = last.mark && !!r.mark;
    } else out.push({ start: r.start, end: r.end, mark: !!r.mark });
  }
  return out;
}

/** What stands for a merged range of `text`: the placeholder, or the text itself marked. */
function replacement(text: string, r: Required<Cut>, placeholder: string): string {
  return r.mark ? UNDECIDED_OPEN + text.slice(r.start, r.end) + UNDECIDED_CLOSE : placeholder;
}

/** The text with each range replaced by the placeholder (or marked). */
export function cut(text: string, ranges: readonly Cut[], placeholder: string): string {
  let out = '';
  let at = 0;
  for (const r of merge(ranges)) {
    out += text.slice(at, r.start) + replacement(text, r, placeholder);
    at = r.end;
  }
  return out + text.slice(at);
}

/**
 * Cuts ranges of a block's inline text out of its text nodes. Untouched nodes keep their text (and
 * formatting); a range that spans nodes leaves its placeholder in the node where it starts.
 */
function cutInline(pieces: Piece[], text: string, ranges: readonly Cut[], placeholder: string): void {
  const merged = merge(ranges);
  if (merged.length === 0) return;
  const placed = new Set<number>();
  for (const p of pieces) {
    let out = '';
    for (let i = p.start; i < p.end; i++) {
      const r = merged.findIndex(({ start, end }) => i >= start && i < end);
      if (r < 0) out += p.node.text[i - p.start];
      else if (!placed.has(r)) {
        placed.add(r);
        out += replacement(text, merged[r]!, placeholder);
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
      cutInline(pieces, text, redactions({ place: 'body', text }), placeholder);
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
