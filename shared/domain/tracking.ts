import { z } from 'zod';
import { Day, Id, Language, Text, Timestamp } from './common';
import { messageTemplateKeys } from '../tracking/templates';
import { QuestionStatus } from './status';

// Scope verdicts, status changes, customer-message drafts and their templates (issue 4).

export const MessageTemplateKey = z.enum(messageTemplateKeys);

export const MessageTemplate = z.object({
  key: MessageTemplateKey,
  language: Language,
  subject: Text(500),
  body: Text(20_000),
  /** True while the vendor has not changed the built-in text. */
  isDefault: z.boolean(),
});
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export const MessageDraft = z.object({
  to: z.string().nullable(),
  language: Language,
  subject: z.string(),
  body: z.string(),
  /**
   * Texts of the draft that have no translation in the customer's language (capabilities listed in
   * the other language): shown next to the draft, so the vendor sees them before sending.
   */
  untranslated: z.array(z.string()).default([]),
});
export type MessageDraft = z.infer<typeof MessageDraft>;

export const CapabilitySuggestion = z.object({
  id: Id,
  title: z.string(),
  parentTitle: z.string().nullable(),
  score: z.number(),
  /** Words the question shares with the capability, best first: why it was suggested. */
  terms: z.array(z.string()),
});
export type CapabilitySuggestion = z.infer<typeof CapabilitySuggestion>;

/** Why a draft is sent: what the work log says, and which template made it. */
export const DraftPurpose = z.enum(['decline', 'clarification', 'status']);
export type DraftPurpose = z.infer<typeof DraftPurpose>;

export const TimelineItem = z.object({
  at: Timestamp,
  kind: z.enum(['message_in', 'message_out', 'note', 'status', 'answer', 'draft', 'verdict', 'release']),
  questionId: Id,
  questionSubject: z.string(),
  title: z.string(),
  text: z.string(),
  answerId: Id.nullable(),
  /** A message to the customer on this item (a status change's, a draft), as an excerpt. */
  message: z.string().nullable().default(null),
  /**
   * Whether that message reached the customer: 'sent' once the vendor marked it sent or it went
   * whole to the mail program; 'draft' otherwise (saved, copied, but nobody said it was sent).
   */
  delivery: z.enum(['draft', 'sent']).nullable().default(null),
  /** What Mark as sent refers to ('status:<id>' or 'log:<id>'). */
  ref: z.string().max(40).nullable().default(null),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const CustomerContact = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable(),
  company: Text(200),
  phone: Text(100),
  language: Language,
});
export type CustomerContact = z.infer<typeof CustomerContact>;

export const StatusChangeInput = z.object({
  id: Id,
  to: QuestionStatus,
  nextCheckpoint: Day.nullable(),
  note: Text(5000).default(''),
  customerMessage: Text(20_000).default(''),
});
