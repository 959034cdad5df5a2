import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { X } from 'lucide-react';
import type { Tone } from './Badge';

interface ToastItem {
  id: number;
  tone: Tone;
  message: ReactNode;
  action?: { label: string; run: () => void };
}

interface ToastApi {
  show(message: ReactNode, options?: { tone?: Tone; action?: ToastItem['action']; timeoutMs?: number }): void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

let nextId = 1;

/** Short confirmations ("Saved", "Imported 3 mails") with an optional action such as Undo. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show(message, options = {}) {
        const id = nextId++;
        setItems((list) => [
          ...list.slice(-3),
          {
            id,
            message,
            tone: options.tone ?? 'neutral',
            ...(options.action ? { action: options.action } : {}),
          },
        ]);
        window.setTimeout(() => dismiss(id), options.timeoutMs ?? 6000);
      },
    }),
    [dismiss],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="k-toasts" aria-live="polite">
        {items.map((item) => (
          <div key={item.id} className={`k-toast k-toast--${item.tone}`} role="status">
            <span>{item.message}</span>
            {item.action && (
              <button
                className="k-toast__action"
                onClick={() => {
                  item.action!.run();
                  dismiss(item.id);
                }}
              >
                {item.action.label}
              </button>
            )}
            <button className="k-toast__close" aria-label="×" onClick={() => dismiss(item.id)}>
              <X size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
