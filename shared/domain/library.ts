import { z } from 'zod';
import { AppErrorSchema } from './appError';

export const LibraryCounts = z.object({
  products: z.number().int(),
  capabilities: z.number().int(),
  customers: z.number().int(),
  questions: z.number().int(),
  messages: z.number().int(),
  answers: z.number().int(),
  media_assets: z.number().int(),
  clips: z.number().int(),
  bundles: z.number().int(),
  publications: z.number().int(),
  log_entries: z.number().int(),
});
export type LibraryCounts = z.infer<typeof LibraryCounts>;

/**
 * What is known of the database file's soundness (issue 20). Opening checks what is cheap (header,
 * page count against the file's size, schema; SQLite's quick_check on a small file); the full
 * integrity_check follows as a background job in the app, and before a backup.
 */
export const IntegrityState = z.object({
  /** The most thorough check done so far. */
  checked: z.enum(['open', 'full']),
  /** 'checking': the full check is running; 'problem': a check failed (see detail). */
  status: z.enum(['ok', 'checking', 'problem']),
  /** SQLite's words for a problem. */
  detail: z.string().nullable(),
  /** When the last check finished. */
  at: z.string().nullable(),
});
export type IntegrityState = z.infer<typeof IntegrityState>;

export const LibraryInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  integrity: IntegrityState,
  readOnly: z.boolean(),
});
export type LibraryInfo = z.infer<typeof LibraryInfo>;

/** What the window shows: an open library, a library that failed to open (and why), or none yet. */
export const LibraryState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('open'), info: LibraryInfo }),
  z.object({ status: z.literal('error'), path: z.string(), error: AppErrorSchema }),
  z.object({ status: z.literal('none') }),
]);
export type LibraryState = z.infer<typeof LibraryState>;
