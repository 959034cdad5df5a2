import { z } from 'zod';

export const Id = z.number().int().positive();
/** An instant, ISO 8601 in UTC (`2026-11-23T09:00:00.000Z`). */
export const Timestamp = z.string().min(1);
/** A calendar day in the vendor's time zone (`2026-11-23`). */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** Free text typed by a person: bounded so a pasted novel cannot stall the app. */
export const Text = (max = 100_000) => z.string().max(max);
export const Language = z.enum(['ja', 'en']);
export type Language = z.infer<typeof Language>;
