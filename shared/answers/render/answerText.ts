import type { Language } from '../../domain/common';
import { isElement, nodeText, type AnswerDocument, type DocNode, type ResolutionNode } from '../document';
import { answerState, type AnswerState } from '../state';
import { optionParts, resolutionRows, stepParts, type BlockPart } from './parts';
import { answerWords, type AnswerWords } from './words';

// The same answer as plain text, for the e-mail draft: the same block parts (parts.ts) and the
// same words (words.ts) as the HTML renderer, laid out as a careful writer lays out a mail in the
// answer's language (Japanese marks a heading with ■; English reads a "-" list, label first).

const text = (node: BlockPart | undefined) => (node ? nodeText(node).trim() : '');

/** The filled fields of a resolution summary as mail text, or '' when none is filled. */
export function resolutionText(
  summary: ResolutionNode,
  language: Language,
  words = answerWords(language),
): string {
  const lines = resolutionRows(summary).map(({ field, node }) => {
    const label = words(`field.${field}`);
    const body = text(node);
    if (language === 'ja') return `■ ${label}\n${body}`;
    // "Fully resolved? Yes." — a label that asks a question takes no colon after it.
    const separator = /[?？]$/.test(label) ? ' ' : ': ';
    return `- ${label}${separator}${body.replace(/\n/g, '\n  ')}`;
  });
  return lines.join(language === 'ja' ? '\n\n' : '\n');
}

/** The whole answer as text, block by block (one paragraph each), in document order. */
export function renderAnswerText(
  doc: AnswerDocument,
  language: Language,
  state: AnswerState = answerState(doc),
): string {
  const words = answerWords(language);
  return doc.root.children
    .map((node) => blockText(node, language, words, state))
    .filter((b) => b.trim() !== '')
    .join('\n\n');
}

function blockText(node: DocNode, language: Language, words: AnswerWords, state: AnswerState): string {
  switch (node.type) {
    case 'kotae-step': {
      const { action, expected } = stepParts(node);
      const lines = [`${state.stepNumbers.get(node) ?? ''}. ${text(action)}`];
      if (expected) lines.push(`   ${words('expected')} ${text(expected)}`);
      if (node.verified) lines.push(`   ${words('verified', { version: node.verified.version })}`);
      return lines.join('\n');
    }
    case 'kotae-options':
      return [
        words('options'),
        ...optionParts(node).map(
          (o) => `- ${text(o.title)}\n  ${words('pros')} ${text(o.pros)}\n  ${words('cons')} ${text(o.cons)}`,
        ),
      ].join('\n');
    case 'kotae-resolution': {
      const body = resolutionText(node, language, words);
      return body ? `${words('resolution')}\n${body}` : '';
    }
    case 'kotae-image':
      return node.alt;
    case 'kotae-video':
      return node.title;
    case 'list':
      return node.children
        .filter(isElement)
        .map((item, i) => `${node.listType === 'number' ? `${i + 1}.` : '-'} ${nodeText(item).trim()}`)
        .join('\n');
    default:
      return isElement(node) ? nodeText(node).trim() : '';
  }
}
