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
import { documentError, snippetBody, type Snippet } from '@shared/answers/validate';
import type { Template } from '@shared/domain/answer';
import { useToast } from '../../../components';
import { ErrorText } from '../../ErrorText';
import { $insertTopLevelBlock, $topLevelOf } from '../../blocks';
import { roleState } from '../../nodeState';
import { $isStepNode } from '../../nodes/StepNode';

// Snippets and templates (greeting, closing, common steps). A template body is plain text
// (paragraphs split on blank lines; {{name}} becomes the customer's name) or, for snippets saved
// from the editor, `{"nodes": [...]}`: whole blocks in the stored format, steps included, checked
// against the document schema (shared/answers/validate.ts snippetBody) before they are inserted.

export const INSERT_SNIPPET_COMMAND: LexicalCommand<{ template: Template; customerName: string | null }> =
  createCommand('INSERT_SNIPPET_COMMAND');

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

/** Inserts checked snippet blocks, or the template's text. */
export function $insertSnippet(
  template: Template,
  nodes: Snippet['nodes'] | null,
  customerName: string | null,
): void {
  const blocks = nodes
    ? nodes.map((json) => {
        // The schema's nodes are what exportJSON writes (roundtrip.test.ts), in Lexical's own types.
        const node = $parseSerializedNode(json as SerializedLexicalNode);
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
  const toast = useToast();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_SNIPPET_COMMAND,
        ({ template, customerName }) => {
          const body = snippetBody(template.body);
          if (body.kind === 'invalid') {
            const error = documentError(body.problem, { messageKey: 'answers:editor.snippets.refused' });
            toast.show(<ErrorText error={error.toJSON()} />, { tone: 'danger' });
            return true;
          }
          $insertSnippet(template, body.kind === 'nodes' ? body.nodes : null, customerName);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, toast],
  );
  return null;
}
