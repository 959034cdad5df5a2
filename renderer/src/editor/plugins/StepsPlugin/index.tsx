import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $isElementNode,
  COMMAND_PRIORITY_LOW,
  createCommand,
  type LexicalCommand,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { $insertTopLevelBlock } from '../../blocks';
import { StepChrome } from '../../nodes/StepComponent';
import {
  $createEmptyStep,
  $isStepNode,
  StepNode,
  type StepNode as StepNodeType,
  type StepProps,
} from '../../nodes/StepNode';
import { useNodeChrome } from '../../useNodeChrome';

export const INSERT_STEP_COMMAND: LexicalCommand<void> = createCommand('INSERT_STEP_COMMAND');
/** Changes a step's own properties (verification, screenshot, video moment), found by its id. */
export const UPDATE_STEP_COMMAND: LexicalCommand<{
  stepId: string;
  patch: Partial<Omit<StepProps, 'stepId'>>;
}> = createCommand('UPDATE_STEP_COMMAND');

export function $findStep(stepId: string): StepNodeType | null {
  const walk = (node: LexicalNode): StepNodeType | null => {
    if ($isStepNode(node)) return node.props().stepId === stepId ? node : null;
    if (!$isElementNode(node)) return null;
    for (const child of node.getChildren()) {
      const found = walk(child);
      if (found) return found;
    }
    return null;
  };
  return walk($getRoot());
}

export function $insertStep(): void {
  const step = $createEmptyStep();
  $insertTopLevelBlock(step);
  step.getFirstChild()?.selectStart();
}

export function StepsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_STEP_COMMAND,
          () => {
            $insertStep();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          UPDATE_STEP_COMMAND,
          ({ stepId, patch }) => {
            const step = $findStep(stepId);
            if (!step) return false;
            step.setProps(patch);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  const steps = useNodeChrome(
    editor,
    StepNode,
    ['.k-step__gutter', '.k-step__extras'],
    (node: StepNodeType) => node.props(),
  );
  return (
    <>
      {steps.map(({ key, containers, data }) => (
        <StepChrome
          key={key}
          editor={editor}
          nodeKey={key}
          data={data}
          gutter={containers[0]!}
          extras={containers[1]!}
        />
      ))}
    </>
  );
}
