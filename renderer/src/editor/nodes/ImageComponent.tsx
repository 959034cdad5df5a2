import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { mediaUrl } from '../../api/client';

/** A stored picture in the editor: click to select it, Delete or Backspace to remove it. */
export default function ImageComponent({
  nodeKey,
  sha256,
  alt,
}: {
  nodeKey: string;
  sha256: string;
  alt: string;
}) {
  const [editor] = useLexicalComposerContext();
  const [selected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const ref = useRef<HTMLImageElement>(null);

  useEffect(() => {
    const remove = (event: KeyboardEvent) => {
      if (!selected) return false;
      event.preventDefault();
      editor.update(() => $getNodeByKey(nodeKey)?.remove());
      return true;
    };
    return mergeRegister(
      editor.registerCommand(
        CLICK_COMMAND,
        (event: MouseEvent) => {
          if (event.target !== ref.current) return false;
          if (!event.shiftKey) clearSelection();
          setSelected(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(KEY_DELETE_COMMAND, remove, COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_BACKSPACE_COMMAND, remove, COMMAND_PRIORITY_LOW),
    );
  }, [editor, nodeKey, selected, setSelected, clearSelection]);

  return (
    <img
      ref={ref}
      className={`k-image__img ${selected ? 'is-selected' : ''}`}
      src={mediaUrl(sha256)}
      alt={alt}
      draggable={false}
      data-testid="answer-image"
    />
  );
}
