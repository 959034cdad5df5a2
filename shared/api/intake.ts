import { z } from 'zod';
import { Id, Sha256, Text, Timestamp } from '../domain/common';
import { VerdictKind } from '../domain/verdict';
import { defineChannels } from './channel';

// Intake (issue 4): how a question enters the studio — by hand, by paste, by dropping mail files,
// by the Import button or `kotae import`.

/** Why a message was not imported: a key under `intake:reason.*` (the UI and the CLI explain it). */
export const RejectReason = z.enum([
  'empty',
  'tooLarge',
  'notMail',
  'truncated',
  'tooManyAttachments',
  'unreadable',
  'unsupported',
  'failed',
]);
export type RejectReason = z.infer<typeof RejectReason>;

export const ImportOutcome = z.enum(['imported', 'threaded', 'duplicate', 'rejected']);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportItem = z.object({
  /** File name, with `#n` for the n-th message of an mbox. */
  source: z.string(),
  subject: z.string(),
  outcome: ImportOutcome,
  questionId: Id.nullable(),
  reason: RejectReason.nullable(),
  /** Technical detail (the parser's message, the size), for the report's small print. */
  detail: z.string().nullable(),
  /** The customer's verdict on an answer that this mail carried (issue 22). */
  verdict: VerdictKind.optional(),
});
export type ImportItem = z.infer<typeof ImportItem>;

export const ImportReport = z.object({
  imported: z.number().int(),
  threaded: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** Every rejected message, and the others up to a cap (a 10,000-message mbox is not listed whole). */
  items: z.array(ImportItem),
  /** Items not listed because of the cap (never rejected ones). */
  unlisted: z.number().int(),
  cancelled: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ThreadAttachment = z.object({
  sha256: Sha256,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  inline: z.boolean(),
  contentId: z.string().nullable(),
});
export type ThreadAttachment = z.infer<typeof ThreadAttachment>;

export const ThreadMessage = z.object({
  id: Id,
  direction: z.enum(['in', 'out', 'note']),
  fromName: z.string(),
  fromAddress: z.string(),
  toAddresses: z.array(z.string()),
  subject: z.string(),
  sentAt: Timestamp,
  text: z.string(),
  /** Sanitised HTML: no script, no remote load; inline images as `<img data-media="sha256">`. */
  html: z.string().nullable(),
  attachments: z.array(ThreadAttachment),
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;

export const NewQuestionInput = z.object({
  customerName: z.string().trim().max(200).default(''),
  customerEmail: z.union([z.literal(''), z.string().trim().email().max(320)]).default(''),
  subject: z.string().trim().min(1).max(500),
  body: Text(1_000_000).default(''),
  /** HTML pasted from a mail client; sanitised in the core, its text kept when body is empty. */
  html: Text(5_000_000).nullable().default(null),
});
export type NewQuestionInput = z.input<typeof NewQuestionInput>;

const Paths = z.array(z.string().min(1).max(4096)).min(1).max(10_000);

export const intakeChannels = defineChannels({
  /** A question typed (or pasted) by hand. */
  'intake:new': { input: NewQuestionInput, output: z.object({ questionId: Id, customerId: Id.nullable() }) },
  /** Imports .eml / .mbox files or folders of them as a job; the job's result is an ImportReport. */
  'intake:import': { input: z.object({ paths: Paths }), output: z.object({ jobId: z.string() }) },
  /** Asks the OS for mail files, then imports them as a job; null when the user cancelled. */
  'intake:chooseImport': { input: z.object({}), output: z.object({ jobId: z.string() }).nullable() },
  /** The report of an import job of this run, also of one that was cancelled or is still running. */
  'intake:report': { input: z.object({ jobId: z.string().max(100) }), output: ImportReport.nullable() },
  /** The whole thread of a question, with attachments and sanitised HTML. */
  'intake:thread': { input: z.object({ questionId: Id }), output: z.array(ThreadMessage) },
  /** Shows an attachment's file in the OS file manager. */
  'intake:showAttachment': { input: z.object({ sha256: Sha256 }), output: z.object({ shown: z.string() }) },
});
