import { isElement, type AnswerDocument, type AnyNode, type DocNode } from './document';

// The public version of an answer (issue 16): what the FAQ may show. An answer is written for one
// customer first; the FAQ never shows
// - a block the vendor marked "for this customer only" (a toggle on any block in the editor),
// - the greeting and the closing addressed to the customer (marked when inserted from a template,
//   and recognised when typed at the start or the end),
// - the resolution summary's "what remains, for whom".
// A public answer may also have a public title different from the customer's subject.
// The marks are Lexical node state (`"$": {…}` in the stored JSON), so the editor keeps them on
// every node type without a node class of its own.

export {
  BlockStateSchema,
  CUSTOMER_ONLY_STATE,
  PUBLIC_TITLE_STATE,
  ROLE_STATE,
  RootStateSchema,
  type BlockRole,
} from './marks';
import { CUSTOMER_ONLY_STATE, PUBLIC_TITLE_STATE, ROLE_STATE } from './marks';

type WithState = AnyNode & { $?: Record<string, unknown> };

export function nodeState(node: AnyNode): Record<string, unknown> {
  const state = (node as WithState).$;
  return state && typeof state === 'object' ? state : {};
}

export function isCustomerOnly(node: DocNode): boolean {
  const state = nodeState(node);
  return (
    state[CUSTOMER_ONLY_STATE] === true || state[ROLE_STATE] === 'greeting' || state[ROLE_STATE] === 'closing'
  );
}

/** The title the FAQ shows: the public title when the vendor gave one, else the answer's title. */
export function publicTitleOf(doc: AnswerDocument | null, title: string): string {
  const value = doc ? nodeState(doc.root)[PUBLIC_TITLE_STATE] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : title;
}

const text = (node: DocNode): string =>
  node.type === 'text'
    ? String((node as { text?: unknown }).text ?? '')
    : node.type === 'linebreak'
      ? '\n'
      : isElement(node)
        ? node.children.map(text).join('')
        : '';

/** Longer than this, a paragraph is content, whatever it starts with. */
const MAX_GREETING = 300;
const GREETING_EN =
  /^(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))\b|^thanks? (?:you )?(?:so much |very much )?for (?:getting in touch|contacting|reaching out|your (?:message|e-?mail|mail|question|inquiry|enquiry|patience))/i;
const GREETING_JA =
  /^(?:いつもお世話になっております|お世話になっております|お問い合わせ(?:いただき)?ありがとうございます|ご連絡(?:いただき)?ありがとうございます|ご質問(?:いただき)?ありがとうございます)|^[^\n]{1,40}(?:様|さま|さん|殿|御中)[、,]?\s*(?:\n|$)/;
const CLOSING_EN =
  /^(?:(?:best|kind|warm|warmest)\s+)?regards\b|^thanks? (?:you )?(?:again |so much |very much )?for (?:your patience|bearing with us|waiting|getting in touch|contacting us|your understanding)|^(?:sincerely|cheers|thanks again|best wishes|all the best|yours)\b|^if (?:anything|you have (?:any )?(?:more |other |further )?questions?)\b[^\n]{0,120}\b(?:reply|let us know|contact|write)/i;
const CLOSING_JA =
  /よろしくお願い(?:いた|致)します|よろしくお願い申し上げます|ご不明な点が(?:ありましたら|ございましたら)|何かございましたら|今後とも/;

/** A paragraph that greets the customer (at the start of an answer). */
export function looksLikeGreeting(block: DocNode): boolean {
  if (block.type !== 'paragraph') return false;
  const t = text(block).trim();
  return t.length > 0 && t.length <= MAX_GREETING && (GREETING_EN.test(t) || GREETING_JA.test(t));
}

/** A paragraph that closes a letter to the customer (at the end of an answer). */
export function looksLikeClosing(block: DocNode): boolean {
  if (block.type !== 'paragraph') return false;
  const t = text(block).trim();
  return t.length > 0 && t.length <= MAX_GREETING && (CLOSING_EN.test(t) || CLOSING_JA.test(t));
}

function withoutPrivate<N extends AnyNode>(node: N): N {
  if (!isElement(node)) return node;
  const children: DocNode[] = node.children
    .filter((c) => !isCustomerOnly(c))
    .filter((c) => !(c.type === 'kotae-resolution-field' && c.field === 'remains'))
    .map((c) => withoutPrivate(c));
  return { ...node, children };
}

/**
 * The document the FAQ publishes and the privacy scan reads: a copy without the blocks for this
 * customer only, the greeting and closing, and what remains for whom. The original is untouched.
 */
export function publicDocument(doc: AnswerDocument): AnswerDocument {
  const root = withoutPrivate(doc.root);
  const blocks = [...root.children];
  // Unmarked greetings and closings, as typed: the first two and the last three blocks at most.
  for (let i = 0; i < 2 && blocks.length && looksLikeGreeting(blocks[0]!); i++) blocks.shift();
  for (let i = 0; i < 3 && blocks.length && looksLikeClosing(blocks[blocks.length - 1]!); i++) blocks.pop();
  return { root: { ...root, children: blocks } };
}
