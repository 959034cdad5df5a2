import { tokenize, TokenType, type CSSToken } from '@csstools/css-tokenizer';

// The style attribute of mail HTML (issue 15). Deny-listing strings ("url(") lost to CSS escapes:
// `\75 rl(`, `u\rl(`, `u/**/rl(` and `image-set(` all loaded from the sender's server, and only the
// CSP stopped them. So the value is read by a CSS Syntax Level 3 tokeniser (escapes and comments
// resolved exactly as a browser resolves them) and rebuilt from scratch out of an allow-list:
// formatting properties only, values made of keywords, numbers with plain units, hex colours,
// quoted font names and the rgb()/hsl() colour functions, nothing else. The rebuilt text holds no
// backslash, no comment and no function but those, so there is nothing left to re-read differently.
// The tokeniser is linear in its input; so is everything here.

/** Properties that only format text and boxes; none takes an image, a URL or a custom property. */
const PROPERTIES = new Set([
  'color', 'background-color', 'background', 'opacity', 'visibility', 'display',
  'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant',
  'line-height', 'letter-spacing', 'word-spacing', 'text-align', 'text-indent', 'text-transform',
  'text-decoration', 'text-decoration-line', 'text-decoration-color', 'text-decoration-style',
  'white-space', 'word-break', 'word-wrap', 'overflow-wrap', 'vertical-align', 'direction',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left',
  'border-width', 'border-style', 'border-color', 'border-radius', 'border-collapse', 'border-spacing',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'width', 'height', 'min-width', 'max-width', 'min-height', 'max-height',
  'list-style-type', 'list-style-position', 'table-layout', 'caption-side', 'empty-cells',
  'float', 'clear', 'overflow',
]);

/** Properties whose values name fonts, which may be quoted or in any script (ＭＳ Ｐゴシック). */
const FONT_PROPERTIES = new Set(['font', 'font-family']);

const UNITS = new Set(['px', 'em', 'rem', 'ex', 'ch', 'pt', 'pc', 'cm', 'mm', 'in', 'q', 'vw', 'vh', 'vmin', 'vmax', 'deg']);
const COLOUR_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla']);
const KEYWORD = /^-?[a-z][a-z0-9-]*$/i;
/** A font name: letters and digits of any script, spaces, dots, hyphens (no quote, no backslash). */
const FONT_NAME = /^[\p{L}\p{N}\p{M} ._-]{1,100}$/u;
const FONT_WORD = /^[\p{L}_][\p{L}\p{N}\p{M}_-]{0,99}$/u;
const HEX_COLOUR = /^([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const MAX_STYLE_CHARS = 20_000;

const number = (value: number) => String(Object.is(value, -0) ? 0 : value);

/** The clean text of one value token, or null when the token may not appear. */
function valueToken(token: CSSToken, font: boolean, inFunction: boolean): string | null {
  switch (token[0]) {
    case TokenType.Whitespace:
    case TokenType.Comment: // a comment separates tokens like a space does
      return ' ';
    case TokenType.Comma:
      return ',';
    case TokenType.Number:
      return number(token[4].value);
    case TokenType.Percentage:
      return `${number(token[4].value)}%`;
    case TokenType.Dimension: {
      const unit = token[4].unit.toLowerCase();
      return UNITS.has(unit) && (unit !== 'deg' || inFunction) ? `${number(token[4].value)}${unit}` : null;
    }
    case TokenType.Delim:
      return token[4].value === '/' ? '/' : null;
    case TokenType.Hash:
      return !inFunction && HEX_COLOUR.test(token[4].value) ? `#${token[4].value}` : null;
    case TokenType.Ident: {
      const word = token[4].value;
      if (inFunction) return word.toLowerCase() === 'none' ? 'none' : null;
      if (KEYWORD.test(word)) return word;
      return font && FONT_WORD.test(word) ? word : null;
    }
    case TokenType.String:
      return font && !inFunction && FONT_NAME.test(token[4].value) ? `"${token[4].value}"` : null;
    default:
      // Functions other than colours, url(…), bad urls and strings, at-keywords, blocks, CDO/CDC.
      return null;
  }
}

/** The clean value, or null when any token of it is not allowed. `!important` is dropped. */
function cleanValue(tokens: CSSToken[], font: boolean): string | null {
  let out = '';
  let inFunction = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token[0] === TokenType.Delim && token[4].value === '!') {
      const rest = tokens.slice(i + 1).filter((t) => t[0] !== TokenType.Whitespace && t[0] !== TokenType.Comment);
      if (rest.length === 1 && rest[0]![0] === TokenType.Ident && rest[0]![4].value.toLowerCase() === 'important') break;
      return null;
    }
    if (token[0] === TokenType.Function) {
      const name = token[4].value.toLowerCase();
      if (inFunction || !COLOUR_FUNCTIONS.has(name)) return null;
      inFunction = true;
      out += `${name}(`;
      continue;
    }
    if (token[0] === TokenType.CloseParen && inFunction) {
      inFunction = false;
      out += ')';
      continue;
    }
    const text = valueToken(token, font, inFunction);
    if (text === null) return null;
    out += text;
  }
  if (inFunction) return null;
  const value = out.replace(/ {2,}/g, ' ').trim();
  return value === '' ? null : value;
}

/** Splits tokens at the semicolons that end declarations (not those inside a function or block). */
function declarations(tokens: CSSToken[]): CSSToken[][] {
  const out: CSSToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    const type = token[0];
    if (type === TokenType.EOF) break;
    if (type === TokenType.Function || type === TokenType.OpenParen || type === TokenType.OpenSquare || type === TokenType.OpenCurly) depth++;
    else if ((type === TokenType.CloseParen || type === TokenType.CloseSquare || type === TokenType.CloseCurly) && depth > 0) depth--;
    if (type === TokenType.Semicolon && depth === 0) out.push([]);
    else out.at(-1)!.push(token);
  }
  return out;
}

/**
 * The style attribute rebuilt from the allowed declarations ("color: red; margin: 0 4px"), or ''
 * when none is left. Anything that could load, run or escape is gone, with its whole declaration.
 */
export function cleanInlineStyle(style: string): string {
  if (style.length > MAX_STYLE_CHARS) return '';
  const kept: string[] = [];
  for (const declaration of declarations(tokenize({ css: style }))) {
    const significant = (t: CSSToken) => t[0] !== TokenType.Whitespace && t[0] !== TokenType.Comment;
    const start = declaration.findIndex(significant);
    if (start < 0) continue;
    const name = declaration[start]!;
    if (name[0] !== TokenType.Ident) continue;
    const property = name[4].value.toLowerCase();
    if (!PROPERTIES.has(property)) continue;
    const colon = declaration.findIndex((t, i) => i > start && significant(t));
    if (colon < 0 || declaration[colon]![0] !== TokenType.Colon) continue;
    const value = cleanValue(declaration.slice(colon + 1), FONT_PROPERTIES.has(property));
    if (value !== null) kept.push(`${property}: ${value}`);
  }
  const result = kept.join('; ');
  return isInert(result) ? result : '';
}

/** Belt and braces: the rebuilt text, read again, has no URL, no at-rule and no other function. */
function isInert(css: string): boolean {
  return tokenize({ css }).every((t) => {
    if (t[0] === TokenType.URL || t[0] === TokenType.BadURL || t[0] === TokenType.AtKeyword) return false;
    return t[0] !== TokenType.Function || COLOUR_FUNCTIONS.has(t[4].value.toLowerCase());
  });
}
