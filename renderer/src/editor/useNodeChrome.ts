import type { LexicalEditor, Klass, LexicalNode, NodeKey } from 'lexical';
import { $getNodeByKey } from 'lexical';
import { useEffect, useState } from 'react';

export interface NodeChrome<D> {
  key: NodeKey;
  /** The node's unmanaged containers (see chromeContainer), in the order of `selectors`. */
  containers: HTMLElement[];
  data: D;
}

/**
 * Where to render React chrome for every node of a class: its unmanaged DOM containers and the
 * node's data, kept current through Lexical's mutation listener (nodes created, changed, gone).
 */
export function useNodeChrome<T extends LexicalNode, D>(
  editor: LexicalEditor,
  klass: Klass<T>,
  selectors: string[],
  read: (node: T) => D,
): NodeChrome<D>[] {
  const [items, setItems] = useState<NodeChrome<D>[]>([]);
  useEffect(() => {
    const keys = new Set<NodeKey>();
    const refresh = () => {
      const next: NodeChrome<D>[] = [];
      editor.getEditorState().read(() => {
        for (const key of keys) {
          const node = $getNodeByKey(key);
          const dom = editor.getElementByKey(key);
          if (!(node instanceof klass) || !dom) continue;
          const containers = selectors.map((s) => dom.querySelector<HTMLElement>(`:scope > ${s}`));
          if (containers.some((c) => c === null)) continue;
          next.push({ key, containers: containers as HTMLElement[], data: read(node as T) });
        }
      });
      setItems(next);
    };
    return editor.registerMutationListener(klass, (mutations) => {
      for (const [key, mutation] of mutations) {
        if (mutation === 'destroyed') keys.delete(key);
        else keys.add(key);
      }
      refresh();
    });
    // The selectors and reader are fixed per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, klass]);
  return items;
}
