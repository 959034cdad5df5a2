/** macOS uses Cmd where other systems use Ctrl; useHotkey's "mod" follows it. */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac');
}

const macKeys: Record<string, string> = { mod: '⌘', shift: '⇧', alt: '⌥', ctrl: '⌃' };
const otherKeys: Record<string, string> = { mod: 'Ctrl', shift: 'Shift', alt: 'Alt', ctrl: 'Ctrl' };

/**
 * How a useHotkey combo ("mod+shift+s") reads on this platform, as menus write it: "⌘⇧S" on macOS,
 * "Ctrl Shift S" elsewhere. One place, so a hint never shows a shortcut that does not work.
 */
export function shortcutLabel(combo: string, mac = isMacPlatform()): string {
  const parts = combo.split('+').map((p) => p.trim().toLowerCase());
  const key = parts.pop() ?? '';
  const names = mac ? macKeys : otherKeys;
  const mods = parts.map((p) => names[p] ?? p);
  const keyName = key.length === 1 ? key.toUpperCase() : key.charAt(0).toUpperCase() + key.slice(1);
  return mac ? [...mods, keyName].join('') : [...mods, keyName].join(' ');
}
