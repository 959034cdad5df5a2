import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  INSERT_PARAGRAPH_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  PASTE_COMMAND,
  type ElementNode,
} from 'lexical';
import { useEffect } from 'react';
import { $selectAfter, $selectedPart } from '../../blocks';
import type { BlockPartNode } from '../../nodes/BlockPartNode';
import { $isOptionNode } from '../../nodes/OptionsNode';
import { $isResolutionNode } from '../../nodes/ResolutionNode';
import { $createEmptyStep, $isStepActionNode, $isStepNode } from '../../nodes/StepNode';

// The keyboard inside our blocks, written the way one fills in a form: Enter goes to the next part
// (action → expected result → a new step), Backspace at the start of a part goes back to the
// previous one instead of merging them, and pasted text stays text inside the part.

const isEmpty = (node: ElementNode) => node.getTextContentSize() === 0 && node.getChildrenSize() === 0;

function atStart(part: BlockPartNode): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const { anchor } = selection;
  if (anchor.offset !== 0) return false;
  const node = anchor.getNode();
  return node.is(part) || (node.getPreviousSiblings().length === 0 && node.getParent()?.is(part) === true);
}

function atEnd(part: BlockPartNode): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const { anchor } = selection;
  const node = anchor.getNode();
  if (node.is(part)) return anchor.offset === part.getChildrenSize();
  return (
    node.getNextSiblings().length === 0 &&
    node.getParent()?.is(part) === true &&
    anchor.offset === node.getTextContentSize()
  );
}

function $enter(part: BlockPartNode): boolean {
  const block = part.getParent();
  if (!block) return false;
  if ($isStepNode(block)) {
    const [action, expected] = block.getChildren() as ElementNode[];
    // Enter on a step with nothing in it leaves the steps, as it leaves a list.
    if (action && expected && isEmpty(action) && isEmpty(expected)) {
      const paragraph = $createParagraphNode();
      block.replace(paragraph);
      paragraph.selectStart();
    } else if ($isStepActionNode(part)) {
      expected?.selectStart();
    } else {
      const next = $createEmptyStep();
      block.insertAfter(next);
      (next.getFirstChild() as ElementNode).selectStart();
    }
    return true;
  }
  const next = part.getNextSibling() as ElementNode | null;
  if (next) {
    next.selectStart();
    return true;
  }
  if ($isOptionNode(block)) {
    const nextOption = block.getNextSibling() as ElementNode | null;
    if (nextOption) (nextOption.getFirstChild() as ElementNode | null)?.selectStart();
    else $selectAfter(block.getParent() ?? block);
    return true;
  }
  if ($isResolutionNode(block)) {
    $selectAfter(block);
    return true;
  }
  return false;
}

function $backspace(part: BlockPartNode): boolean {
  if (!atStart(part)) return false;
  const block = part.getParent();
  const previous = part.getPreviousSibling() as ElementNode | null;
  if ($isStepNode(block) && $isStepActionNode(part)) {
    const expected = part.getNextSibling() as ElementNode | null;
    if (isEmpty(part) && (!expected || isEmpty(expected))) {
      const paragraph = $createParagraphNode();
      block.replace(paragraph);
      paragraph.selectStart();
    }
    return true;
  }
  if (previous) {
    previous.selectEnd();
    return true;
  }
  if ($isOptionNode(block)) {
    const options = block.getParent();
    const earlier = block.getPreviousSibling() as ElementNode | null;
    if (isEmpty(block) && options && options.getChildrenSize() > 2) {
      block.remove();
      (earlier?.getLastChild() as ElementNode | null)?.selectEnd();
    } else (earlier?.getLastChild() as ElementNode | null)?.selectEnd();
  }
  return true; // never merge a part into what is before its block
}

function $delete(part: BlockPartNode): boolean {
  if (!atEnd(part)) return false;
  const next = part.getNextSibling() as ElementNode | null;
  if (next) next.selectStart();
  return true;
}

export function BlockKeysPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_PARAGRAPH_COMMAND,
          () => {
            const part = $selectedPart();
            return part ? $enter(part) : false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_BACKSPACE_COMMAND,
          (event) => {
            const part = $selectedPart();
            if (!part || !$backspace(part)) return false;
            event?.preventDefault();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_DELETE_COMMAND,
          (event) => {
            const part = $selectedPart();
            if (!part || !$delete(part)) return false;
            event?.preventDefault();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        // Inside a part, pasted content is text (line breaks kept): a pasted page of HTML would
        // otherwise split the step apart.
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const part = $selectedPart();
            if (!part || !(event instanceof ClipboardEvent) || !event.clipboardData) return false;
            const types = event.clipboardData.types;
            if (types.includes('Files')) return false; // a screenshot: ImagesPlugin takes it
            const text = event.clipboardData.getData('text/plain');
            const selection = $getSelection();
            if (!text || !$isRangeSelection(selection)) return false;
            event.preventDefault();
            selection.insertRawText(text.replace(/\r\n?/g, '\n'));
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return null;
}
