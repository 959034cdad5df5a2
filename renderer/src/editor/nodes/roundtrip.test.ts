import { $generateJSONFromSelectedNodes } from '@lexical/clipboard';
import { $createCodeNode } from '@lexical/code';
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
  $createTableNodeWithDimensions,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
} from '@lexical/table';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createRangeSelection,
  $createTabNode,
  $createTextNode,
  $getRoot,
  $setSelection,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { demoAnswers } from '../../../../resources/demo/answers';
import {
  documentOf,
  options,
  paragraph,
  resolution,
  step,
  type AnswerDocument,
} from '../../../../shared/answers/document';
import { documentNodeTypes } from '../../../../shared/answers/schema';
import { parseAnswerDocument, parseClipboardFragment } from '../../../../shared/answers/validate';
import { $createImageNode } from './ImageNode';
import { editorNodes } from './index';
import { $createEmptyOptions } from './OptionsNode';
import { $createEmptyResolution, $isResolutionNode } from './ResolutionNode';
import { $createEmptyStep, $isStepNode } from './StepNode';
import { $createVideoNode } from './VideoNode';

// The editor must read and write exactly the stored shapes of shared/answers/schema.ts: the bundle
// exporter, the FAQ and the checks read them without Lexical, and every door checks them.

function newEditor(): LexicalEditor {
  return createEditor({
    namespace: 'kotae-answer',
    nodes: editorNodes,
    onError: (e) => {
      throw e;
    },
  });
}

function roundTrip(doc: AnswerDocument): unknown {
  const editor = newEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
  return editor.getEditorState().toJSON();
}

const sha = 'a'.repeat(64);

/** One of every node the editor knows, made as the editor makes them, with their options set. */
function $everyNode(): void {
  const text = (s: string, format = 0) =>
    $createTextNode(s)
      .setFormat(format)
      .setStyle(format ? 'color: red' : '');
  const intro = $createParagraphNode().append(
    text('plain '),
    text('bold', 1),
    $createLineBreakNode(),
    $createTabNode(),
    $createLinkNode('https://example.com', { rel: 'noopener', target: '_blank', title: 'Example' }).append(
      text('a link'),
    ),
    $createAutoLinkNode('https://auto.example').append(text('https://auto.example')),
  );
  const emptyBold = $createParagraphNode();
  emptyBold.setTextFormat(1); // an emptied bold line keeps its format: textFormat on the element
  const headings = (['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((tag) =>
    $createHeadingNode(tag).append(text(tag)),
  );
  const quote = $createQuoteNode().append(text('quoted'));
  const nested = $createListNode('number', 3).append($createListItemNode().append(text('inner')));
  const lists = [
    $createListNode('bullet').append(
      $createListItemNode().append(text('one')),
      $createListItemNode().append(nested),
    ),
    $createListNode('check').append(
      $createListItemNode(true).append(text('done')),
      $createListItemNode(false).append(text('todo')),
    ),
  ];
  const code = $createCodeNode('javascript').append(
    text('let x = 1;'),
    $createLineBreakNode(),
    $createTabNode(),
    text('x++'),
  );
  const table = $createTableNodeWithDimensions(2, 3, true);
  if ($isTableNode(table)) {
    table.setColWidths([120, 80, 200]).setRowStriping(true).setFrozenColumns(1).setFrozenRows(1);
    const row = table.getFirstChild();
    if ($isTableRowNode(row)) {
      row.setHeight(40);
      const cell = row.getFirstChild();
      if ($isTableCellNode(cell))
        cell.setBackgroundColor('#ffeecc').setWidth(120).setVerticalAlign('middle').setColSpan(1);
    }
  }
  const verifiedStep = $createEmptyStep({
    stepId: 'step1',
    verified: { version: '4.2.1', at: '2026-11-23T09:00:00.000Z' },
    screenshot: { sha256: sha, ext: 'png', alt: 'Settings' },
    videoLink: { clipId: 3, timeS: 12.5 },
  });
  verifiedStep.getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().append(text('Open Settings'));
  const summary = $createEmptyResolution();
  if ($isResolutionNode(summary)) summary.setFullyResolved(true);
  $getRoot()
    .clear()
    .append(
      intro,
      emptyBold,
      ...headings,
      quote,
      ...lists,
      code,
      table,
      verifiedStep,
      $createEmptyStep({ failed: { version: '4.2.0', at: '2026-11-20T09:00:00.000Z' } }),
      $createEmptyOptions(),
      summary,
      $createImageNode({ sha256: sha, ext: 'webp', alt: 'A picture' }),
      $createVideoNode(7, 'The clip'),
      $createVideoNode(null, ''),
    );
}

function typesIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => typesIn(v, into));
  else if (value && typeof value === 'object') {
    const node = value as { type?: unknown; children?: unknown };
    if (typeof node.type === 'string') into.add(node.type);
    typesIn(node.children, into);
  }
  return into;
}

