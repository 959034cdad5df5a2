import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { AnswerDocument } from '@shared/answers/document';
import { AutosaveQueue, type SaveState } from '../../autosave';

export interface EditorHandle {
  editor: LexicalEditor;
  /** Saves what is pending now (before a save point, a restore, leaving the answer). */
  flush: () => Promise<void>;
}

/** How long after the last change the checks and the reproduction panel see the new document. */
const DOCUMENT_SETTLE_MS = 250;

/**
 * Saves the document as it changes (AutosaveQueue: after a pause, at least once a second while
 * typing), and at once when the editor loses focus, the answer is left or the window closes.
 */
export function AutosavePlugin({
  save,
  onState,
  onDocument,
  handleRef,
}: {
  save: (doc: AnswerDocument) => Promise<void>;
  onState: (state: SaveState, error?: unknown) => void;
  onDocument: (doc: AnswerDocument) => void;
  handleRef: RefObject<EditorHandle | null>;
}): null {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ save, onState, onDocument });
  useLayoutEffect(() => {
    callbacks.current = { save, onState, onDocument };
  });

  useEffect(() => {
    // Lexical types its JSON as its own; the shapes are the schema's (editor/nodes/roundtrip.test.ts),
    // and answers:save checks every document it is sent.
    const current = () => editor.getEditorState().toJSON() as unknown as AnswerDocument;
    const queue = new AutosaveQueue<AnswerDocument>(
      (doc) => callbacks.current.save(doc),
      (state, error) => callbacks.current.onState(state, error),
    );
    handleRef.current = { editor, flush: () => queue.flush() };
    let settle: ReturnType<typeof setTimeout> | null = null;
    const flushQuietly = () => void queue.flush().catch(() => undefined);
    let edited = false;
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // only the selection moved
        if (prevEditorState.isEmpty()) return; // the document being loaded
        // Plugins starting up normalise the loaded document (tagged history-merge): not an edit.
        if (!edited && tags.has(HISTORY_MERGE_TAG)) return;
        edited = true;
        queue.changed(current);
        if (settle) clearTimeout(settle);
        settle = setTimeout(() => callbacks.current.onDocument(current()), DOCUMENT_SETTLE_MS);
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          flushQuietly();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    window.addEventListener('pagehide', flushQuietly);
    window.addEventListener('beforeunload', flushQuietly);
    return () => {
      unregister();
      window.removeEventListener('pagehide', flushQuietly);
      window.removeEventListener('beforeunload', flushQuietly);
      if (settle) clearTimeout(settle);
      flushQuietly();
      queue.dispose();
      if (handleRef.current?.editor === editor) handleRef.current = null;
    };
  }, [editor, handleRef]);
  return null;
}
