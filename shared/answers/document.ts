// The answer document as stored: Lexical's serialized editor state (JSON), with block nodes of our
// own for steps, options and the resolution summary. The editor (renderer/src/editor/nodes) reads
// and writes exactly these shapes; bundles, the FAQ, search and the answer checks read them here,
// without Lexical, so they stay plain data.

export interface SerializedBase {
  type: string;
  version: number;
}

export interface TextNode extends SerializedBase {
  type: 'text';
  text: string;
  /** Lexical's bit flags: 1 bold, 2 italic, 4 strikethrough, 8 underline, 16 code. */
  format: number;
  detail: number;
  mode: 'normal' | 'token' | 'segmented';
  style: string;
}

export interface ElementBase extends SerializedBase {
  children: DocNode[];
  direction: 'ltr' | 'rtl' | null;
  format: string | number;
  indent: number;
}

export interface ImageNode extends SerializedBase {
  type: 'kotae-image';
  sha256: string;
  ext: string;
  alt: string;
}

export interface VideoNode extends SerializedBase {
  type: 'kotae-video';
  clipId: number | null;
  title: string;
}

export interface StepVerification {
  version: string;
  at: string;
}

export interface StepNode extends ElementBase {
  type: 'kotae-step';
  /** Stable across reorders, so verification and video links follow the step. */
  stepId: string;
  verified: StepVerification | null;
  /** Reproduction found that the step did not work as written (with this version); cleared when verified. */
  failed?: StepVerification | null;
  screenshot: { sha256: string; ext: string; alt: string } | null;
  /** A moment in a clip that shows this step. */
  videoLink: { clipId: number; timeS: number } | null;
}

export type ResolutionField = 'cause' | 'done' | 'remains' | 'resolved' | 'prevention';
export const resolutionFields: readonly ResolutionField[] = [
  'cause',
  'done',
  'remains',
  'resolved',
  'prevention',
];

export interface ResolutionNode extends ElementBase {
  type: 'kotae-resolution';
  fullyResolved: boolean | null;
}

export type DocNode =
  TextNode | ElementBase | ImageNode | VideoNode | StepNode | ResolutionNode | SerializedBase;

export interface AnswerDocument {
  root: ElementBase & { type: 'root' };
}

export function isElement(node: DocNode): node is ElementBase {
  return Array.isArray((node as ElementBase).children);
}

// ---- builders (demo library, tests, CLI) ----

const elementDefaults = { direction: 'ltr' as const, format: '', indent: 0, version: 1 };

export function text(value: string, format = 0): TextNode {
  return { type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 };
}

function inline(content: string | DocNode[]): DocNode[] {
  return typeof content === 'string' ? (content ? [text(content)] : []) : content;
}

export function paragraph(content: string | DocNode[] = ''): ElementBase {
  return {
    type: 'paragraph',
    children: inline(content),
    textFormat: 0,
    textStyle: '',
    ...elementDefaults,
  } as ElementBase;
}

export function heading(tag: 'h1' | 'h2' | 'h3', content: string): ElementBase {
  return { type: 'heading', tag, children: inline(content), ...elementDefaults } as ElementBase;
}

export function bulletList(items: string[]): ElementBase {
  return {
    type: 'list',
    listType: 'bullet',
    start: 1,
    tag: 'ul',
    children: items.map(
      (item, i) =>
        ({
          type: 'listitem',
          value: i + 1,
          checked: undefined,
          children: inline(item),
          ...elementDefaults,
        }) as ElementBase,
    ),
    ...elementDefaults,
  } as ElementBase;
}

export function step(
  action: string,
  expected: string,
  extra: Partial<Pick<StepNode, 'stepId' | 'verified' | 'failed' | 'screenshot' | 'videoLink'>> = {},
): StepNode {
  return {
    type: 'kotae-step',
    stepId: extra.stepId ?? Math.random().toString(36).slice(2, 10),
    verified: extra.verified ?? null,
    ...(extra.failed ? { failed: extra.failed } : {}),
    screenshot: extra.screenshot ?? null,
    videoLink: extra.videoLink ?? null,
    children: [
      { type: 'kotae-step-action', children: inline(action), ...elementDefaults } as ElementBase,
      { type: 'kotae-step-expected', children: inline(expected), ...elementDefaults } as ElementBase,
    ],
    ...elementDefaults,
  };
}

export interface OptionInput {
  title: string;
  pros: string;
  cons: string;
}

export function options(list: OptionInput[]): ElementBase {
  return {
    type: 'kotae-options',
    children: list.map(
      (o) =>
        ({
          type: 'kotae-option',
          children: [
            { type: 'kotae-option-title', children: inline(o.title), ...elementDefaults },
            { type: 'kotae-option-pros', children: inline(o.pros), ...elementDefaults },
            { type: 'kotae-option-cons', children: inline(o.cons), ...elementDefaults },
          ],
          ...elementDefaults,
        }) as ElementBase,
    ),
    ...elementDefaults,
  } as ElementBase;
}

export function resolution(
  fields: Record<ResolutionField, string>,
  fullyResolved: boolean | null,
): ResolutionNode {
  return {
    type: 'kotae-resolution',
    fullyResolved,
    children: resolutionFields.map(
      (field) =>
        ({
          type: 'kotae-resolution-field',
          field,
          children: inline(fields[field]),
          ...elementDefaults,
        }) as ElementBase,
    ),
    ...elementDefaults,
  };
}

export function documentOf(blocks: DocNode[]): AnswerDocument {
  return { root: { type: 'root', children: blocks, ...elementDefaults } };
}

export function emptyDocument(): AnswerDocument {
  return documentOf([paragraph()]);
}

// ---- readers ----

const blockTypes = new Set([
  'paragraph',
  'heading',
  'quote',
  'code',
  'listitem',
  'kotae-step-action',
  'kotae-step-expected',
  'kotae-option-title',
  'kotae-option-pros',
  'kotae-option-cons',
  'kotae-resolution-field',
  'tablecell',
]);

/** The words of a document, one block per line: what search indexes and the checks read. */
export function plainText(doc: AnswerDocument): string {
  const lines: string[] = [];
  let current = '';
  const walk = (node: DocNode) => {
    if (node.type === 'text') current += (node as TextNode).text;
    else if (node.type === 'linebreak') current += '\n';
    else if (node.type === 'kotae-image') current += (node as ImageNode).alt;
    if (isElement(node)) {
      for (const child of node.children) walk(child);
      if (blockTypes.has(node.type) && current.trim()) {
        lines.push(current.trim());
        current = '';
      }
    }
  };
  walk(doc.root);
  if (current.trim()) lines.push(current.trim());
  return lines.join('\n');
}

/** Text of one element's subtree, without block breaks. */
export function nodeText(node: DocNode): string {
  if (node.type === 'text') return (node as TextNode).text;
  if (node.type === 'linebreak') return '\n';
  return isElement(node) ? node.children.map(nodeText).join('') : '';
}

/** Depth-first list of every node of the given type. */
export function findNodes<T extends DocNode>(doc: AnswerDocument, type: string): T[] {
  const found: T[] = [];
  const walk = (node: DocNode) => {
    if (node.type === type) found.push(node as T);
    if (isElement(node)) node.children.forEach(walk);
  };
  walk(doc.root);
  return found;
}
