import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, createCommand, type LexicalCommand } from 'lexical';
import { useEffect } from 'react';
import { $insertTopLevelBlock } from '../../blocks';
import { OptionChrome, OptionsChrome } from '../../nodes/OptionsComponent';
import { $createEmptyOptions, OptionNode, OptionsNode } from '../../nodes/OptionsNode';
import { useNodeChrome } from '../../useNodeChrome';

export const INSERT_OPTIONS_COMMAND: LexicalCommand<void> = createCommand('INSERT_OPTIONS_COMMAND');

export function $insertOptions(): void {
  const options = $createEmptyOptions();
  $insertTopLevelBlock(options);
  options.getFirstDescendant()?.selectStart();
}

export function OptionsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_OPTIONS_COMMAND,
        () => {
          $insertOptions();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  const blocks = useNodeChrome(editor, OptionsNode, ['.k-options__extras'], () => null);
  const options = useNodeChrome(editor, OptionNode, ['.k-option__extras'], () => null);
  return (
    <>
      {blocks.map(({ key, containers }) => (
        <OptionsChrome key={key} editor={editor} nodeKey={key} extras={containers[0]!} />
      ))}
      {options.map(({ key, containers }) => (
        <OptionChrome key={key} editor={editor} nodeKey={key} extras={containers[0]!} />
      ))}
    </>
  );
}
