import { z } from 'zod';
import { Day, Id, Text, Timestamp } from './common';

// Releases of the product and the answers they put on the list to re-check (issue 22).

export const ReleaseVersion = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .refine((v) => [...v].every((c) => c >= ' '), 'no control characters');

export const RecordReleaseInput = z.object({
  version: ReleaseVersion,
  releasedOn: Day,
  /** The capabilities of the catalogue this release changed. */
  capabilityIds: z.array(Id).max(1000),
  note: Text(5000).default(''),
});
export type RecordReleaseInput = z.infer<typeof RecordReleaseInput>;

export const ReleaseCapability = z.object({ id: Id, title: z.string() });

export const Release = z.object({
  id: Id,
  version: z.string(),
  releasedOn: Day.nullable(),
  note: z.string(),
  capabilities: z.array(ReleaseCapability),
  recordedAt: Timestamp.nullable(),
  /** Answers this release put on the list to re-check, and how many of them are still on it. */
  listed: z.number().int(),
  open: z.number().int(),
});
export type Release = z.infer<typeof Release>;

/** One answer to re-check, with why and how much it is read (the list is most-read first). */
export const RecheckItem = z.object({
  answerId: Id,
  title: z.string(),
  isPublic: z.boolean(),
  /** Bundles of this answer exported for a customer. */
  sent: z.number().int(),
  releaseId: Id,
  version: z.string(),
  /** The changed capabilities the answer touches (through its steps or its questions). */
  capabilities: z.array(z.string()),
  /** The oldest version its steps are verified with. */
  checkedWith: z.string().nullable(),
  listedAt: Timestamp,
});
export type RecheckItem = z.infer<typeof RecheckItem>;

/** A re-check of one answer still to do (the Answers screen's banner). */
export const AnswerRecheck = z.object({
  releaseId: Id,
  version: z.string(),
  releasedOn: Day.nullable(),
  capabilities: z.array(z.string()),
  note: z.string(),
  listedAt: Timestamp,
});
export type AnswerRecheck = z.infer<typeof AnswerRecheck>;
