import { X } from 'lucide-react';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from './Button';
import { useModalDialog } from './useModalDialog';

/** A modal dialog on the native <dialog> element: focus trap, Escape and backdrop come for free. */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  width = 520,
  scrollableText = false,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
  /**
   * The body holds only text (no field or button): it takes focus itself so the keyboard can scroll
   * it (axe scrollable-region-focusable). Dialogs with fields leave it off, so the first field
   * keeps the focus the dialog gives.
   */
  scrollableText?: boolean;
}) {
  const { t } = useTranslation('common');
  const modal = useModalDialog(open, onClose);
  return (
    <dialog {...modal} className="k-dialog" style={{ width }}>
      {open && (
        <div className="k-dialog__inner">
          <div className="k-dialog__header">
            <h2>{title}</h2>
            <IconButton label={t('close')} icon={<X size={16} />} onClick={onClose} />
          </div>
          <div className="k-dialog__body" {...(scrollableText ? { tabIndex: 0 } : {})}>
            {children}
          </div>
          {footer && <div className="k-dialog__footer">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
