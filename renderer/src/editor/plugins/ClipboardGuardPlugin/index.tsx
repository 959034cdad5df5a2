import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_CRITICAL, DROP_COMMAND, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { documentError, parseClipboardFragment, type DocumentProblem } from '@shared/answers/validate';
import { useToast } from '../../../components';
import { ErrorText } from '../../ErrorText';

// Lexical clipboard data (`application/x-lexical-editor`) is imported node by node through each
// node's importJSON, and any web page can put it on the clipboard or into a drag (issue 15: an
// image whose `ext` named the library database arrived this way). A payload Lexical would import,
// one in this editor's namespace, is checked against the document schema first; one that fails is
// refused whole, with a toast naming the node, and the document stays as it was.

export const LEXICAL_CLIPBOARD_TYPE = 'application/x-lexical-editor';

/** The problem with the Lexical data in a transfer that this editor would import, or null. */
export function clipboardProblem(data: DataTransfer | null, editor: LexicalEditor): DocumentProblem | null {
  const text = data?.getData(LEXICAL_CLIPBOARD_TYPE);
  if (!text) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return null; // Lexical cannot read it either, and falls back to the HTML or text beside it
  }
  const namespace = (payload as { namespace?: unknown } | null)?.namespace;
  if (namespace !== editor._config.namespace) return null; // another editor's: Lexical ignores it
  const checked = parseClipboardFragment(payload);
  return checked.ok ? null : checked.problem;
}

export function ClipboardGuardPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const toast = useToast();
  useEffect(() => {
    const guard = (data: DataTransfer | null, event: Event): boolean => {
      const problem = clipboardProblem(data, editor);
      if (!problem) return false;
      event.preventDefault();
      const error = documentError(problem, { messageKey: 'answers:editor.pasteRefused' }).toJSON();
      toast.show(<ErrorText error={error} />, { tone: 'danger' });
      return true;
    };
    return mergeRegister(
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => (event instanceof ClipboardEvent ? guard(event.clipboardData, event) : false),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => guard(event.dataTransfer, event),
        COMMAND_PRIORITY_CRITICAL,
      ),
    );
  }, [editor, toast]);
  return null;
}
