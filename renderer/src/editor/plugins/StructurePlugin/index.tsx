import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $isElementNode,
  type Klass,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { resolutionFields } from '@shared/answers/document';
import { $normalizeOptions, $normalizeSlots } from '../../blocks';
import type { BlockPartNode } from '../../nodes/BlockPartNode';
import {
  OptionConsNode,
  OptionNode,
  OptionProsNode,
  OptionsNode,
  OptionTitleNode,
} from '../../nodes/OptionsNode';
import { $isResolutionFieldNode, ResolutionFieldNode, ResolutionNode } from '../../nodes/ResolutionNode';
import { StepActionNode, StepExpectedNode, StepNode } from '../../nodes/StepNode';

// Keeps our blocks in the shape the stored format promises (shared/answers/document.ts) whatever
// the editing did: a step is exactly [action, expected], an option [title, pros, cons], a summary
// its five fields; a part that ended up outside its block becomes a plain paragraph.

function slot<T extends LexicalNode>(klass: Klass<T>, create: () => T & BlockPartNode) {
  return { is: (n: LexicalNode) => n instanceof klass, create };
}

const stepSlots = [
  slot(StepActionNode, () => new StepActionNode()),
  slot(StepExpectedNode, () => new StepExpectedNode()),
];
const optionSlots = [
  slot(OptionTitleNode, () => new OptionTitleNode()),
  slot(OptionProsNode, () => new OptionProsNode()),
  slot(OptionConsNode, () => new OptionConsNode()),
];
const resolutionSlots = resolutionFields.map((field) => ({
  is: (n: LexicalNode) => $isResolutionFieldNode(n) && n.getField() === field,
  create: () => new ResolutionFieldNode(field),
}));

const partParents: [Klass<BlockPartNode>, Klass<LexicalNode>][] = [
  [StepActionNode, StepNode],
  [StepExpectedNode, StepNode],
  [OptionTitleNode, OptionNode],
  [OptionProsNode, OptionNode],
  [OptionConsNode, OptionNode],
  [ResolutionFieldNode, ResolutionNode],
];

export function StructurePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(StepNode, (node) => $normalizeSlots(node, stepSlots)),
        editor.registerNodeTransform(OptionNode, (node) => {
          if (!(node.getParent() instanceof OptionsNode)) {
            const paragraph = $createParagraphNode();
            for (const part of node.getChildren()) {
              if (!$isElementNode(part) || part.getChildrenSize() === 0) continue;
              if (paragraph.getChildrenSize() > 0) paragraph.append($createLineBreakNode());
              paragraph.append(...part.getChildren());
            }
            node.replace(paragraph);
            return;
          }
          $normalizeSlots(node, optionSlots);
        }),
        editor.registerNodeTransform(OptionsNode, (node) => $normalizeOptions(node)),
        editor.registerNodeTransform(ResolutionNode, (node) => $normalizeSlots(node, resolutionSlots)),
        ...partParents.map(([part, parent]) =>
          editor.registerNodeTransform(part, (node) => {
            if (node.getParent() instanceof parent) return;
            node.replace($createParagraphNode(), true);
          }),
        ),
      ),
    [editor],
  );
  return null;
}
