// THE way HTML is built outside React (issue 17): a tagged template whose interpolations are
// escaped unless they are already Html, so forgetting to escape is impossible rather than a bug
// to find. Every page we write (bundle, FAQ site, verdict buttons) and the answer renderer use it.

/** A piece of markup that is safe to put in a page as is: made by `html` or marked by `trusted`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may sit in `${}`: text (escaped), Html (kept), nothing (left out), or a list of those. */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML: safe in element content and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function serialise(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(serialise).join('');
  return escapeHtml(String(value as string | number));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += serialise(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/**
 * Markup that was made safe some other way (a JSON data block with `<` escaped, a CSP string of our
 * own). Every caller says why in a comment; none passes text that came from a user.
 */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Pieces joined with a separator (a newline between head lines, for a readable page source). */
export function joinHtml(parts: readonly HtmlValue[], separator = ''): Html {
  return new Html(
    parts
      .map(serialise)
      .filter((p) => p !== '')
      .join(separator),
  );
}

/** Only http(s) and mailto: a `javascript:` link in a stored document must never become clickable. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
