import { $getNodeByKey, type LexicalEditor } from 'lexical';
import { Plus, Trash2, X } from 'lucide-react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components';
import { $createEmptyOption, $isOptionsNode } from './OptionsNode';

/** The options block's own controls: add an option, remove the block. */
export function OptionsChrome({
  editor,
  nodeKey,
  extras,
}: {
  editor: LexicalEditor;
  nodeKey: string;
  extras: HTMLElement;
}) {
  const { t } = useTranslation('answers');
  return createPortal(
    <div className="k-options__actions">
      <Button
        size="sm"
        variant="ghost"
        icon={<Plus size={14} />}
        onClick={() =>
          editor.update(() => {
            const node = $getNodeByKey(nodeKey);
            if (!$isOptionsNode(node)) return;
            const option = $createEmptyOption();
            node.append(option);
            option.getFirstChild()?.selectStart();
          })
        }
      >
        {t('editor.options.add')}
      </Button>
      <IconButton
        label={t('editor.options.remove')}
        icon={<Trash2 size={15} />}
        onClick={() => editor.update(() => $getNodeByKey(nodeKey)?.remove())}
      />
    </div>,
    extras,
  );
}

/** One option's control: remove it (the block keeps at least one). */
export function OptionChrome({
  editor,
  nodeKey,
  extras,
}: {
  editor: LexicalEditor;
  nodeKey: string;
  extras: HTMLElement;
}) {
  const { t } = useTranslation('answers');
  return createPortal(
    <IconButton
      className="k-option__remove"
      label={t('editor.options.removeOne')}
      icon={<X size={14} />}
      onClick={() =>
        editor.update(() => {
          const node = $getNodeByKey(nodeKey);
          const parent = node?.getParent();
          if (node && parent && parent.getChildrenSize() > 1) node.remove();
        })
      }
    />,
    extras,
  );
}
