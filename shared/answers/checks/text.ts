import { isElement, nodeText, type AnswerDocument, type DocNode } from '../document';
import { normalizeForRules } from './phrases';

// The words of an answer as the tone and jargon checks read them: one entry per top-level block
// (so a finding can point at it), its text blocks on separate lines so no phrase spans two of them.
// Code blocks are left out: a command or an error message quoted verbatim is not our wording.

export interface TextBlock {
  /** Index among the document's top-level blocks. */
  block: number;
  type: string;
  text: string;
  /** normalizeForRules(text) */
  normalized: string;
}

const leafTypes = new Set([
  'paragraph',
  'heading',
  'quote',
  'listitem',
  'kotae-step-action',
  'kotae-step-expected',
  'kotae-option-title',
  'kotae-option-pros',
  'kotae-option-cons',
  'kotae-resolution-field',
]);

function leafTexts(node: DocNode, out: string[]): void {
  if (node.type === 'code') return;
  if (!isElement(node)) return;
  const hasBlockChildren = node.children.some((c) => isElement(c) && !['link', 'autolink'].includes(c.type));
  if (leafTypes.has(node.type) && !hasBlockChildren) {
    out.push(nodeText(node));
    return;
  }
  for (const child of node.children) leafTexts(child, out);
}

export function textBlocks(doc: AnswerDocument): TextBlock[] {
  return doc.root.children.flatMap((node, block) => {
    const lines: string[] = [];
    leafTexts(node, lines);
    const text = lines.filter((l) => l.trim()).join('\n');
    return text ? [{ block, type: node.type, text, normalized: normalizeForRules(text) }] : [];
  });
}

const SALUTATION_JA = /(様|さま|さん|殿|御中)\s*[、,:：]?$/;
const SALUTATION_EN = /^(dear|hello|hi|hey|good (morning|afternoon|evening))\b/i;

function isSalutation(line: string): boolean {
  const l = line.trim();
  return l.length <= 60 && (SALUTATION_JA.test(l) || SALUTATION_EN.test(l));
}

export interface Opening {
  block: number;
  /** The first lines after the salutation, normalised. */
  normalized: string;
  /** Its first two sentences, normalised: where an apology would "open" the answer. */
  firstSentences: string[];
}

/** The opening of the answer: what the customer reads first, before any step or summary. */
export function openingOf(blocks: TextBlock[]): Opening | null {
  const lines: { block: number; text: string }[] = [];
  for (const b of blocks) {
    if (!['paragraph', 'quote', 'heading'].includes(b.type)) break;
    for (const line of b.normalized.split('\n')) {
      if (line.trim() && !isSalutation(line)) lines.push({ block: b.block, text: line.trim() });
    }
    if (lines.length >= 2) break;
  }
  if (!lines.length) return null;
  const opening = lines.slice(0, 2);
  const normalized = opening.map((l) => l.text).join('\n');
  const sentences = normalized.split(/(?<=[.!?。！？])\s*|\n/).filter((s) => s.trim());
  return { block: opening[0]!.block, normalized, firstSentences: sentences.slice(0, 2).map((s) => s.trim()) };
}
