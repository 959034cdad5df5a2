import { z } from 'zod';
import { Id, Language, Text } from '../domain/common';
import { LogEntry } from '../domain/log';
import {
  DraftPurpose,
  MessageDraft,
  MessageTemplate,
  MessageTemplateKey,
  StatusChangeInput,
} from '../domain/tracking';
import { defineChannels } from './channel';

// Tracking (issue 4): the messages drafted to customers from the templates, and the work log.
export const trackingChannels = defineChannels({
  /** A customer message drafted from the templates, in the customer's language. */
  'drafts:make': {
    input: z.object({
      questionId: Id,
      purpose: DraftPurpose,
      status: StatusChangeInput.shape.to.optional(),
      nextCheckpoint: StatusChangeInput.shape.nextCheckpoint.optional(),
    }),
    output: MessageDraft,
  },
  /** Logs that a draft was copied, or opens it in the mail program (mailto:) and logs that. */
  'drafts:send': {
    input: z.object({
      questionId: Id,
      purpose: DraftPurpose,
      via: z.enum(['mail', 'copy']),
      subject: Text(500),
      body: Text(20_000),
    }),
    /**
     * file: the draft was too long for a mailto: link and was opened as an unsent .eml; bodyOmitted:
     * neither worked, the mail opened with the subject only (the UI copies the text).
     */
    output: z.object({ url: z.string().nullable(), bodyOmitted: z.boolean(), file: z.string().nullable() }),
  },
  /** The vendor says a drafted message was sent (ref from the timeline: 'status:<id>' or 'log:<id>'). */
  'drafts:markSent': {
    input: z.object({ ref: z.string().regex(/^(status|log):\d{1,15}$/) }),
    output: z.object({ ref: z.string() }),
  },
  'messageTemplates:list': { input: z.object({}), output: z.array(MessageTemplate) },
  'messageTemplates:save': {
    input: z.object({ key: MessageTemplateKey, language: Language, subject: Text(500), body: Text(20_000) }),
    output: MessageTemplate,
  },
  'messageTemplates:reset': {
    input: z.object({ key: MessageTemplateKey, language: Language }),
    output: MessageTemplate,
  },
  'log:list': {
    input: z.object({
      questionId: z.number().int().optional(),
      customerId: z.number().int().optional(),
      answerId: z.number().int().optional(),
      limit: z.number().int().min(1).max(10_000).default(200),
    }),
    output: z.array(LogEntry),
  },
  /** Asks where to save, writes the work log as CSV; null when the dialog was cancelled. */
  'log:exportCsv': {
    // language: the UI's, for the summaries in words (shared/tracking/logText.ts).
    input: z.object({ questionId: Id.optional(), customerId: Id.optional(), language: Language.optional() }),
    output: z.object({ path: z.string(), rows: z.number().int() }).nullable(),
  },
});
