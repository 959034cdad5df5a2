import {
  $createLineBreakNode,
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { BlockPartNode } from './nodes/BlockPartNode';
import { $isOptionNode, $isOptionsNode } from './nodes/OptionsNode';
import { $isResolutionNode } from './nodes/ResolutionNode';
import { $isStepNode } from './nodes/StepNode';

// Helpers shared by the block plugins. Our blocks are shadow roots (so Lexical does not merge
// them into their neighbours), which also means Lexical's own "top-level element" stops at them:
// these helpers go all the way up to the document root.

/** The child of the root that contains `node` (the node itself when it is one). */
export function $topLevelOf(node: LexicalNode): LexicalNode | null {
  let current: LexicalNode | null = node;
  while (current) {
    const parent: ElementNode | null = current.getParent();
    if ($isRootNode(parent)) return current;
    current = parent;
  }
  return null;
}

/** The top-level block the selection is in, or null (no selection, or the root itself). */
export function $selectedTopLevel(): LexicalNode | null {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) return $topLevelOf(selection.anchor.getNode());
  if ($isNodeSelection(selection)) {
    const [first] = selection.getNodes();
    return first ? $topLevelOf(first) : null;
  }
  return null;
}

export function $isKotaeBlock(node: LexicalNode | null | undefined): boolean {
  return $isStepNode(node) || $isOptionsNode(node) || $isResolutionNode(node);
}

/** The part (action, pros, a summary field…) the caret is in, or null. */
export function $selectedPart(): BlockPartNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  let node: LexicalNode | null = selection.anchor.getNode();
  while (node && !(node instanceof BlockPartNode)) node = node.getParent();
  return node;
}

/**
 * Puts a new block where the caret is: in place of an empty paragraph, else after the current
 * top-level block, else at the end; and leaves a paragraph after the last block to type on in.
 */
export function $insertTopLevelBlock(block: LexicalNode): void {
  const current = $selectedTopLevel();
  if (
    current &&
    $isParagraphNode(current) &&
    current.getTextContentSize() === 0 &&
    current.getChildrenSize() === 0
  )
    current.replace(block);
  else if (current) current.insertAfter(block);
  else $getRoot().append(block);
  if (block.getNextSibling() === null) block.insertAfter($createParagraphNode());
}

/** The paragraph after a block, made when there is none, with the caret at its start. */
export function $selectAfter(block: LexicalNode): void {
  const next = block.getNextSibling();
  if ($isParagraphNode(next) && next.getChildrenSize() === 0) {
    next.selectStart();
    return;
  }
  const paragraph = $createParagraphNode();
  block.insertAfter(paragraph);
  paragraph.selectStart();
}

export interface Slot {
  is: (node: LexicalNode) => boolean;
  create: () => ElementNode;
}

/**
 * Brings a container back to exactly its slots, in order (a step: action, expected). Runs as a
 * node transform after anything that broke the shape (a paste, a markdown shortcut, a delete
 * across blocks); text that landed in the wrong place goes into a slot, never away.
 * Writes nothing when the shape is right, so transforms do not loop.
 */
export function $normalizeSlots(container: ElementNode, slots: Slot[]): void {
  const found: (ElementNode | null)[] = slots.map(() => null);
  const strays: LexicalNode[] = [];
  for (const child of container.getChildren()) {
    const i = slots.findIndex((slot, index) => found[index] === null && slot.is(child));
    if (i >= 0) found[i] = child as ElementNode;
    else strays.push(child);
  }
  const inOrder = found.every((node, i) => node !== null && node.getIndexWithinParent() === i);
  if (!strays.length && inOrder) return;
  const missing = found.map((node) => node === null);
  const filled = found.map((node, i) => node ?? slots[i]!.create());
  const firstMissing = missing.indexOf(true);
  for (const stray of strays) {
    const target = filled[firstMissing >= 0 ? firstMissing : filled.length - 1]!;
    if ($isElementNode(stray) && !stray.isInline()) {
      const children = stray.getChildren();
      if (target.getChildrenSize() > 0 && children.length > 0) target.append($createLineBreakNode());
      target.append(...children);
      stray.remove();
    } else if ($isDecoratorNode(stray) && !stray.isInline()) {
      const top = $topLevelOf(container);
      if (top) top.insertAfter(stray);
      else stray.remove();
    } else target.append(stray);
  }
  for (const node of filled) container.append(node);
}

/** Options are a list of option nodes only: anything else moves out, after the block. */
export function $normalizeOptions(options: ElementNode): void {
  const strays = options.getChildren().filter((c) => !$isOptionNode(c));
  if (!strays.length) {
    if (options.getChildrenSize() === 0) options.remove();
    return;
  }
  let after: LexicalNode = $topLevelOf(options) ?? options;
  for (const stray of strays) {
    let block: LexicalNode = stray;
    if (!$isElementNode(stray) || stray.isInline()) {
      if (!$isDecoratorNode(stray) || stray.isInline()) block = $createParagraphNode().append(stray);
    }
    after.insertAfter(block);
    after = block;
  }
  if (options.getChildrenSize() === 0) options.remove();
}
