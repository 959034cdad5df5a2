import { z } from 'zod';
import { AnswerDocumentShape } from '../answers/schema';
import { ImageExtension } from '../answers/media';
import { Id, Language, Sha256, Text, Timestamp } from './common';

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
  /** The working copy: always a valid document (every door checks it; migration 0125 repaired old ones). */
  doc: AnswerDocumentShape,
  plainText: z.string(),
  questions: z.array(z.object({ id: Id, subject: z.string(), customerName: z.string().nullable() })),
  /** The working copy differs from the latest revision (autosave keeps it; a save point makes one). */
  editedSinceRevision: z.boolean(),
});
export type AnswerDetail = z.infer<typeof AnswerDetail>;

export const AnswerTitle = z.string().trim().min(1).max(300);

export const SaveResult = z.object({
  updatedAt: Timestamp,
  revision: z.number().int(),
  editedSinceRevision: z.boolean(),
  verifiedVersion: z.string().nullable(),
  verifiedAt: Timestamp.nullable(),
});
export type SaveResult = z.infer<typeof SaveResult>;

export const RevisionSummary = z.object({
  revision: z.number().int(),
  title: z.string(),
  /** A note the vendor typed, or a machine note: '@created', '@auto', '@before-restore', '@restored:N'. */
  note: z.string(),
  createdAt: Timestamp,
  chars: z.number().int(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/**
 * A revision as it was stored. History is never rewritten, so an old revision may fail today's
 * schema (issue 15): it is shown as text, and restoring it checks it like a save.
 */
export const Revision = RevisionSummary.extend({ doc: z.unknown() });
export type Revision = z.infer<typeof Revision>;

export const AnswerSuggestion = z.object({
  id: Id,
  title: z.string(),
  kind: AnswerKind,
  language: Language,
  excerpt: z.string(),
  score: z.number(),
  /** Why it was suggested: capabilities it shares with the question, words it shares. */
  capabilities: z.array(z.string()),
  terms: z.array(z.string()),
});
export type AnswerSuggestion = z.infer<typeof AnswerSuggestion>;

export const TemplateKind = z.enum(['greeting', 'closing', 'steps', 'snippet']);
export const Template = z.object({
  id: Id,
  kind: z.string(),
  language: Language,
  name: z.string(),
  /** Plain text (paragraphs split on blank lines, {{name}} = the customer's name), or JSON
   *  `{"nodes": [...]}` of serialized editor nodes for rich snippets such as common steps. */
  body: z.string(),
  updatedAt: Timestamp,
});
export type Template = z.infer<typeof Template>;

export const TemplateInput = z.object({
  id: Id.optional(),
  kind: TemplateKind,
  language: Language,
  name: z.string().trim().min(1).max(200),
  body: Text(500_000).refine((b) => b.trim().length > 0, 'empty'),
});

export const StoredImage = z.object({
  sha256: Sha256,
  ext: ImageExtension,
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  size: z.number().int(),
});
export type StoredImage = z.infer<typeof StoredImage>;

export const ClipChoice = z.object({
  id: Id,
  title: z.string(),
  durationS: z.number().nullable(),
  chapters: z.array(z.object({ title: z.string(), timeS: z.number() })),
});
export type ClipChoice = z.infer<typeof ClipChoice>;
