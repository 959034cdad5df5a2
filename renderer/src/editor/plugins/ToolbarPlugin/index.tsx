import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { Bold, Code, Italic, Link2, Redo2, Undo2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/domain/answer';
import { safeHref } from '@shared/answers/renderHtml';
import { Button, Dialog, IconButton, TextField } from '../../../components';
import { blockActions } from '../../actions';
import { $selectedPart } from '../../blocks';
import { CustomerOnlyButton } from '../CustomerOnlyPlugin';
import { SnippetMenu } from '../SnippetsPlugin/SnippetMenu';

// The toolbar: undo and redo, text formats, links, and the same blocks the slash menu offers.

const formats: [TextFormatType, typeof Bold, string][] = [
  ['bold', Bold, 'Ctrl+B'],
  ['italic', Italic, 'Ctrl+I'],
  ['code', Code, ''],
];

export function ToolbarPlugin({
  pickImage,
  snippets,
  language,
  customerName,
}: {
  pickImage: () => void;
  snippets: Template[];
  language: 'ja' | 'en';
  customerName: string | null;
}) {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation(['answers', 'common']);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [active, setActive] = useState<Set<TextFormatType>>(new Set());
  const [inPart, setInPart] = useState(false);
  const [linkUrl, setLinkUrl] = useState<string | null>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (value) => {
            setCanUndo(value);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (value) => {
            setCanRedo(value);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerUpdateListener(({ editorState }) =>
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const next = new Set(formats.map(([f]) => f).filter((f) => selection.hasFormat(f)));
            setActive((prev) =>
              prev.size === next.size && [...next].every((f) => prev.has(f)) ? prev : next,
            );
            setInPart($selectedPart() !== null);
          }),
        ),
      ),
    [editor],
  );

  const actions = useMemo(() => blockActions(editor, t, pickImage), [editor, t, pickImage]);
  const byKey = (key: string) => actions.find((a) => a.key === key)!;

  const openLink = () => {
    const current = editor.getEditorState().read(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return '';
      const parent = selection.anchor.getNode().getParent();
      return $isLinkNode(parent) ? parent.getURL() : '';
    });
    setLinkUrl(current || 'https://');
  };
  const validLink = linkUrl !== null && safeHref(linkUrl) !== null;
  const closeLink = () => setLinkUrl(null);
  // Back to the text after the dialog, where the vendor was typing. A closing <dialog> gives focus
  // back to the button that opened it; the Dialog closes in its own effect, which (a child's)
  // runs before this one, so the editor takes focus last.
  const linkOpen = linkUrl !== null;
  const wasOpen = useRef(false);
  useEffect(() => {
    if (linkOpen) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      editor.focus();
    }
  }, [linkOpen, editor]);

  return (
    <div className="k-ed-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <IconButton
        label={t('editor.undo')}
        icon={<Undo2 size={16} />}
        disabled={!canUndo}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      />
      <IconButton
        label={t('editor.redo')}
        icon={<Redo2 size={16} />}
        disabled={!canRedo}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      />
      <span className="k-ed-toolbar__sep" />
      <select
        className="k-input k-select k-ed-toolbar__block"
        aria-label={t('editor.blockType')}
        value=""
        disabled={inPart}
        onChange={(e) => {
          if (e.target.value) byKey(e.target.value).run();
        }}
      >
        <option value="">{t('editor.blockType')}</option>
        {(['paragraph', 'h2', 'h3', 'quote', 'code', 'bullet', 'number'] as const).map((key) => (
          <option key={key} value={key}>
            {byKey(key).label}
          </option>
        ))}
      </select>
      <span className="k-ed-toolbar__sep" />
      {formats.map(([format, Icon, shortcut]) => (
        <IconButton
          key={format}
          label={`${t(`editor.format.${format}`)}${shortcut ? ` (${shortcut})` : ''}`}
          icon={<Icon size={16} />}
          aria-pressed={active.has(format)}
          className={active.has(format) ? 'is-on' : ''}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
        />
      ))}
      <IconButton label={t('editor.link')} icon={<Link2 size={16} />} onClick={openLink} />
      <span className="k-ed-toolbar__sep" />
      {(['step', 'options', 'resolution'] as const).map((key) => (
        <Button key={key} size="sm" variant="ghost" icon={byKey(key).icon} onClick={byKey(key).run}>
          {byKey(key).label}
        </Button>
      ))}
      {(['table', 'image', 'video'] as const).map((key) => (
        <IconButton key={key} label={byKey(key).label} icon={byKey(key).icon} onClick={byKey(key).run} />
      ))}
      <span className="k-ed-toolbar__sep" />
      <SnippetMenu snippets={snippets} language={language} customerName={customerName} />
      <CustomerOnlyButton />
      <Dialog
        open={linkUrl !== null}
        title={t('editor.link')}
        onClose={closeLink}
        footer={
          <>
            <Button
              onClick={() => {
                editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
                closeLink();
              }}
            >
              {t('editor.unlink')}
            </Button>
            <Button
              variant="primary"
              disabled={!validLink}
              onClick={() => {
                editor.dispatchCommand(TOGGLE_LINK_COMMAND, safeHref(linkUrl));
                closeLink();
              }}
            >
              {t('common:save')}
            </Button>
          </>
        }
      >
        <TextField
          label={t('editor.linkUrl')}
          value={linkUrl ?? ''}
          autoFocus
          onChange={(e) => setLinkUrl(e.target.value)}
          hint={validLink ? undefined : t('editor.linkHint')}
        />
      </Dialog>
    </div>
  );
}
