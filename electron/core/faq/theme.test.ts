import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleFaqScript, output } from '../../../scripts/build-faq-theme.mjs';
import { findThemeDir, loadTheme, vendorCss } from './theme';

describe('FAQ theme', () => {
  it('ships the site script built from the current sources (run node scripts/build-faq-theme.mjs)', async () => {
    expect(readFileSync(output, 'utf8')).toBe(await bundleFaqScript());
  });

  it('is found from the service folder and loads', () => {
    const theme = loadTheme(findThemeDir());
    expect(theme.css).toContain('prefers-color-scheme: dark');
    expect(theme.js).toContain('kotaeSearch');
  });

  it("turns the vendor's colour into readable brand variables for light and dark pages", () => {
    expect(vendorCss({ colour: '#2F6F5E' })).toContain('--brand: #2f6f5e; --brand-ink: #ffffff');
    // A pale yellow needs dark ink on it and a darker shade for links on a light page.
    const pale = vendorCss({ colour: '#ffee88' });
    expect(pale).toContain('--brand-ink: #1d2320');
    const lightLink = /^:root \{[^}]*--brand-link: (#[0-9a-f]{6})/.exec(pale)![1];
    expect(lightLink).not.toBe('#ffee88');
    expect(pale).toContain('(prefers-color-scheme: dark) { :root { --brand-link: #ffee88; }');
    // Anything that is not a colour never reaches the CSS.
    expect(vendorCss({ colour: 'red;} body{display:none' })).toContain('--brand: #2f6f5e');
  });
});
