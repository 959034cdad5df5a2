import { createState } from 'lexical';
import {
  CUSTOMER_ONLY_STATE,
  PUBLIC_TITLE_STATE,
  ROLE_STATE,
  type BlockRole,
} from '@shared/answers/publicVersion';

// Lexical node state for the public version of an answer (shared/answers/publicVersion.ts): kept
// on any node without a node class of its own, and written into the stored JSON under "$".

/** A block for this customer only: the FAQ leaves it out. */
export const customerOnlyState = createState(CUSTOMER_ONLY_STATE, { parse: (v) => v === true });

/** A greeting or closing inserted from a template: the FAQ leaves it out. */
export const roleState = createState(ROLE_STATE, {
  parse: (v): BlockRole | null => (v === 'greeting' || v === 'closing' ? v : null),
});

/** The title the FAQ shows (on the root); empty: the answer's own title. */
export const publicTitleState = createState(PUBLIC_TITLE_STATE, {
  parse: (v) => (typeof v === 'string' ? v.slice(0, 300) : ''),
});
