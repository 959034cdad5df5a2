import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clip, ClipEdit } from '@shared/domain/clip';
import { call } from '../../api/client';

const SAVE_DELAY_MS = 500;
const HISTORY = 100;

function editOf(clip: Clip): ClipEdit {
  return {
    title: clip.title,
    answerId: clip.answerId,
    segments: clip.segments,
    chapters: clip.chapters,
    captions: clip.captions,
    renderMode: clip.renderMode,
    options: clip.options,
    redactions: clip.redactions,
    zooms: clip.zooms,
  };
}

/**
 * The edit of one clip while the vendor works on it: every change is kept in an undo history and
 * saved shortly after (nothing is ever lost by switching clips or closing the window).
 */
export function useClipEditor(clip: Clip) {
  const [state, setState] = useState<{ edit: ClipEdit; past: ClipEdit[]; future: ClipEdit[] }>(() => ({
    edit: editOf(clip),
    past: [],
    future: [],
  }));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pending = useRef<ClipEdit | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const loaded = useRef(state.edit);
  const clipId = clip.id;

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    setSaving(true);
    try {
      await call('clips:update', { id: clipId, edit: next });
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }, [clipId]);

  // Every change (and every undo) is saved shortly after it is made.
  useEffect(() => {
    if (state.edit === loaded.current) return;
    pending.current = state.edit;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [state.edit, flush]);

  // Save what is pending when the editor goes away (another clip, another screen).
  useEffect(() => () => void flush(), [flush]);

  const change = useCallback((update: (current: ClipEdit) => ClipEdit) => {
    setState((s) => {
      const next = update(s.edit);
      if (next === s.edit) return s;
      return { edit: next, past: [...s.past.slice(-HISTORY + 1), s.edit], future: [] };
    });
  }, []);

  const undo = useCallback(() => {
    setState((s) =>
      s.past.length
        ? { edit: s.past[s.past.length - 1]!, past: s.past.slice(0, -1), future: [s.edit, ...s.future] }
        : s,
    );
  }, []);

  const redo = useCallback(() => {
    setState((s) =>
      s.future.length ? { edit: s.future[0]!, past: [...s.past, s.edit], future: s.future.slice(1) } : s,
    );
  }, []);

  return {
    edit: state.edit,
    change,
    undo,
    redo,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    saving,
    error,
    flush,
  };
}
