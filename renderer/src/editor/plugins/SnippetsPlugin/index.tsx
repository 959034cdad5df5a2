import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isRangeSelection,
  $parseSerializedNode,
  $setState,
  COMMAND_PRIORITY_LOW,
  createCommand,
  type LexicalCommand,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import type { Template } from '@shared/domain/answer';
import { $insertTopLevelBlock, $topLevelOf } from '../../blocks';
import { roleState } from '../../nodeState';
import { $isStepNode } from '../../nodes/StepNode';

// Snippets and templates (greeting, closing, common steps). A template body is plain text
// (paragraphs split on blank lines; {{name}} becomes the customer's name) or, for snippets saved
// from the editor, `{"nodes": [...]}`: whole blocks in the stored format, steps included.

export const INSERT_SNIPPET_COMMAND: LexicalCommand<{ template: Template; customerName: string | null }> =
  createCommand('INSERT_SNIPPET_COMMAND');

export function snippetNodes(body: string): SerializedLexicalNode[] | null {
  if (!body.trimStart().startsWith('{')) return null;
  try {
    const parsed = JSON.parse(body) as { nodes?: unknown };
    return Array.isArray(parsed.nodes) ? (parsed.nodes as SerializedLexicalNode[]) : null;
  } catch {
    return null;
  }
}

function $textBlocks(body: string, customerName: string | null): LexicalNode[] {
  const text = body.replace(/\{\{\s*name\s*\}\}/g, customerName ?? '');
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => {
      const paragraph = $createParagraphNode();
      p.split('\n').forEach((line, i) => {
        if (i > 0) paragraph.append($createLineBreakNode());
        if (line) paragraph.append($createTextNode(line));
      });
      return paragraph;
    });
}

function $renewIds(node: LexicalNode): void {
  if ($isStepNode(node)) node.renewId();
  if ($isElementNode(node)) node.getChildren().forEach($renewIds);
}

export function $insertSnippet(template: Template, customerName: string | null): void {
  const serialized = snippetNodes(template.body);
  const blocks = serialized
    ? serialized.map((json) => {
        const node = $parseSerializedNode(json);
        $renewIds(node);
        return $isElementNode(node) || $isDecoratorNode(node) ? node : $createParagraphNode().append(node);
      })
    : $textBlocks(template.body, customerName);
  // A greeting or closing speaks to this customer: the FAQ leaves it out (publicVersion.ts).
  const role = template.kind === 'greeting' || template.kind === 'closing' ? template.kind : null;
  for (const block of blocks) {
    if (role) $setState(block, roleState, role);
    $insertTopLevelBlock(block);
    block.selectEnd();
  }
}

function $toJSON(node: LexicalNode): SerializedLexicalNode {
  const json = node.exportJSON() as SerializedLexicalNode & { children?: SerializedLexicalNode[] };
  if ($isElementNode(node)) json.children = node.getChildren().map($toJSON);
  return json;
}

/** The whole blocks the selection touches, as a snippet body; null when nothing is selected. */
export function $selectionAsSnippet(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const blocks: LexicalNode[] = [];
  for (const node of selection.getNodes()) {
    const top = $topLevelOf(node);
    if (top && !blocks.some((b) => b.is(top))) blocks.push(top);
  }
  const withText = blocks.filter((b) => b.getTextContent().trim() || $isDecoratorNode(b));
  return withText.length ? JSON.stringify({ nodes: withText.map($toJSON) }) : null;
}

export function SnippetsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_SNIPPET_COMMAND,
        ({ template, customerName }) => {
          $insertSnippet(template, customerName);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
