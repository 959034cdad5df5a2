import { describe, expect, it } from 'vitest';
import { shortcutLabel } from './shortcutLabel';

describe('shortcutLabel', () => {
  it('writes Ctrl and Shift out on Windows and Linux', () => {
    expect(shortcutLabel('mod+shift+s', false)).toBe('Ctrl Shift S');
    expect(shortcutLabel('mod+k', false)).toBe('Ctrl K');
  });
  it('uses the menu symbols on macOS', () => {
    expect(shortcutLabel('mod+shift+s', true)).toBe('⌘⇧S');
    expect(shortcutLabel('mod+/', true)).toBe('⌘/');
  });
  it('names a key longer than one letter with a capital', () => {
    expect(shortcutLabel('escape', false)).toBe('Escape');
  });
});
