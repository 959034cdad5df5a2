import { createEditor, $getRoot, $createParagraphNode, $createTextNode, $createLineBreakNode, $createTabNode } from 'lexical';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createListNode, $createListItemNode } from '@lexical/list';
import { $createLinkNode, $createAutoLinkNode } from '@lexical/link';
import { $createCodeNode, $createCodeHighlightNode } from '@lexical/code';
import { $createTableNodeWithDimensions } from '@lexical/table';
import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { editorNodes } from './index';
import { CodeHighlightNode } from '@lexical/code';
it('dump', () => {
  const editor = createEditor({ nodes: [...editorNodes, CodeHighlightNode], onError: (e) => { throw e; } });
  editor.update(() => {
    const root = $getRoot();
    const p = $createParagraphNode();
    p.append($createTextNode('hi'), $createLineBreakNode(), $createTabNode());
    const link = $createLinkNode('https://x', { rel: 'noopener', target: '_blank', title: 't' });
    link.append($createTextNode('l'));
    const al = $createAutoLinkNode('https://y'); al.append($createTextNode('y'));
    p.append(link, al);
    const h = $createHeadingNode('h2'); h.append($createTextNode('H'));
    const q = $createQuoteNode(); q.append($createTextNode('Q'));
    const l = $createListNode('check'); const li = $createListItemNode(true); li.append($createTextNode('i')); l.append(li);
    const c = $createCodeNode('js'); c.append($createCodeHighlightNode('x', 'keyword'));
    const t = $createTableNodeWithDimensions(2, 2, true);
    root.append(p, h, q, l, c, t);
  }, { discrete: true });
  writeFileSync('/tmp/ds/dump.json', JSON.stringify(editor.getEditorState().toJSON(), null, 1));
});
