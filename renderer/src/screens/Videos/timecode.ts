/** 75.25 -> "1:15.250"; the editor shows milliseconds because cuts are frame-exact. */
export function timecode(seconds: number, withMs = true): string {
  const safe = Math.max(0, seconds);
  const totalMs = Math.round(safe * 1000);
  const h = Math.floor(totalMs / 3_600_000);
  const m = Math.floor((totalMs % 3_600_000) / 60_000);
  const s = Math.floor((totalMs % 60_000) / 1000);
  const ms = totalMs % 1000;
  const head = h > 0 ? `${h}:${String(m).padStart(2, '0')}` : String(m);
  return `${head}:${String(s).padStart(2, '0')}${withMs ? `.${String(ms).padStart(3, '0')}` : ''}`;
}

/** Inputs that take no typed text: the editor's keys (Ctrl+Z, arrows) still belong to the editor there. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'image']);

/** Whether a key press belongs to a text field (then the editor's single-key shortcuts stay quiet). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement)
    return !NOT_TYPED.has(target.type) || !!target.closest('dialog[open]');
  return (
    target.isContentEditable ||
    ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('dialog[open]')
  );
}
