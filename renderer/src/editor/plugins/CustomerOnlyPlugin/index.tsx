import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getState,
  $setState,
  COMMAND_PRIORITY_LOW,
  createCommand,
  type LexicalCommand,
} from 'lexical';
import { UserLock } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../components';
import { $selectedTopLevel } from '../../blocks';
import { customerOnlyState, roleState } from '../../nodeState';

// "For this customer only" on any block (issue 16): the FAQ leaves such a block out of the public
// version of the answer. A toolbar toggle for the block the caret is in; marked blocks carry
// data-customer-only, which the stylesheet shows as a dashed margin with a label.

export const TOGGLE_CUSTOMER_ONLY_COMMAND: LexicalCommand<void> = createCommand(
  'TOGGLE_CUSTOMER_ONLY_COMMAND',
);

export function CustomerOnlyPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('answers');
  const label = t('editor.customerOnly.badge');
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          TOGGLE_CUSTOMER_ONLY_COMMAND,
          () => {
            const block = $selectedTopLevel();
            if (!block) return false;
            const on = $getState(block, customerOnlyState) || $getState(block, roleState) !== null;
            $setState(block, customerOnlyState, !on);
            if (on) $setState(block, roleState, null);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        // The mark on screen follows the state of every top-level block after each update.
        editor.registerUpdateListener(({ editorState }) =>
          editorState.read(() => {
            for (const block of $getRoot().getChildren()) {
              const el = editor.getElementByKey(block.getKey());
              if (!el) continue;
              const role = $getState(block, roleState);
              const on = $getState(block, customerOnlyState) || role !== null;
              // Touch the DOM only when the mark changes: this runs after every keystroke.
              const want = on ? (role ? t(`editor.customerOnly.${role}`) : label) : null;
              if (el.getAttribute('data-customer-only') === want) continue;
              if (want === null) el.removeAttribute('data-customer-only');
              else el.setAttribute('data-customer-only', want);
            }
          }),
        ),
      ),
    [editor, label, t],
  );
  return null;
}

/** The toolbar's toggle: pressed when the block the caret is in is for this customer only. */
export function CustomerOnlyButton() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('answers');
  const [pressed, setPressed] = useState(false);
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) =>
        editorState.read(() => {
          const block = $selectedTopLevel();
          setPressed(
            !!block && ($getState(block, customerOnlyState) || $getState(block, roleState) !== null),
          );
        }),
      ),
    [editor],
  );
  return (
    <IconButton
      label={t('editor.customerOnly.toggle')}
      icon={<UserLock size={16} />}
      aria-pressed={pressed}
      onClick={() => editor.dispatchCommand(TOGGLE_CUSTOMER_ONLY_COMMAND, undefined)}
    />
  );
}
