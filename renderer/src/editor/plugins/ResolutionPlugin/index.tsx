import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_TAB_COMMAND,
  type ElementNode,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import { $insertTopLevelBlock, $selectAfter, $selectedPart } from '../../blocks';
import { ResolutionChrome } from '../../nodes/ResolutionComponent';
import {
  $createEmptyResolution,
  $isResolutionFieldNode,
  $isResolutionNode,
  ResolutionNode,
} from '../../nodes/ResolutionNode';
import { useNodeChrome } from '../../useNodeChrome';

export const INSERT_RESOLUTION_COMMAND: LexicalCommand<void> = createCommand('INSERT_RESOLUTION_COMMAND');

/** One summary per answer: inserting again takes the caret to the one there is. */
export function $insertResolution(): void {
  const existing = $getRoot().getChildren().find($isResolutionNode);
  if (existing) {
    existing.getFirstDescendant()?.selectStart();
    return;
  }
  const resolution = $createEmptyResolution();
  $insertTopLevelBlock(resolution);
  resolution.getFirstChild()?.selectStart();
}

/**
 * Tab and Shift+Tab between the five fields, as in a form. Tab in the last field goes on to the
 * line after the summary (as Enter does); Shift+Tab in the first leaves the editor as usual.
 */
function $tab(backwards: boolean): boolean {
  const part = $selectedPart();
  if (!$isResolutionFieldNode(part)) return false;
  const sibling = (backwards ? part.getPreviousSibling() : part.getNextSibling()) as ElementNode | null;
  if (sibling) {
    sibling.selectEnd();
    return true;
  }
  if (backwards) return false;
  const block = part.getParent();
  if (!block) return false;
  $selectAfter(block);
  return true;
}

export function ResolutionPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_RESOLUTION_COMMAND,
          () => {
            $insertResolution();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            if (!$tab(event.shiftKey)) return false;
            event.preventDefault();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  const blocks = useNodeChrome(editor, ResolutionNode, ['.k-resolution__extras'], (node: ResolutionNode) =>
    node.getFullyResolved(),
  );
  return (
    <>
      {blocks.map(({ key, containers, data }) => (
        <ResolutionChrome
          key={key}
          editor={editor}
          nodeKey={key}
          fullyResolved={data}
          extras={containers[0]!}
        />
      ))}
    </>
  );
}
