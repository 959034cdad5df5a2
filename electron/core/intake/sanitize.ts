import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { cleanInlineStyle } from './mailCss';

// Mail HTML is hostile until proven otherwise: scripts, event handlers, forms, tracking pixels,
// remote style sheets. It is sanitised here, in the core, with DOMPurify on one jsdom window; the
// renderer then shows it in a sandboxed iframe with its own CSP, so either layer alone would hold.
// <style> elements are dropped whole; style attributes keep only allow-listed formatting.

let purifier: DOMPurify | null = null;
let textWindow: JSDOM['window'] | null = null;
/** cid → sha256 of the message being sanitised (hooks are per instance; sanitising is synchronous). */
let inlineImages: ReadonlyMap<string, string> = new Map();
/** When re-sanitising stored HTML: the hashes its own markers may name (null: a mail, no markers). */
let storedMedia: ReadonlySet<string> | null = null;

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;

function purify(): DOMPurify {
  if (purifier) return purifier;
  const { window } = new JSDOM('');
  const instance = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  // Only this sanitiser may set the markers the renderer acts on; a mail cannot bring its own.
  instance.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'data-media') data.keepAttr = storedMedia?.has(data.attrValue) ?? false;
    if (data.attrName === 'data-blocked')
      data.keepAttr = storedMedia !== null && /^(remote|missing)$/.test(data.attrValue);
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    // Rebuilt from an allow-list by a CSS tokeniser (mailCss.ts): this alone must hold, CSP or not.
    if (el.hasAttribute?.('style')) {
      const style = cleanInlineStyle(el.getAttribute('style') ?? '');
      if (style) el.setAttribute('style', style);
      else el.removeAttribute('style');
    }
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src') ?? '';
      el.removeAttribute('src');
      if (/^cid:/i.test(src)) {
        const sha = inlineImages.get(normaliseContentId(src.slice(4)));
        if (sha) el.setAttribute('data-media', sha);
        else el.setAttribute('data-blocked', 'missing');
      } else if (SAFE_DATA_IMAGE.test(src)) {
        el.setAttribute('src', src);
      } else if (src) {
        // A remote image is a tracking pixel at best: never loaded; the UI says one was blocked.
        el.setAttribute('data-blocked', 'remote');
      }
    }
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      el.removeAttribute('href');
      el.removeAttribute('target');
      // Links are shown, not followed: a click inside the mail must not load anything.
      if (/^(https?|mailto):/i.test(href)) el.setAttribute('title', href);
    }
  });
  purifier = instance;
  return instance;
}

/** `<abc@x>` and `abc@x` name the same part; Content-IDs are compared without brackets or case. */
export function normaliseContentId(cid: string): string {
  let value = cid.trim();
  try {
    value = decodeURIComponent(value);
  } catch {
    /* not URL-encoded */
  }
  return value.replace(/^<|>$/g, '').toLowerCase();
}

/**
 * Sanitised HTML: no script or handler, no form, no frame, no style sheet, nothing that loads from
 * anywhere. Inline (cid:) images become `<img data-media="sha256">` for the renderer to point at
 * the media store; remote images become `<img data-blocked="remote">`.
 */
export function sanitiseMailHtml(html: string, images: ReadonlyMap<string, string> = new Map()): string {
  inlineImages = images;
  try {
    return purify().sanitize(html, {
      WHOLE_DOCUMENT: false,
      FORBID_TAGS: [
        'style',
        'link',
        'meta',
        'base',
        'form',
        'input',
        'button',
        'select',
        'textarea',
        'iframe',
        'frame',
        'frameset',
        'object',
        'embed',
        'video',
        'audio',
        'source',
        'track',
        'svg',
        'math',
        'picture',
        'template',
      ],
      FORBID_ATTR: [
        'srcset',
        'action',
        'formaction',
        'background',
        'poster',
        'ping',
        'lowsrc',
        'dynsrc',
        'usemap',
      ],
      ALLOW_DATA_ATTR: false,
      ADD_ATTR: ['data-media', 'data-blocked'],
    });
  } finally {
    inlineImages = new Map();
  }
}

const BLOCK = /^(P|DIV|LI|TR|H[1-6]|BLOCKQUOTE|PRE|TABLE|UL|OL|HR|SECTION|ARTICLE|HEADER|FOOTER)$/;

/**
 * Stored HTML sanitised again on the way out (rows written by older versions or other tools are not
 * trusted), keeping its own markers: inline images of this message and "blocked" notes.
 */
export function resanitiseStoredHtml(html: string, ownMedia: Iterable<string>): string {
  storedMedia = new Set(ownMedia);
  try {
    return sanitiseMailHtml(html);
  } finally {
    storedMedia = null;
  }
}

/** Plain text of an HTML body, for search and for a mail that had no text part. */
export function htmlToPlainText(html: string): string {
  textWindow ??= new JSDOM('').window;
  const template = textWindow.document.createElement('template');
  // Sanitised first: parsing into an inert template runs nothing, but loads stay out of the text too.
  template.innerHTML = sanitiseMailHtml(html);
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
    if (node.nodeType === 1 && (node as Element).tagName === 'BR') parts.push('\n');
    const block = node.nodeType === 1 && BLOCK.test((node as Element).tagName);
    if (block) parts.push('\n');
    node.childNodes.forEach(walk);
    if (block) parts.push('\n');
  };
  template.content.childNodes.forEach(walk);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
