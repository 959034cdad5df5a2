import { useEffect, useRef, type MouseEvent, type SyntheticEvent } from 'react';

/**
 * A native <dialog> shown as a modal while `open`: Escape and a click on the backdrop (the dialog
 * element itself, outside its content) ask to close; the caller decides. Shared by Dialog and the
 * command palette, so both open, trap focus and close the same way.
 */
export function useModalDialog(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return {
    ref,
    onCancel: (e: SyntheticEvent<HTMLDialogElement>) => {
      e.preventDefault();
      onClose();
    },
    onClick: (e: MouseEvent<HTMLDialogElement>) => {
      if (e.target === ref.current) onClose();
    },
  };
}