describe('editor nodes', () => {
  for (const answer of demoAnswers) {
    it(`read and write the demo answer “${answer.title}” unchanged`, () => {
      expect(roundTrip(answer.doc)).toEqual(answer.doc);
    });
  }

  it('keep every property of steps, images, videos, options and the summary', () => {
    const doc = documentOf([
      paragraph('Intro'),
      step('Do', 'See', {
        stepId: 's1',
        verified: { version: '4.2.1', at: '2026-11-23T09:00:00.000Z' },
        screenshot: { sha256: 'a'.repeat(64), ext: 'png', alt: 'shot' },
        videoLink: { clipId: 3, timeS: 12.5 },
        capabilityIds: [9, 12],
      }),
      options([
        { title: 'A', pros: 'p', cons: 'c' },
        { title: 'B', pros: 'p2', cons: 'c2' },
      ]),
      resolution({ cause: 'c', done: 'd', remains: 'r', resolved: 'y', prevention: 'p' }, false),
      { type: 'kotae-image', version: 1, sha256: 'b'.repeat(64), ext: 'jpg', alt: 'pic' },
      { type: 'kotae-video', version: 1, clipId: 7, title: 'Clip' },
    ]);
    expect(roundTrip(doc)).toEqual(doc);
  });
});

describe('the editor against the document schema', () => {
  it('the schema knows exactly the nodes the editor registers', () => {
    const registered = editorNodes.map((klass) => klass.getType());
    // Lexical's own nodes that every editor has, besides the root.
    const core = ['text', 'tab', 'linebreak', 'paragraph'];
    expect([...documentNodeTypes].sort()).toEqual([...registered, ...core].sort());
  });

  it('what exportJSON writes for every node parses with the schema, and the parse imports back', () => {
    const editor = newEditor();
    editor.update($everyNode, { discrete: true });
    const exported = editor.getEditorState().toJSON();
    // Every node type of the schema was made (so none goes untested).
    expect([...typesIn(exported.root)].filter((t) => t !== 'root').sort()).toEqual(
      [...documentNodeTypes].sort(),
    );

    const parsed = parseAnswerDocument(JSON.parse(JSON.stringify(exported)));
    expect(parsed.ok ? 'valid' : parsed.problem).toBe('valid');
    if (!parsed.ok) return;
    const again = newEditor();
    again.setEditorState(again.parseEditorState(JSON.stringify(parsed.doc)));
    expect(again.getEditorState().toJSON()).toEqual(exported);
  });

  it('the clipboard payload of a copy, whole blocks or part of a step, parses with the schema', () => {
    const editor = newEditor();
    editor.update($everyNode, { discrete: true });
    const copies: unknown[] = [];
    editor.update(
      () => {
        copies.push($generateJSONFromSelectedNodes(editor, null));
        // The caret's selection inside the first step's action: a part of a block.
        const step1 = $getRoot().getChildren().find($isStepNode)!;
        const action = step1
          .getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>()
          .getFirstDescendant()!;
        const selection = $createRangeSelection();
        selection.anchor.set(action.getKey(), 1, 'text');
        selection.focus.set(action.getKey(), 5, 'text');
        $setSelection(selection);
        copies.push($generateJSONFromSelectedNodes(editor, selection));
      },
      { discrete: true },
    );
    expect(JSON.stringify(copies[1])).toContain('"text":"pen "'); // "Open Settings", characters 1 to 5
    for (const copy of copies) {
      const parsed = parseClipboardFragment(JSON.parse(JSON.stringify(copy)));
      expect(parsed.ok ? 'valid' : parsed.problem).toBe('valid');
    }
  });
});
