import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  createCommand,
  DROP_COMMAND,
  PASTE_COMMAND,
  type LexicalCommand,
  type NodeKey,
} from 'lexical';
import { useCallback, useEffect } from 'react';
import { useToast } from '../../../components';
import { $insertTopLevelBlock, $selectedTopLevel } from '../../blocks';
import { ErrorText } from '../../ErrorText';
import { imageFiles, storeImageFile } from '../../images';
import { $createImageNode, type ImageProps } from '../../nodes/ImageNode';
import { $isStepNode } from '../../nodes/StepNode';

// Screenshots: pasted (Ctrl+V after a screen capture), dropped or chosen with the toolbar. The
// bytes go to the library's media folder (content-addressed); the document keeps the hash. In a
// step without a screenshot the picture becomes the step's screenshot, elsewhere a picture block.

export const INSERT_IMAGE_COMMAND: LexicalCommand<{ image: ImageProps; near: NodeKey | null }> =
  createCommand('INSERT_IMAGE_COMMAND');

function $placeImage(image: ImageProps, near: NodeKey | null): void {
  const target = near ? $getNodeByKey(near) : $selectedTopLevel();
  if ($isStepNode(target) && target.props().screenshot === null) {
    target.setProps({ screenshot: image });
    return;
  }
  if (target && target.isAttached()) target.selectEnd();
  $insertTopLevelBlock($createImageNode(image));
}

/** Stores files and puts them into the document; returns at once (the UI stays responsive). */
export function useStoreAndInsert() {
  const [editor] = useLexicalComposerContext();
  const toast = useToast();
  return useCallback(
    (files: File[]) => {
      const near = editor.getEditorState().read(() => $selectedTopLevel()?.getKey() ?? null);
      void (async () => {
        for (const file of files) {
          try {
            const stored = await storeImageFile(file);
            editor.dispatchCommand(INSERT_IMAGE_COMMAND, {
              image: { sha256: stored.sha256, ext: stored.ext, alt: file.name || 'screenshot' },
              near,
            });
          } catch (err) {
            toast.show(<ErrorText error={err} />, { tone: 'danger' });
          }
        }
      })();
    },
    [editor, toast],
  );
}

export function ImagesPlugin() {
  const [editor] = useLexicalComposerContext();
  const storeAndInsert = useStoreAndInsert();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_IMAGE_COMMAND,
          ({ image, near }) => {
            $placeImage(image, near);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const files = event instanceof ClipboardEvent ? imageFiles(event.clipboardData) : [];
            if (!files.length) return false;
            event.preventDefault();
            storeAndInsert(files);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const files = imageFiles(event.dataTransfer);
            if (!files.length) return false;
            event.preventDefault();
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            storeAndInsert(files);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, storeAndInsert],
  );
  return null;
}
