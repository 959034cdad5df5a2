import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  CODE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
} from '@lexical/markdown';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { memo, useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { resolutionFields, type AnswerDocument } from '@shared/answers/document';
import { safeHref } from '@shared/answers/renderHtml';
import type { Template } from '@shared/domain/answer';
import type { SaveState } from './autosave';
import './editor.css';
import './blocks.css';
import './media-menus.css';
import { editorNodes } from './nodes';
import { AutosavePlugin, type EditorHandle } from './plugins/AutosavePlugin';
import { BlockKeysPlugin } from './plugins/BlockKeysPlugin';
import { ClipboardGuardPlugin } from './plugins/ClipboardGuardPlugin';
import { CustomerOnlyPlugin } from './plugins/CustomerOnlyPlugin';
import { ImagesPlugin, useStoreAndInsert } from './plugins/ImagesPlugin';
import { MoveBlockPlugin } from './plugins/MoveBlockPlugin';
import { OptionsPlugin } from './plugins/OptionsPlugin';
import { ResolutionPlugin } from './plugins/ResolutionPlugin';
import { SlashMenuPlugin } from './plugins/SlashMenuPlugin';
import { SnippetsPlugin } from './plugins/SnippetsPlugin';
import { StepsPlugin } from './plugins/StepsPlugin';
import { StructurePlugin } from './plugins/StructurePlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { VideoPlugin } from './plugins/VideoPlugin';
import { editorTheme, type EditorLabels } from './theme';
import { IMAGE_TYPES } from './images';

export type { EditorHandle } from './plugins/AutosavePlugin';

// Markdown shortcuts as people type them: "## " heading, "- " list, "1. " numbered list, "> " quote,
// "```" code, **bold**, *italic*, `code`, ~~strike~~, [text](https://…).
const markdown = [
  HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  CODE,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  ITALIC_STAR,
  STRIKETHROUGH,
  LINK,
];

// Module-level, so its identity never changes: LinkPlugin re-registers (and re-normalises every
// link) whenever validateUrl is a new function, which would turn each render into an update.
const isSafeUrl = (url: string) => safeHref(url) !== null;

function ImageFileInput({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const storeAndInsert = useStoreAndInsert();
  return (
    <input
      ref={inputRef}
      type="file"
      accept={IMAGE_TYPES.join(',')}
      multiple
      hidden
      data-testid="image-file-input"
      onChange={(e) => {
        storeAndInsert([...(e.target.files ?? [])]);
        e.target.value = '';
      }}
    />
  );
}

export interface AnswerEditorProps {
  initialDoc: AnswerDocument;
  language: 'ja' | 'en';
  snippets: Template[];
  customerName: string | null;
  save: (doc: AnswerDocument) => Promise<void>;
  onSaveState: (state: SaveState, error?: unknown) => void;
  onDocument: (doc: AnswerDocument) => void;
  handleRef: RefObject<EditorHandle | null>;
}

/**
 * The answer editor: Lexical with our step, options and summary blocks, saving as you type.
 * `initialDoc` is read once, when it mounts (the screen remounts it to load another document), so
 * a new document from the screen does not re-render the editor while the vendor types.
 */
export const AnswerEditor = memo(AnswerEditorView, (a, b) =>
  (Object.keys(a) as (keyof AnswerEditorProps)[]).every((k) => k === 'initialDoc' || a[k] === b[k]),
);

function AnswerEditorView(props: AnswerEditorProps) {
  const { t } = useTranslation('answers');
  const [anchor, setAnchor] = useState<HTMLDivElement | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pickImage = useCallback(() => fileInput.current?.click(), []);

  const labels: EditorLabels = useMemo(
    () => ({
      stepAction: t('editor.step.actionPlaceholder'),
      stepExpected: t('editor.step.expectedPlaceholder'),
      expectedLabel: t('doc.expected'),
      optionTitle: t('editor.options.titlePlaceholder'),
      pros: t('doc.pros'),
      cons: t('doc.cons'),
      optionsTitle: t('doc.options'),
      resolutionTitle: t('doc.resolution'),
      fields: Object.fromEntries(
        resolutionFields.map((f) => [f, t(`doc.field.${f}`)]),
      ) as EditorLabels['fields'],
    }),
    [t],
  );
  // The document is read once, when the editor mounts; the screen remounts it for another answer.
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'kotae-answer',
    nodes: editorNodes,
    theme: editorTheme(labels),
    editorState: JSON.stringify(props.initialDoc),
    onError: (error: Error) => {
      throw error;
    },
  }));

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="k-editor">
        <ToolbarPlugin
          pickImage={pickImage}
          snippets={props.snippets}
          language={props.language}
          customerName={props.customerName}
        />
        <div className="k-editor__scroller" ref={setAnchor}>
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="k-editor__content"
                aria-label={t('editor.label')}
                data-testid="answer-editor"
                spellCheck
              />
            }
            placeholder={<div className="k-editor__placeholder">{t('editor.placeholder')}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <ClipboardGuardPlugin />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <TablePlugin />
        <MarkdownShortcutPlugin transformers={markdown} />
        <StructurePlugin />
        <BlockKeysPlugin />
        <StepsPlugin />
        <OptionsPlugin />
        <ResolutionPlugin />
        <ImagesPlugin />
        <VideoPlugin />
        <SnippetsPlugin />
        <CustomerOnlyPlugin />
        <SlashMenuPlugin pickImage={pickImage} snippets={props.snippets} customerName={props.customerName} />
        <MoveBlockPlugin anchor={anchor} />
        <AutosavePlugin
          save={props.save}
          onState={props.onSaveState}
          onDocument={props.onDocument}
          handleRef={props.handleRef}
        />
        <ImageFileInput inputRef={fileInput} />
      </div>
    </LexicalComposer>
  );
}
