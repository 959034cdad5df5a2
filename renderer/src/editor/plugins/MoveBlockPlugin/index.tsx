import { DraggableBlockPlugin_EXPERIMENTAL } from '@lexical/react/LexicalDraggableBlockPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { GripVertical } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { $selectedTopLevel } from '../../blocks';

// Reordering: any block (steps above all) moves with Alt+↑ / Alt+↓, with the step's arrow buttons,
// or by dragging the handle that appears to its left. Steps renumber themselves (CSS counters).

export const MOVE_BLOCK_COMMAND: LexicalCommand<'up' | 'down'> = createCommand('MOVE_BLOCK_COMMAND');

export function $moveSelectedBlock(direction: 'up' | 'down'): boolean {
  const block = $selectedTopLevel();
  if (!block) return false;
  const neighbour = direction === 'up' ? block.getPreviousSibling() : block.getNextSibling();
  if (!neighbour) return true; // already first or last: nothing to do, but the key is ours
  if (direction === 'up') neighbour.insertBefore(block, false);
  else neighbour.insertAfter(block, false);
  return true;
}

/**
 * Lexical takes the caret from the DOM on 'selectionchange', which the browser fires some time after
 * the click that moved it; for a keydown it keeps the selection it had. So Alt+↓ pressed soon after a
 * click (a quick hand, a busy machine) moved the block the caret was in before. The DOM's caret is
 * the one the person sees: adopt it first.
 */
function $adoptCaretFromDom(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const caret = root?.ownerDocument.defaultView?.getSelection() ?? null;
  if (!root || !caret?.anchorNode || !root.contains(caret.anchorNode)) return;
  const fresh = $createRangeSelectionFromDom(caret, editor);
  if (fresh) $setSelection(fresh);
}

export function MoveBlockPlugin({ anchor }: { anchor: HTMLElement | null }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('answers');
  const menuRef = useRef<HTMLDivElement>(null);
  const lineRef = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          MOVE_BLOCK_COMMAND,
          (direction) => $moveSelectedBlock(direction),
          COMMAND_PRIORITY_LOW,
        ),
        ...(
          [
            [KEY_ARROW_UP_COMMAND, 'up'],
            [KEY_ARROW_DOWN_COMMAND, 'down'],
          ] as const
        ).map(([command, direction]) =>
          editor.registerCommand(
            command,
            (event: KeyboardEvent) => {
              if (!event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return false;
              event.preventDefault();
              $adoptCaretFromDom(editor);
              return $moveSelectedBlock(direction);
            },
            COMMAND_PRIORITY_LOW,
          ),
        ),
      ),
    [editor],
  );

  if (!anchor) return null;
  return (
    <DraggableBlockPlugin_EXPERIMENTAL
      anchorElem={anchor}
      menuRef={menuRef}
      targetLineRef={lineRef}
      menuComponent={
        <div ref={menuRef} className="k-drag-handle" title={t('editor.dragHandle')} aria-hidden>
          <GripVertical size={16} />
        </div>
      }
      targetLineComponent={<div ref={lineRef} className="k-drag-line" />}
      isOnMenu={(element) => Boolean(element.closest('.k-drag-handle'))}
    />
  );
}
