import {
  isElement,
  nodeText,
  resolutionFieldOf,
  resolutionFields,
  type DocNode,
  type ElementNode,
  type NodeOf,
  type ResolutionField,
  type ResolutionNode,
  type StepNode,
} from '../document';

// The parts of each block, read once for every output: the HTML components and the mail's text
// walk take the same parts, so they cannot disagree about what a block says or leaves out.

/** A block's part: an element among the block's children. */
export type BlockPart = Extract<DocNode, { children: unknown }>;
type Part = BlockPart | undefined;

function partOf(node: ElementNode, type: DocNode['type']): Part {
  return node.children.filter(isElement).find((c) => c.type === type);
}

export interface StepParts {
  action: Part;
  /** Only when it says something: an empty "Result" reads as "we forgot". */
  expected: Part;
}

export function stepParts(step: StepNode): StepParts {
  const expected = partOf(step, 'kotae-step-expected');
  return {
    action: partOf(step, 'kotae-step-action'),
    expected: expected && nodeText(expected).trim() ? expected : undefined,
  };
}

export interface OptionParts {
  title: Part;
  pros: Part;
  cons: Part;
}

export function optionParts(options: NodeOf<'kotae-options'>): OptionParts[] {
  return options.children.filter(isElement).map((option) => ({
    title: partOf(option, 'kotae-option-title'),
    pros: partOf(option, 'kotae-option-pros'),
    cons: partOf(option, 'kotae-option-cons'),
  }));
}

/**
 * The filled fields of a resolution summary, in the summary's order: the reader sees only what
 * was filled in, and a summary with nothing in it is left out altogether.
 */
export function resolutionRows(summary: ResolutionNode): { field: ResolutionField; node: BlockPart }[] {
  return resolutionFields.flatMap((field) => {
    const node = resolutionFieldOf(summary, field);
    return node && nodeText(node).trim() ? [{ field, node }] : [];
  });
}
