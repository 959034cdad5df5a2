// File > Back up library (the Electron menu) asks the Settings screen's backup card to start, as
// if its button were pressed: the card may not be mounted yet when the menu command arrives.

let pending = false;
const listeners = new Set<() => void>();

export function requestBackup(): void {
  pending = true;
  for (const listener of listeners) listener();
}

/** Calls `start` now if a request is waiting, and for every later one; returns the unsubscribe. */
export function onBackupRequest(start: () => void): () => void {
  const listener = () => {
    if (!pending) return;
    pending = false;
    start();
  };
  listeners.add(listener);
  listener();
  return () => listeners.delete(listener);
}
