import { CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ImageNode } from './ImageNode';
import { OptionConsNode, OptionNode, OptionProsNode, OptionsNode, OptionTitleNode } from './OptionsNode';
import { ResolutionFieldNode, ResolutionNode } from './ResolutionNode';
import { StepActionNode, StepExpectedNode, StepNode } from './StepNode';
import { VideoNode } from './VideoNode';

/** Every node the answer editor knows, once: the stored format of shared/answers/document.ts. */
export const editorNodes: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  CodeNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  StepNode,
  StepActionNode,
  StepExpectedNode,
  OptionsNode,
  OptionNode,
  OptionTitleNode,
  OptionProsNode,
  OptionConsNode,
  ResolutionNode,
  ResolutionFieldNode,
  ImageNode,
  VideoNode,
];
