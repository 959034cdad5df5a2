import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortHash } from '../../../shared/faq/searchFormat';
import type { VendorSettings } from '../../../shared/domain/faq';

// The site theme (resources/faq-theme): the stylesheet and the bundled script, copied into every
// site, plus vendor.css made from the vendor's colour. Found by walking up from this module, which
// works from the sources (tsx, vitest), from the bundled main process and from inside app.asar.

export interface Theme {
  css: string;
  js: string;
  /** Changes whenever the theme files change, so pages that reference them are rewritten. */
  version: string;
}

export function findThemeDir(start = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'faq-theme');
    if (existsSync(path.join(candidate, 'site.css'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  const fromCwd = path.resolve('resources', 'faq-theme');
  if (existsSync(path.join(fromCwd, 'site.css'))) return fromCwd;
  throw new Error('the FAQ theme (resources/faq-theme) was not found');
}

export function loadTheme(dir = findThemeDir()): Theme {
  const css = readFileSync(path.join(dir, 'site.css'), 'utf8');
  const js = readFileSync(path.join(dir, 'site.js'), 'utf8');
  return { css, js, version: shortHash(css + js) };
}

function channel(hex: string, i: number): number {
  return parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
}

function luminance(hex: string): number {
  const [r, g, b] = [0, 1, 2].map((i) => {
    const c = channel(hex, i) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function mix(hex: string, with_: string, share: number): string {
  return `#${[0, 1, 2]
    .map((i) =>
      Math.round(channel(hex, i) * (1 - share) + channel(with_, i) * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * The vendor's colour as CSS variables: the colour itself, ink that reads on it, and a link colour
 * that keeps 4.5:1 contrast on the light and on the dark page (lightened or darkened as needed).
 */
export function vendorCss(vendor: Pick<VendorSettings, 'colour'>): string {
  const brand = /^#[0-9a-fA-F]{6}$/.test(vendor.colour) ? vendor.colour.toLowerCase() : '#2f6f5e';
  const ink = contrast(brand, '#ffffff') >= contrast(brand, '#1d2320') ? '#ffffff' : '#1d2320';
  let light = brand;
  for (let i = 1; i <= 10 && contrast(light, '#fbfbf9') < 4.5; i++) light = mix(brand, '#000000', i * 0.08);
  let dark = brand;
  for (let i = 1; i <= 10 && contrast(dark, '#141816') < 4.5; i++) dark = mix(brand, '#ffffff', i * 0.08);
  return `:root { --brand: ${brand}; --brand-ink: ${ink}; --brand-link: ${light}; }
@media (prefers-color-scheme: dark) { :root { --brand-link: ${dark}; } }
`;
}
