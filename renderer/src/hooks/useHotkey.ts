import { useEffect, useLayoutEffect, useRef } from 'react';

/** Mod means Cmd on macOS and Ctrl elsewhere, as in menus. */
export function matchesHotkey(event: KeyboardEvent, combo: string): boolean {
  const parts = combo.toLowerCase().split('+');
  const key = parts.pop();
  const isMac = navigator.platform.toLowerCase().includes('mac');
  const wantMod = parts.includes('mod');
  const mod = isMac ? event.metaKey : event.ctrlKey;
  return (
    event.key.toLowerCase() === key &&
    mod === wantMod &&
    event.shiftKey === parts.includes('shift') &&
    event.altKey === parts.includes('alt')
  );
}

/** Binds a global keyboard shortcut for as long as the component is mounted. */
export function useHotkey(combo: string, handler: (event: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (matchesHotkey(event, combo)) {
        event.preventDefault();
        ref.current(event);
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [combo, enabled]);
}
