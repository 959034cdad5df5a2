import { z } from 'zod';
import { Id, Language, Timestamp } from './common';

export const AnswerKind = z.enum(['answer', 'decline']);

export const AnswerSummary = z.object({
  id: Id,
  title: z.string(),
  slug: z.string(),
  kind: AnswerKind,
  language: Language,
  isPublic: z.boolean(),
  revision: z.number().int(),
  excerpt: z.string(),
  questionCount: z.number().int(),
  verifiedVersion: z.string().nullable(),
  verifiedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type AnswerSummary = z.infer<typeof AnswerSummary>;

export const AnswerDetail = AnswerSummary.extend({
  /** The Lexical document (shared/answers/document.ts); validated where it is read. */
  doc: z.unknown(),
  plainText: z.string(),
  questions: z.array(z.object({ id: Id, subject: z.string(), customerName: z.string().nullable() })),
});
export type AnswerDetail = z.infer<typeof AnswerDetail>;
