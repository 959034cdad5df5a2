import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  useBasicTypeaheadTriggerMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { TextNode } from 'lexical';
import { TextQuote } from 'lucide-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/domain/answer';
import { normalizeForSearch } from '@shared/text/normalize';
import { blockActions, type BlockAction } from '../../actions';
import { INSERT_SNIPPET_COMMAND } from '../SnippetsPlugin';

// Type "/" (or the full-width "／" of a Japanese keyboard) to insert a block or a snippet: the
// menu filters as you type (/step, /手順, /まとめ), arrows choose, Enter inserts, Escape closes.

class SlashOption extends MenuOption {
  constructor(readonly action: BlockAction) {
    super(action.key);
    this.title = action.label;
  }
}

export function SlashMenuPlugin({
  pickImage,
  snippets,
  customerName,
}: {
  pickImage: () => void;
  snippets: Template[];
  customerName: string | null;
}) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation('answers');
  const [query, setQuery] = useState<string | null>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const trigger = useBasicTypeaheadTriggerMatch('/／', { minLength: 0, maxLength: 30 });

  const options = useMemo(() => {
    const actions: BlockAction[] = [
      ...blockActions(editor, t, pickImage),
      ...snippets.map((s) => ({
        key: `snippet-${s.id}`,
        label: t('editor.block.snippet', { name: s.name }),
        icon: <TextQuote size={16} />,
        keywords: [s.name, s.kind, 'snippet', 'template', '定型文', 'テンプレート'],
        run: () => editor.dispatchCommand(INSERT_SNIPPET_COMMAND, { template: s, customerName }),
      })),
    ];
    const q = normalizeForSearch(query ?? '').trim();
    return actions
      .filter((a) => !q || [a.label, ...a.keywords].some((w) => normalizeForSearch(w).includes(q)))
      .map((a) => new SlashOption(a));
  }, [editor, t, pickImage, snippets, customerName, query]);

  const onSelect = useCallback((option: SlashOption, textNode: TextNode | null, close: () => void) => {
    textNode?.remove();
    close();
    option.action.run();
  }, []);

  return (
    <LexicalTypeaheadMenuPlugin<SlashOption>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={onSelect}
      triggerFn={trigger}
      anchorClassName="k-slash-anchor"
      menuRenderFn={(anchorRef, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchorRef.current && options.length
          ? createPortal(
              <div className="k-slash" data-testid="slash-menu">
                <ul role="listbox" aria-label={t('editor.slashMenu')}>
                  {options.map((option, i) => (
                    <li
                      key={option.key}
                      ref={option.setRefElement}
                      role="option"
                      aria-selected={selectedIndex === i}
                      className={selectedIndex === i ? 'is-selected' : ''}
                      onMouseMove={(e) => {
                        // Only a pointer that really moves picks an item: a menu that opens
                        // under a resting pointer must not change what Enter inserts.
                        const last = pointer.current;
                        pointer.current = { x: e.screenX, y: e.screenY };
                        if (last && (last.x !== e.screenX || last.y !== e.screenY)) setHighlightedIndex(i);
                      }}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => selectOptionAndCleanUp(option)}
                    >
                      {option.action.icon}
                      <span>{option.action.label}</span>
                    </li>
                  ))}
                </ul>
              </div>,
              anchorRef.current,
            )
          : null
      }
    />
  );
}
