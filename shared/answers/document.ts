import type { z } from 'zod';
import type * as schema from './schema';
import { resolutionFieldNames } from './schema';

// The answer document's types, inferred from its one definition (schema.ts), with builders for
// the demo library, tests and the CLI, and readers for search, the checks, bundles and the FAQ,
// which read documents without Lexical, as plain data.

import type { AnswerDocument } from './schema';
export type { AnswerDocument };
export type DocNode = z.infer<typeof schema.DocNode>;
export type DocNodeType = DocNode['type'];
/** A node of the given type: `NodeOf<'kotae-step'>`. */
export type NodeOf<T extends DocNodeType> = Extract<DocNode, { type: T }>;
/** The document's root, which holds the blocks. */
export type RootNode = AnswerDocument['root'];
/** A node or the root: what the readers walk. */
export type AnyNode = DocNode | RootNode;
/** A node with children (everything but text, tabs, line breaks, images and videos). */
export type ElementNode = Extract<AnyNode, { children: unknown }>;
export type TextNode = NodeOf<'text'>;
export type ImageNode = NodeOf<'kotae-image'>;
export type VideoNode = NodeOf<'kotae-video'>;
export type StepNode = NodeOf<'kotae-step'>;
export type ResolutionNode = NodeOf<'kotae-resolution'>;
export type StepVerification = z.infer<typeof schema.StepVerification>;
export type Screenshot = z.infer<typeof schema.Screenshot>;
export type ResolutionField = z.infer<typeof schema.ResolutionField>;
export const resolutionFields: readonly ResolutionField[] = resolutionFieldNames;

export function isElement<N extends AnyNode>(node: N): node is Extract<N, { children: unknown }> {
  return 'children' in node;
}

// ---- builders (demo library, tests, CLI) ----

const elementDefaults = { direction: 'ltr', format: '', indent: 0, version: 1 } as const;

export function text(value: string, format = 0): TextNode {
  return { type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 };
}

function inline(content: string | DocNode[]): DocNode[] {
  return typeof content === 'string' ? (content ? [text(content)] : []) : content;
}

export function paragraph(content: string | DocNode[] = ''): NodeOf<'paragraph'> {
  return { type: 'paragraph', children: inline(content), textFormat: 0, textStyle: '', ...elementDefaults };
}

export function link(url: string, content: string | DocNode[]): NodeOf<'link'> {
  return {
    type: 'link',
    url,
    rel: null,
    target: null,
    title: null,
    children: inline(content),
    ...elementDefaults,
  };
}

export function heading(tag: 'h1' | 'h2' | 'h3', content: string): NodeOf<'heading'> {
  return { type: 'heading', tag, children: inline(content), ...elementDefaults };
}

export function bulletList(items: string[]): NodeOf<'list'> {
  return {
    type: 'list',
    listType: 'bullet',
    start: 1,
    tag: 'ul',
    children: items.map((item, i) => ({
      type: 'listitem',
      value: i + 1,
      children: inline(item),
      ...elementDefaults,
    })),
    ...elementDefaults,
  };
}

export function step(
  action: string,
  expected: string,
  extra: Partial<
    Pick<StepNode, 'stepId' | 'verified' | 'failed' | 'screenshot' | 'videoLink' | 'capabilityIds'>
  > = {},
): StepNode {
  return {
    type: 'kotae-step',
    stepId: extra.stepId ?? Math.random().toString(36).slice(2, 10),
    verified: extra.verified ?? null,
    ...(extra.failed ? { failed: extra.failed } : {}),
    screenshot: extra.screenshot ?? null,
    videoLink: extra.videoLink ?? null,
    ...(extra.capabilityIds?.length ? { capabilityIds: extra.capabilityIds } : {}),
    children: [
      { type: 'kotae-step-action', children: inline(action), ...elementDefaults },
      { type: 'kotae-step-expected', children: inline(expected), ...elementDefaults },
    ],
    ...elementDefaults,
  };
}

export interface OptionInput {
  title: string;
  pros: string;
  cons: string;
}

export function options(list: OptionInput[]): NodeOf<'kotae-options'> {
  return {
    type: 'kotae-options',
    children: list.map((o) => ({
      type: 'kotae-option',
      children: [
        { type: 'kotae-option-title', children: inline(o.title), ...elementDefaults },
        { type: 'kotae-option-pros', children: inline(o.pros), ...elementDefaults },
        { type: 'kotae-option-cons', children: inline(o.cons), ...elementDefaults },
      ],
      ...elementDefaults,
    })),
    ...elementDefaults,
  };
}

export function resolution(
  fields: Record<ResolutionField, string>,
  fullyResolved: boolean | null,
): ResolutionNode {
  return {
    type: 'kotae-resolution',
    fullyResolved,
    children: resolutionFields.map((field) => ({
      type: 'kotae-resolution-field',
      field,
      children: inline(fields[field]),
      ...elementDefaults,
    })),
    ...elementDefaults,
  };
}

export function image(ref: { sha256: string; ext: ImageNode['ext'] }, alt: string): ImageNode {
  return { type: 'kotae-image', version: 1, sha256: ref.sha256, ext: ref.ext, alt };
}

export function video(clipId: number | null, title: string): VideoNode {
  return { type: 'kotae-video', version: 1, clipId, title };
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
  const walk = (node: AnyNode) => {
    if (node.type === 'text') current += node.text;
    else if (node.type === 'linebreak') current += '\n';
    else if (node.type === 'kotae-image') current += node.alt;
    if ('children' in node) {
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
  if (node.type === 'text') return node.text;
  if (node.type === 'linebreak') return '\n';
  return isElement(node) ? node.children.map(nodeText).join('') : '';
}

/** The field of a resolution summary, if it has it. */
export function resolutionFieldOf(
  summary: ResolutionNode,
  field: ResolutionField,
): NodeOf<'kotae-resolution-field'> | undefined {
  for (const child of summary.children)
    if (child.type === 'kotae-resolution-field' && child.field === field) return child;
  return undefined;
}

/** Depth-first list of every node of the given type. */
export function findNodes<T extends DocNodeType>(doc: AnswerDocument, type: T): NodeOf<T>[] {
  const found: NodeOf<T>[] = [];
  const walk = (node: AnyNode) => {
    // The union narrows on a literal, not on a type parameter: this is the one place that says so.
    if (node.type === type) found.push(node as NodeOf<T>);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(doc.root);
  return found;
}
