import { z } from 'zod';
import { Capability, CapabilityTexts } from '../domain/capability';
import { Id, Language, Text } from '../domain/common';
import { CustomerProfile, CustomerSummary } from '../domain/customer';
import { StatusChangeView } from '../domain/question';
import { ScopeVerdict } from '../domain/status';
import {
  CapabilitySuggestion,
  CustomerContact,
  DraftPurpose,
  MessageDraft,
  MessageTemplate,
  MessageTemplateKey,
  StatusChangeInput,
  TimelineItem,
} from '../domain/tracking';
import { defineChannels } from './channel';

const CapabilityFields = {
  /** Title and description per language; at least one title. */
  texts: CapabilityTexts,
  keywords: z.array(z.string().max(100)).max(200).default([]),
};

// Scope guard, customer memory and tracking (issue 4).
export const trackingChannels = defineChannels({
  /** Capabilities the question is most likely about, best first. */
  'scope:suggest': {
    input: z.object({ questionId: Id, limit: z.number().int().min(1).max(50).default(5) }),
    output: z.array(CapabilitySuggestion),
  },
  'scope:set': {
    input: z.object({
      questionId: Id,
      verdict: ScopeVerdict,
      capabilityIds: z.array(Id).max(100).default([]),
      note: Text(5000).default(''),
    }),
    output: z.object({ verdict: ScopeVerdict, capabilityIds: z.array(Id) }),
  },
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
  'questions:changeStatus': { input: StatusChangeInput, output: StatusChangeView },
  /** Asks where to save, writes the work log as CSV; null when the dialog was cancelled. */
  'log:exportCsv': {
    // language: the UI's, for the summaries in words (shared/tracking/logText.ts).
    input: z.object({ questionId: Id.optional(), customerId: Id.optional(), language: Language.optional() }),
    output: z.object({ path: z.string(), rows: z.number().int() }).nullable(),
  },
  'customers:update': {
    input: z.object({ id: Id, contact: CustomerContact, profile: CustomerProfile }),
    output: CustomerSummary,
  },
  'customers:timeline': { input: z.object({ id: Id }), output: z.array(TimelineItem) },
  'capabilities:create': {
    input: z.object({ parentId: Id.nullable(), ...CapabilityFields }),
    output: Capability,
  },
  'capabilities:update': { input: z.object({ id: Id, ...CapabilityFields }), output: Capability },
  'capabilities:delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
  'capabilities:move': {
    input: z.object({ id: Id, direction: z.enum(['up', 'down']) }),
    output: z.array(Capability),
  },
  /** Drag and drop (and its Undo): put a capability at index among parentId's children. */
  'capabilities:place': {
    input: z.object({ id: Id, parentId: Id.nullable(), index: z.number().int().min(0).max(100_000) }),
    output: z.array(Capability),
  },
  'capabilities:export': {
    input: z.object({}),
    output: z.object({ path: z.string(), areas: z.number().int(), operations: z.number().int() }).nullable(),
  },
  'capabilities:import': {
    input: z.object({}),
    output: z
      .object({
        path: z.string(),
        added: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
      })
      .nullable(),
  },
});
