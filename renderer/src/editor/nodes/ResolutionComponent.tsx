import { $getNodeByKey, type LexicalEditor } from 'lexical';
import { Trash2 } from 'lucide-react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../components';
import { $isResolutionNode } from './ResolutionNode';

/** The summary's controls: is it fully resolved (yes / not yet), and remove the block. */
export function ResolutionChrome({
  editor,
  nodeKey,
  fullyResolved,
  extras,
}: {
  editor: LexicalEditor;
  nodeKey: string;
  fullyResolved: boolean | null;
  extras: HTMLElement;
}) {
  const { t } = useTranslation('answers');
  const set = (value: boolean | null) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isResolutionNode(node)) node.setFullyResolved(value);
    });
  return createPortal(
    <div className="k-resolution__actions">
      <span className="k-resolution__question">{t('editor.resolution.fully')}</span>
      <div className="k-segmented" role="radiogroup" aria-label={t('editor.resolution.fully')}>
        {([true, false] as const).map((value) => (
          <button
            key={String(value)}
            type="button"
            role="radio"
            aria-checked={fullyResolved === value}
            className={fullyResolved === value ? 'is-on' : ''}
            onClick={() => set(fullyResolved === value ? null : value)}
          >
            {value ? t('editor.resolution.yes') : t('editor.resolution.notYet')}
          </button>
        ))}
      </div>
      <IconButton
        label={t('editor.resolution.remove')}
        icon={<Trash2 size={15} />}
        onClick={() => editor.update(() => $getNodeByKey(nodeKey)?.remove())}
      />
    </div>,
    extras,
  );
}
