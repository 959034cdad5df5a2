import { z } from 'zod';

// The marks of the public version (issue 16) as Lexical node state (`"$": {…}` in the stored JSON).
// Kept apart from publicVersion.ts so the document schema (schema.ts) can use them without an
// import cycle: schema.ts -> marks.ts, publicVersion.ts -> document.ts -> schema.ts.

/** Node state: the block is for this customer only. */
export const CUSTOMER_ONLY_STATE = 'kotaeCustomerOnly';
/** Node state: the block is the greeting or the closing of a template. */
export const ROLE_STATE = 'kotaeRole';
/** Root state: the title the FAQ shows. */
export const PUBLIC_TITLE_STATE = 'kotaePublicTitle';

export type BlockRole = 'greeting' | 'closing';

/**
 * The node state these marks add, for the answer document's schema: `$` on any block node, and on
 * the root also the public title. (Lexical writes only the values that differ from the default.)
 */
export const BlockStateSchema = z
  .strictObject({
    [CUSTOMER_ONLY_STATE]: z.boolean().optional(),
    [ROLE_STATE]: z.enum(['greeting', 'closing']).optional(),
  })
  .optional();
export const RootStateSchema = z
  .strictObject({ [PUBLIC_TITLE_STATE]: z.string().max(300).optional() })
  .optional();
