import { z } from 'zod';
import { Day, Id, Timestamp } from './common';
import { QuestionStatus, ScopeVerdict } from './status';

export const QuestionSummary = z.object({
  id: Id,
  subject: z.string(),
  status: QuestionStatus,
  scopeVerdict: ScopeVerdict.nullable(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  productVersion: z.string(),
  nextCheckpoint: Day.nullable(),
  receivedAt: Timestamp,
  updatedAt: Timestamp,
  messageCount: z.number().int(),
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;

export const MessageView = z.object({
  id: Id,
  direction: z.enum(['in', 'out', 'note']),
  fromName: z.string(),
  fromAddress: z.string(),
  subject: z.string(),
  sentAt: Timestamp,
  text: z.string(),
  /** Sanitised HTML, when the mail had an HTML part. */
  html: z.string().nullable(),
});
export type MessageView = z.infer<typeof MessageView>;

export const StatusChangeView = z.object({
  id: Id,
  fromStatus: QuestionStatus.nullable(),
  toStatus: QuestionStatus,
  at: Timestamp,
  actor: z.string(),
  note: z.string(),
  customerMessage: z.string(),
  nextCheckpoint: Day.nullable(),
  /** The message was only drafted, or it was sent (marked sent, or handed whole to the mail program). */
  delivery: z.enum(['draft', 'sent']).nullable().default(null),
});
export type StatusChangeView = z.infer<typeof StatusChangeView>;

export const QuestionDetail = QuestionSummary.extend({
  body: z.string(),
  scopeNote: z.string(),
  messages: z.array(MessageView),
  statusHistory: z.array(StatusChangeView),
  /** title: the label; titles: per language ('' where not written), for the UI's language. */
  capabilities: z.array(
    z.object({
      id: Id,
      title: z.string(),
      titles: z.object({ ja: z.string(), en: z.string() }).default({ ja: '', en: '' }),
    }),
  ),
  answers: z.array(z.object({ id: Id, title: z.string() })),
});
export type QuestionDetail = z.infer<typeof QuestionDetail>;

/**
 * The parts of the Inbox, in the order it shows them: overdue checkpoints first, always, then what
 * is due today. A question nobody has acknowledged yet (still 'received') comes next, above the
 * upcoming ones: its checkpoint is two working days away, but the customer is waiting to hear that
 * someone has read it, and among upcoming work sorted by date it would sink out of sight.
 */
export const inboxGroups = ['overdue', 'today', 'new', 'upcoming', 'unscheduled', 'closed'] as const;
export const InboxGroup = z.enum(inboxGroups);
export type InboxGroup = z.infer<typeof InboxGroup>;

/** How many questions each part of the Inbox holds (all of them, not a fetched page). */
export const InboxCounts = z.object({
  groups: z.array(z.object({ group: InboxGroup, count: z.number().int().min(0) })),
  /** Open questions: every group but 'closed' (the sidebar's badge). */
  open: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type InboxCounts = z.infer<typeof InboxCounts>;
