import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, createCommand, type LexicalCommand } from 'lexical';
import { useEffect } from 'react';
import { $insertTopLevelBlock } from '../../blocks';
import { $createVideoNode } from '../../nodes/VideoNode';

export const INSERT_VIDEO_COMMAND: LexicalCommand<void> = createCommand('INSERT_VIDEO_COMMAND');

export function VideoPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_VIDEO_COMMAND,
        () => {
          $insertTopLevelBlock($createVideoNode());
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
