import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, COMMAND_PRIORITY_LOW, createCommand, type LexicalCommand } from 'lexical';
import { useEffect } from 'react';
import { $insertTopLevelBlock } from '../../blocks';
import { ResolutionChrome } from '../../nodes/ResolutionComponent';
import { $createEmptyResolution, $isResolutionNode, ResolutionNode } from '../../nodes/ResolutionNode';
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

export function ResolutionPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_RESOLUTION_COMMAND,
        () => {
          $insertResolution();
          return true;
        },
        COMMAND_PRIORITY_LOW,
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
