import { $createCodeNode } from '@lexical/code';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import {
  Code2,
  Columns2,
  Film,
  Heading2,
  Heading3,
  Image,
  List,
  ListOrdered,
  ListChecks,
  Pilcrow,
  Quote,
  Table,
  ClipboardCheck,
} from 'lucide-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { $selectAfter, $selectedPart, $topLevelOf } from './blocks';
import { INSERT_OPTIONS_COMMAND } from './plugins/OptionsPlugin';
import { INSERT_RESOLUTION_COMMAND } from './plugins/ResolutionPlugin';
import { INSERT_STEP_COMMAND } from './plugins/StepsPlugin';
import { INSERT_VIDEO_COMMAND } from './plugins/VideoPlugin';

// What the slash menu and the toolbar can insert or turn a block into, in one list so both offer
// the same things under the same names.

export interface BlockAction {
  key: string;
  label: string;
  icon: ReactNode;
  /** Words the slash menu matches besides the label, in both languages. */
  keywords: string[];
  run: () => void;
}

/** Standard blocks go next to our blocks, never inside one of their parts. */
function $leavePart(): void {
  const part = $selectedPart();
  if (!part) return;
  const top = $topLevelOf(part);
  if (top) $selectAfter(top);
}

function setBlock(editor: LexicalEditor, create: () => ElementNode) {
  editor.update(() => {
    $leavePart();
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, create);
  });
}

function dispatchOutside(editor: LexicalEditor, run: () => void) {
  editor.update(() => {
    $leavePart();
    run();
  });
}

export function blockActions(
  editor: LexicalEditor,
  t: TFunction<'answers'>,
  pickImage: () => void,
): BlockAction[] {
  const a = (key: string, icon: ReactNode, keywords: string[], run: () => void): BlockAction => ({
    key,
    label: t(`editor.block.${key}`),
    icon,
    keywords,
    run,
  });
  return [
    a('step', <ListChecks size={16} />, ['step', 'steps', '手順', 'てじゅん', 'tejun'], () =>
      editor.dispatchCommand(INSERT_STEP_COMMAND, undefined),
    ),
    a('options', <Columns2 size={16} />, ['options', 'choice', 'pros', 'cons', '選択肢', 'せんたくし'], () =>
      editor.dispatchCommand(INSERT_OPTIONS_COMMAND, undefined),
    ),
    a('resolution', <ClipboardCheck size={16} />, ['resolution', 'summary', 'まとめ', '解決'], () =>
      editor.dispatchCommand(INSERT_RESOLUTION_COMMAND, undefined),
    ),
    a(
      'image',
      <Image size={16} />,
      ['image', 'screenshot', 'picture', '画像', 'スクリーンショット'],
      pickImage,
    ),
    a('video', <Film size={16} />, ['video', 'clip', '動画', 'クリップ'], () =>
      editor.dispatchCommand(INSERT_VIDEO_COMMAND, undefined),
    ),
    a('paragraph', <Pilcrow size={16} />, ['text', 'paragraph', '本文', '段落'], () =>
      setBlock(editor, () => $createParagraphNode()),
    ),
    a('h2', <Heading2 size={16} />, ['heading', 'h2', '見出し'], () =>
      setBlock(editor, () => $createHeadingNode('h2')),
    ),
    a('h3', <Heading3 size={16} />, ['heading', 'h3', '小見出し'], () =>
      setBlock(editor, () => $createHeadingNode('h3')),
    ),
    a('bullet', <List size={16} />, ['list', 'bullet', '箇条書き', 'リスト'], () =>
      dispatchOutside(editor, () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)),
    ),
    a('number', <ListOrdered size={16} />, ['numbered', 'ordered', '番号'], () =>
      dispatchOutside(editor, () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)),
    ),
    a('quote', <Quote size={16} />, ['quote', '引用'], () => setBlock(editor, () => $createQuoteNode())),
    a('code', <Code2 size={16} />, ['code', 'コード'], () => setBlock(editor, () => $createCodeNode())),
    a('table', <Table size={16} />, ['table', '表', 'テーブル'], () =>
      dispatchOutside(editor, () =>
        editor.dispatchCommand(INSERT_TABLE_COMMAND, { columns: '3', rows: '3', includeHeaders: false }),
      ),
    ),
  ];
}
