import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { NewQuestionInput } from '../../../shared/api/intake';
import type { Library } from '../library';
import type { ParsedMessage } from './parseMail';
import { recordMessage } from './record';

/**
 * A question typed or pasted by hand: the same path as an imported mail (customer matched by
 * address, sanitised HTML, one transaction with its log entry), without headers to thread on.
 */
export function createQuestionByHand(
  library: Library,
  input: z.output<typeof NewQuestionInput>,
): { questionId: number; customerId: number | null } {
  const now = library.now();
  const mail: ParsedMessage = {
    messageId: null,
    inReplyTo: null,
    references: [],
    fromName: input.customerName,
    fromAddress: input.customerEmail.toLowerCase(),
    toAddresses: [],
    subject: input.subject,
    sentAt: now,
    text: input.body,
    html: input.html,
    attachments: [],
    // Two identical questions typed twice are still two questions: the hash includes the moment.
    contentHash: createHash('sha256')
      .update(`by-hand\n${now}\n${input.subject}\n${input.body}\n${randomUUID()}`)
      .digest('hex'),
  };
  // A question typed by hand never threads onto another by subject: the vendor asked for a new one.
  const result = recordMessage(library, mail, [], { source: 'by-hand', newQuestion: true });
  const row = library.db
    .prepare('SELECT customer_id AS c FROM questions WHERE id = ?')
    .get(result.questionId) as { c: number | null };
  return { questionId: result.questionId, customerId: row.c };
}
